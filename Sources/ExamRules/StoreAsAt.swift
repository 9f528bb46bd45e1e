import ExamStore

/// The store as it was on a day (DOMAIN.md "Time": the store as it was that day; "Post-results
/// requests": outcomes change results). The one place that dates rows: every answer, `why` and
/// statement reads this view, while changes (`add review`, `update ...`) and `export pack` work on
/// the store as loaded.
///
/// - A result is known from its level's restricted release (or results day) in its series
///   (`ResultsArrival`); where no calendar has either, it is known.
/// - A review is known from `requested`; its consent and submission from their own dates; its
///   outcome (with `outcome_date` and `new_grade`) from `outcome_date`.
/// - A certificate is known from `received`; its issue and destruction from their own dates.
/// - Unit achievements, entries and the catalogue carry no date and are always known.
/// - A known `raised` or `lowered` outcome with a `new_grade` sets the grade of the result it
///   reviews (`ReviewOutcomes`); the grade as first issued stays in `originalGrades`.
///
/// A blank date is known (nothing says otherwise). A pack holding nothing after the day gives back
/// the same store, so daily use costs nothing.
package enum StoreAsAt {
    package static func view(_ store: Store, on today: Day) -> Store {
        var s = store
        // Which dated tables lost rows, so only their indexes are rebuilt.
        var dropped = false, droppedReviews = false, droppedCertificates = false

        // Results not yet released.
        // Arrival days by (qualification, series) pair, each worked out once.
        let (perResult, pairs) = ResultPairs.of(store)
        var sameSeries = SeriesMatch(pool: store.pool, series: 0)
        var arrivals: [Day?] = []
        for pair in pairs {
            arrivals.append(ResultsArrival.arrivalDay(store: store, qualification: pair.qualification, series: pair.series, sameSeries: &sameSeries))
        }
        let later = arrivals.map { $0.map { $0 > today } ?? false }
        var keepResults: [Int32] = []
        if later.contains(true) {
            keepResults.reserveCapacity(perResult.count)
            for r in 0..<perResult.count {
                if later[Int(perResult[r])] { dropped = true; continue }
                keepResults.append(Int32(r))
            }
        }
        if dropped { s.results = store.results.selecting(keepResults) }

        // Reviews not yet requested, and what had not yet happened to the others.
        let reviews = store.reviews
        var keepReviews: [Int32] = []
        var blanked = false
        for r in 0..<reviews.count {
            if !reviews.requested[r].isBlank && reviews.requested[r] > today { continue }
            keepReviews.append(Int32(r))
            if after(reviews.consent[r], today) || after(reviews.submitted[r], today) || after(reviews.outcomeDate[r], today) { blanked = true }
        }
        if keepReviews.count < reviews.count || blanked {
            var t = reviews.selecting(keepReviews)
            for i in 0..<t.count {
                if after(t.consent[i], today) { t.consent[i] = .blank }
                if after(t.submitted[i], today) { t.submitted[i] = .blank }
                if after(t.outcomeDate[i], today) { t.outcome[i] = .none; t.outcomeDate[i] = .blank; t.newGrade[i] = 0 }
            }
            s.reviews = t
            droppedReviews = keepReviews.count < reviews.count
        }

        // Certificates not yet received, and issues and destructions to come.
        let certificates = store.certificates
        var keepCertificates: [Int32] = []
        blanked = false
        for r in 0..<certificates.count {
            if after(certificates.received[r], today) { continue }
            keepCertificates.append(Int32(r))
            if after(certificates.issued[r], today) || after(certificates.destroyed[r], today) { blanked = true }
        }
        if keepCertificates.count < certificates.count || blanked {
            var t = certificates.selecting(keepCertificates)
            for i in 0..<t.count {
                if after(t.issued[i], today) { t.issued[i] = .blank }
                if after(t.destroyed[i], today) { t.destroyed[i] = .blank }
            }
            s.certificates = t
            droppedCertificates = keepCertificates.count < certificates.count
        }
        s.reindexDatedTables(results: dropped, reviews: droppedReviews, certificates: droppedCertificates)

        // Outcomes known by today change the grades of the results they review.
        let changes = ReviewOutcomes.changes(store: s)
        if !changes.isEmpty {
            // Changed in a table of its own and set once: each change set through `Store.results`
            // (which forgets what was derived from it) copied the whole grade column.
            var results = s.results
            var original = results.grade
            var by = [Int32](repeating: -1, count: results.count)
            for change in changes {  // in the order they happened: the latest sets the grade
                let r = Int(change.result)
                if by[r] < 0 { original[r] = results.grade[r] }
                results.grade[r] = change.to
                by[r] = change.review
            }
            results.originalGrades = original
            results.changedBy = by
            s.results = results
        }
        return s
    }

    static func after(_ day: Day, _ today: Day) -> Bool { !day.isBlank && day > today }
}

/// How review outcomes change grades (DOMAIN.md "Post-results requests": outcomes change results,
/// refunds), one implementation for the results shown and for `fee_refundable`.
package enum ReviewOutcomes {
    /// One outcome that set a result's grade: review row, result row, the grade before and after.
    package struct Change: Sendable, Equatable {
        package var review: Int32, result: Int32, from: Int32, to: Int32
    }

    /// The result a review is about: the candidate's result for its qualification in the request's
    /// series (`Deadlines.series`) under any of its names (`SeriesMatch`: a request of `June 2024`
    /// reviews a result of `Summer 2024`); where that series is unknown or has no result, none.
    package static func result(store: Store, review: Int32, series: Int32?) -> Int32? {
        var sameSeries = SeriesMatch(pool: store.pool, series: 0)
        return result(store: store, review: review, series: series, sameSeries: &sameSeries)
    }

    /// As `result(store:review:series:)`, with the series names read so far (`sameSeries`).
    static func result(store: Store, review: Int32, series: Int32?, sameSeries: inout SeriesMatch) -> Int32? {
        guard let series, series != 0 else { return nil }
        let r = Int(review)
        let c = store.reviews.candidate[r], q = store.reviews.qualification[r]
        return store.resultsByCandidate[c].last {
            store.results.qualification[Int($0)] == q && sameSeries.same(store.results.series[Int($0)], series)
        }
    }

    /// Every `raised` or `lowered` outcome with a `new_grade`, in the order they happened
    /// (outcome date, a blank one first; then row), with the grade each found and left. Reads the
    /// grades as first issued (`originalGrade`), so it gives the same on a view that has applied them.
    package static func changes(store: Store) -> [Change] {
        let reviews = store.reviews
        var order: [Int] = []
        for r in 0..<reviews.count where (reviews.outcome[r] == .raised || reviews.outcome[r] == .lowered) && reviews.newGrade[r] != 0 {
            order.append(r)
        }
        if order.isEmpty { return [] }
        order.sort { reviews.outcomeDate[$0] != reviews.outcomeDate[$1] ? reviews.outcomeDate[$0] < reviews.outcomeDate[$1] : $0 < $1 }
        let series = Deadlines.allSeries(store: store)
        var current: [Int32: Int32] = [:]
        var out: [Change] = []
        var sameSeries = SeriesMatch(pool: store.pool, series: 0)
        for r in order {
            guard let result = self.result(store: store, review: Int32(r), series: series[r], sameSeries: &sameSeries) else { continue }
            let from = current[result] ?? store.results.originalGrade(Int(result))
            out.append(Change(review: Int32(r), result: result, from: from, to: reviews.newGrade[r]))
            current[result] = reviews.newGrade[r]
        }
        return out
    }

    /// Whether each review's fee comes back: the outcome changed the grade (its `new_grade` differs
    /// from the grade before the review, compared ignoring case and spaces), on a request that was
    /// submitted, whether or not a fee is recorded.
    package static func refundable(store: Store) -> [Bool] {
        var out = [Bool](repeating: false, count: store.reviews.count)
        let pool = store.pool
        func same(_ a: Int32, _ b: Int32) -> Bool {
            a == b || pool[a].lowercased().filter { $0 != " " } == pool[b].lowercased().filter { $0 != " " }
        }
        var judged = [Bool](repeating: false, count: store.reviews.count)
        for change in changes(store: store) where !store.reviews.submitted[Int(change.review)].isBlank {
            out[Int(change.review)] = !same(change.from, change.to)
            judged[Int(change.review)] = true
        }
        // Without a result to compare with (none in the request's series), the outcome's word says it.
        let reviews = store.reviews
        for r in 0..<reviews.count where !judged[r] && !reviews.submitted[r].isBlank {
            out[r] = reviews.outcome[r] == .raised || reviews.outcome[r] == .lowered
        }
        return out
    }
}
