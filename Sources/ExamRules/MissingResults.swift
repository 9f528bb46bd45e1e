import ExamStore

/// Entries missing a result (DOMAIN.md "Missing results").
///
/// An entry is missing a result when its estimated completion is the current series (names
/// compared by `SeriesName`), that series' results have reached the centre for its qualification,
/// the candidate has no row in results for the qualification in that series, and the entry is
/// expected to get one: a Not Eligible entry (acknowledged or not) gets no result by design and is
/// reported as not eligible (`EntryVerdict.notEligible`), never as missing. A row graded `X` or `Q`
/// is a result to chase (`ResultConcern`), not missing.
package enum MissingResults {
    /// Whether entry `entry` is missing a result.
    package static func isMissing(store: Store, entry: Int32, context: RuleContext) -> Bool {
        var check = Check(store: store, context: context)
        return check.missing(Int(entry))
    }

    /// `isMissing` for every entry, in entry order: the arrival day found once per qualification
    /// and each candidate's results read straight off the by-candidate index.
    package static func missingAll(store: Store, context: RuleContext) -> [Bool] {
        guard context.series != 0 else { return [Bool](repeating: false, count: store.entries.count) }
        var check = Check(store: store, context: context)
        return (0..<store.entries.count).map { check.missing($0) }
    }

    /// Whether the candidate has any results row for the qualification in the series (names
    /// compared by `SeriesName`).
    package static func hasResult(store: Store, candidate: Int32, qualification: Int32, series: Int32) -> Bool {
        var match = SeriesMatch(pool: store.pool, series: series)
        let results = store.results
        return store.resultsByCandidate[candidate].contains {
            results.qualification[Int($0)] == qualification && match.matches(results.series[Int($0)])
        }
    }

    /// The rule for one entry, with what it looks up kept for the next.
    struct Check {
        let store: Store, context: RuleContext
        let reasons: [UInt8]
        var current: SeriesMatch
        /// Per qualification: 0 = not yet looked up, 1 = arrived, 2 = not arrived.
        var arrived: [UInt8]

        init(store: Store, context: RuleContext) {
            self.store = store
            self.context = context
            reasons = Eligibility.standings(store: store).reasons
            current = SeriesMatch(pool: store.pool, series: context.series)
            arrived = [UInt8](repeating: 0, count: store.qualifications.count)
        }

        mutating func missing(_ e: Int) -> Bool {
            guard reasons[e] == 0, current.matches(store.entries.completion[e]) else { return false }
            let q = store.entries.qualification[e]
            if arrived[Int(q)] == 0 {
                arrived[Int(q)] = ResultsArrival.resultsArrived(
                    store: store, qualification: q, series: context.series, today: context.today) ? 1 : 2
            }
            guard arrived[Int(q)] == 1 else { return false }
            let c = Int(store.entries.candidate[e])
            let offsets = store.resultsByCandidate.offsets, byCandidate = store.resultsByCandidate.rows
            guard c >= 0, c + 1 < offsets.count else { return true }
            let resultQualification = store.results.qualification, resultSeries = store.results.series
            for i in Int(offsets[c])..<Int(offsets[c + 1]) {
                let r = Int(byCandidate[i])
                if resultQualification[r] == q && current.matches(resultSeries[r]) { return false }
            }
            return true
        }
    }
}
