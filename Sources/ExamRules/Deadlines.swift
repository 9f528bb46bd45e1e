import ExamStore

/// Post-results deadlines (DATA-PACK.md "Services", DOMAIN.md "Time"): when a request must be
/// submitted, whether it is due or overdue, and whether its fee comes back.
public enum Deadlines {
    /// An appeal stage 1 is due this many calendar days after its review's outcome.
    public static let appealStage1Days = 30
    /// An appeal stage 2 is due this many calendar days after the stage 1 outcome.
    public static let appealStage2Days = 14

    /// The calendar event that sets a service's deadline; nil for appeals (they run from an outcome).
    public static func eventName(for service: Service) -> String? {
        switch service {
        case .priorityReviewOfMarking: "priority_review_deadline"
        case .clericalRecheck, .reviewOfMarking, .reviewOfModeration: "review_deadline"
        case .priorityCopyOfScript: "priority_ats_deadline"
        case .copyOfScript: "ats_deadline"
        case .missingResult: "mir_deadline"
        case .appeal1, .appeal2: nil
        }
    }

    /// The series whose calendar sets a review's deadline: its `series` column when given (the
    /// series of the result reviewed), else the series of the candidate's latest result for the
    /// qualification, else the estimated completion of the latest entry for it, else the current series.
    public static func series(store: Store, review: Int32, context: RuleContext) -> Int32 {
        let r = Int(review)
        if store.reviews.series[r] != 0 { return store.reviews.series[r] }
        let c = store.reviews.candidate[r], q = store.reviews.qualification[r]
        if let result = store.resultsByCandidate[c].last(where: { store.results.qualification[Int($0)] == q }) {
            return store.results.series[Int(result)]
        }
        if let entry = store.entry(candidate: c, qualification: q) {
            let completion = store.entries.completion[Int(entry)]
            return completion != 0 ? completion : store.entries.series[Int(entry)]
        }
        return context.series
    }

    /// A review's deadline; nil when no calendar event matches it, or when an appeal's earlier
    /// review has no outcome date yet (then the request has no deadline).
    ///
    /// An `APPEAL1` runs from the latest earlier review of results (services 1, 2, 2P, 3) of the
    /// same candidate and qualification, and of the same component when the appeal names one;
    /// an `APPEAL2` from the latest earlier `APPEAL1` of the same. "Earlier" means requested on or
    /// before the appeal (the earlier row in the file when either request date is blank);
    /// "latest" means the latest request date, then the later row.
    public static func deadline(store: Store, review: Int32, context: RuleContext) -> Deadline? {
        let service = store.reviews.service[Int(review)]
        switch service {
        case .appeal1:
            return appealDeadline(store: store, review: review, days: appealStage1Days) { $0.isReviewOfResults }
        case .appeal2:
            return appealDeadline(store: store, review: review, days: appealStage2Days) { $0 == .appeal1 }
        default:
            guard let name = eventName(for: service), let event = store.pool.lookup(name) else { return nil }
            let series = series(store: store, review: review, context: context)
            guard let row = AppliesTo.event(store: store, named: event, series: series,
                                            qualification: store.reviews.qualification[Int(review)]) else { return nil }
            return Deadline(date: store.calendar.date[Int(row)],
                            source: .calendar(eventRow: row, appliesTo: store.pool[store.calendar.appliesTo[Int(row)]]))
        }
    }

    /// The deadlines of every review, in review order.
    public static func deadlines(store: Store, context: RuleContext) -> [Deadline?] {
        (0..<store.reviews.count).map { deadline(store: store, review: Int32($0), context: context) }
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
        return Deadline(date: reviews.outcomeDate[basedOn].adding(days: days),
                        source: .appeal(basedOnReview: Int32(basedOn), days: days))
    }

    // MARK: The clock

    /// Due: not submitted, and the deadline has not passed (the deadline day itself is due).
    public static func isDue(submitted: Day, deadline: Day?, today: Day) -> Bool {
        guard submitted.isBlank, let deadline else { return false }
        return deadline >= today
    }

    /// Overdue: not submitted, and today is after the deadline.
    public static func isOverdue(submitted: Day, deadline: Day?, today: Day) -> Bool {
        guard submitted.isBlank, let deadline else { return false }
        return today > deadline
    }

    /// Days from today to the deadline: 0 on the day, negative once passed; nil without a deadline.
    public static func daysLeft(deadline: Day?, today: Day) -> Int? {
        guard let deadline else { return nil }
        return Int(deadline.number) - Int(today.number)
    }

    /// Whether `day` falls in today's week, Monday to Sunday.
    public static func isThisWeek(_ day: Day, today: Day) -> Bool {
        !day.isBlank && day.monday == today.monday
    }

    public static func isDue(store: Store, review: Int32, context: RuleContext) -> Bool {
        isDue(submitted: store.reviews.submitted[Int(review)],
              deadline: deadline(store: store, review: review, context: context)?.date, today: context.today)
    }

    public static func isOverdue(store: Store, review: Int32, context: RuleContext) -> Bool {
        isOverdue(submitted: store.reviews.submitted[Int(review)],
                  deadline: deadline(store: store, review: review, context: context)?.date, today: context.today)
    }

    public static func daysLeft(store: Store, review: Int32, context: RuleContext) -> Int? {
        daysLeft(deadline: deadline(store: store, review: review, context: context)?.date, today: context.today)
    }

    /// The fee is refunded when the grade changed: the outcome is raised or lowered.
    public static func feeRefundable(store: Store, review: Int32) -> Bool {
        let outcome = store.reviews.outcome[Int(review)]
        return outcome == .raised || outcome == .lowered
    }
}
