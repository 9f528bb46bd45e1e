import ExamStore

/// Post-results deadlines (DATA-PACK.md "Services", DOMAIN.md "Time"): when a request must be
/// submitted, whether it is due or overdue, and whether its fee comes back.
package enum Deadlines {
    /// An appeal stage 1 is due this many calendar days after its review's outcome.
    package static let appealStage1Days = 30
    /// An appeal stage 2 is due this many calendar days after the stage 1 outcome.
    package static let appealStage2Days = 14

    /// The calendar event that sets a service's deadline; nil for appeals (they run from an outcome).
    package static func eventName(for service: Service) -> String? {
        switch service {
        case .priorityReviewOfMarking: "priority_review_deadline"
        case .clericalRecheck, .reviewOfMarking, .reviewOfModeration: "review_deadline"
        case .priorityCopyOfScript: "priority_ats_deadline"
        case .copyOfScript: "ats_deadline"
        case .missingResult: "mir_deadline"
        case .appeal1, .appeal2: nil
        }
    }

    /// A request's series (DOMAIN.md "Post-results requests"): the series of the result it reviews,
    /// as its `series` column gives it (reviews.csv, format 2); else the latest series whose results
    /// day for the qualification (the most specific `results_day` that applies) is on or before
    /// `requested`. Nil when neither says: the series, and so the deadline, is unknown. The unit a
    /// request names (`component`) does not date it: a review of a January unit says so in `series`.
    package static func series(store: Store, review: Int32) -> Int32? {
        var days = ResultsDays()
        return series(store: store, review: review, resultsDays: &days)
    }

    /// The results days of each series, by qualification, worked out once per qualification.
    package struct ResultsDays {
        var byQualification: [Int32: [(day: Day, series: Int32)]] = [:]
        /// The series names read so far (`SeriesMatch`), for every request's calendar event.
        var sameSeries: SeriesMatch?
        package init() {}

        /// `AppliesTo.event`, reading each series name once.
        mutating func event(store: Store, named event: Int32, series: Int32, qualification: Int32) -> Int32? {
            if sameSeries == nil { sameSeries = SeriesMatch(pool: store.pool, series: 0) }
            return AppliesTo.event(store: store, named: event, series: series, qualification: qualification, sameSeries: &sameSeries!)
        }

        mutating func days(store: Store, qualification q: Int32) -> [(day: Day, series: Int32)] {
            if let known = byQualification[q] { return known }
            var seen = Set<Int32>(), found: [(day: Day, series: Int32)] = []
            let event = store.pool.lookup("results_day") ?? -1
            for (i, series) in store.calendar.series.enumerated() where store.calendar.event[i] == event && seen.insert(series).inserted {
                if let row = self.event(store: store, named: event, series: series, qualification: q) {
                    found.append((store.calendar.date[Int(row)], series))
                }
            }
            byQualification[q] = found
            return found
        }
    }

    static func series(store: Store, review: Int32, resultsDays: inout ResultsDays) -> Int32? {
        let r = Int(review)
        if store.reviews.series[r] != 0 { return store.reviews.series[r] }
        let requested = store.reviews.requested[r]
        guard !requested.isBlank else { return nil }
        var latest: (day: Day, series: Int32)? = nil
        for d in resultsDays.days(store: store, qualification: store.reviews.qualification[r]) where d.day <= requested {
            if latest == nil || d.day > latest!.day { latest = d }
        }
        return latest?.series
    }

    /// A review's deadline; nil when it is unknown: its series is unknown, no calendar event of
    /// its series matches it, or an appeal's earlier review has no outcome date yet.
    ///
    /// An `APPEAL1` runs from the latest earlier review of results (services 1, 2, 2P, 3) of the
    /// same candidate and qualification, and of the same component when the appeal names one;
    /// an `APPEAL2` from the latest earlier `APPEAL1` of the same. "Earlier" means requested on or
    /// before the appeal (the earlier row in the file when either request date is blank);
    /// "latest" means the latest request date, then the later row.
    package static func deadline(store: Store, review: Int32, context: RuleContext) -> Deadline? {
        var days = ResultsDays()
        return deadline(store: store, review: review, resultsDays: &days)
    }

    static func deadline(store: Store, review: Int32, resultsDays: inout ResultsDays) -> Deadline? {
        let service = store.reviews.service[Int(review)]
        switch service {
        case .appeal1:
            return appealDeadline(store: store, review: review, days: appealStage1Days) { $0.isReviewOfResults }
        case .appeal2:
            return appealDeadline(store: store, review: review, days: appealStage2Days) { $0 == .appeal1 }
        default:
            guard let name = eventName(for: service), let event = store.pool.lookup(name),
                  let series = series(store: store, review: review, resultsDays: &resultsDays),
                  let row = resultsDays.event(store: store, named: event, series: series,
                                              qualification: store.reviews.qualification[Int(review)]) else { return nil }
            return Deadline(date: store.calendar.date[Int(row)], estimated: store.calendar.estimated[Int(row)],
                            source: .calendar(eventRow: row, appliesTo: store.pool[store.calendar.appliesTo[Int(row)]]))
        }
    }

    /// Why a request has no deadline, in a user's words (for `why` and `add review`).
    package static func unknownDeadlineReason(store: Store, review: Int32) -> String {
        let service = store.reviews.service[Int(review)]
        switch service {
        case .appeal1, .appeal2:
            return "deadline unknown: no earlier outcome to run from yet"
        default:
            guard let series = series(store: store, review: review) else {
                return "deadline unknown: its series is unknown (no results day on or before it was requested; reviews.csv's series column can say)"
            }
            return "deadline unknown: no calendar has \(eventName(for: service) ?? service.code) for \(store.pool[series]) (a calendar.csv row can give it)"
        }
    }

    /// The deadlines of every review, in review order.
    package static func deadlines(store: Store, context: RuleContext) -> [Deadline?] {
        var days = ResultsDays()
        return (0..<store.reviews.count).map { deadline(store: store, review: Int32($0), resultsDays: &days) }
    }

    /// The series of every review, in review order (0 = unknown).
    package static func allSeries(store: Store) -> [Int32] {
        var days = ResultsDays()
        return (0..<store.reviews.count).map { series(store: store, review: Int32($0), resultsDays: &days) ?? 0 }
    }

    static func appealDeadline(store: Store, review: Int32, days: Int,
                               basis: (Service) -> Bool) -> Deadline? {
        let reviews = store.reviews
        let a = Int(review)
        let c = reviews.candidate[a], q = reviews.qualification[a], component = reviews.component[a]
        let requested = reviews.requested[a]
        var latest: Int? = nil
        for r32 in store.reviewsByCandidate[c] {
            let r = Int(r32)
            guard r != a, reviews.qualification[r] == q, basis(reviews.service[r]),
                  component == 0 || reviews.component[r] == component else { continue }
            let asked = reviews.requested[r]
            let earlier = requested.isBlank || asked.isBlank ? r < a : asked <= requested
            guard earlier else { continue }
            if let l = latest {
                let la = reviews.requested[l]
                let isLater = !la.isBlank && !asked.isBlank && asked != la ? asked > la : r > l
                if !isLater { continue }
            }
            latest = r
        }
        guard let basedOn = latest, !reviews.outcomeDate[basedOn].isBlank else { return nil }
        return Deadline(date: reviews.outcomeDate[basedOn].adding(days: days), estimated: false,
                        source: .appeal(basedOnReview: Int32(basedOn), days: days))
    }

    // MARK: The clock

    /// Due: not submitted, and the deadline has not passed (the deadline day itself is due).
    package static func isDue(submitted: Day, deadline: Day?, today: Day) -> Bool {
        guard submitted.isBlank, let deadline else { return false }
        return deadline >= today
    }

    /// Overdue: not submitted, and today is after the deadline.
    package static func isOverdue(submitted: Day, deadline: Day?, today: Day) -> Bool {
        guard submitted.isBlank, let deadline else { return false }
        return today > deadline
    }

    /// Days from today to the deadline: 0 on the day, negative once passed; nil without a deadline.
    package static func daysLeft(deadline: Day?, today: Day) -> Int? {
        guard let deadline else { return nil }
        return Int(deadline.number) - Int(today.number)
    }

    package static func isDue(store: Store, review: Int32, context: RuleContext) -> Bool {
        isDue(submitted: store.reviews.submitted[Int(review)],
              deadline: deadline(store: store, review: review, context: context)?.date, today: context.today)
    }

    package static func isOverdue(store: Store, review: Int32, context: RuleContext) -> Bool {
        isOverdue(submitted: store.reviews.submitted[Int(review)],
                  deadline: deadline(store: store, review: review, context: context)?.date, today: context.today)
    }

    package static func daysLeft(store: Store, review: Int32, context: RuleContext) -> Int? {
        daysLeft(deadline: deadline(store: store, review: review, context: context)?.date, today: context.today)
    }

    /// Whether review `review`'s fee comes back (`ReviewOutcomes.refundable`).
    package static func feeRefundable(store: Store, review: Int32) -> Bool {
        ReviewOutcomes.refundable(store: store)[Int(review)]
    }
}
