import ExamStore

/// Entries missing a result (DOMAIN.md "Missing results").
///
/// An entry is missing a result when its estimated completion is the current series, that
/// series' results have reached the centre for its qualification, and the candidate has no row in
/// results for the qualification in that series (the entry's completion series, which is the
/// current series). A row graded `X` or `Q` is a result to chase (`ResultConcern`), not missing.
package enum MissingResults {
    package static func isMissing(store: Store, entry: Int32, context: RuleContext) -> Bool {
        let e = Int(entry)
        let series = store.entries.completion[e]
        guard context.series != 0, series == context.series else { return false }
        let q = store.entries.qualification[e]
        guard ResultsArrival.resultsArrived(store: store, qualification: q, series: series, today: context.today) else {
            return false
        }
        return !hasResult(store: store, candidate: store.entries.candidate[e], qualification: q, series: series)
    }

    /// `isMissing` for every entry, in entry order: one loop over the entry columns, the arrival
    /// day found once per qualification and each candidate's results read straight off the
    /// by-candidate index (a million entries are asked about on every statement that reads it).
    package static func missingAll(store: Store, context: RuleContext) -> [Bool] {
        let count = store.entries.count
        let series = context.series
        guard series != 0 else { return [Bool](repeating: false, count: count) }
        let completion = store.entries.completion, qualification = store.entries.qualification
        let candidate = store.entries.candidate
        let resultQualification = store.results.qualification, resultSeries = store.results.series
        let offsets = store.resultsByCandidate.offsets, byCandidate = store.resultsByCandidate.rows
        // 0 = not yet looked up, 1 = arrived, 2 = not arrived.
        var arrived = [UInt8](repeating: 0, count: store.qualifications.count)
        return [Bool](unsafeUninitializedCapacity: count) { out, initialised in
            for e in 0..<count {
                out[e] = false
                guard completion[e] == series else { continue }
                let q = qualification[e]
                if arrived[Int(q)] == 0 {
                    arrived[Int(q)] = ResultsArrival.resultsArrived(
                        store: store, qualification: q, series: series, today: context.today) ? 1 : 2
                }
                guard arrived[Int(q)] == 1 else { continue }
                let c = Int(candidate[e])
                var found = false
                if c >= 0, c + 1 < offsets.count {
                    for i in Int(offsets[c])..<Int(offsets[c + 1]) {
                        let r = Int(byCandidate[i])
                        if resultQualification[r] == q && resultSeries[r] == series { found = true; break }
                    }
                }
                out[e] = !found
            }
            initialised = count
        }
    }

    /// Whether the candidate has any results row for the qualification in the series.
    package static func hasResult(store: Store, candidate: Int32, qualification: Int32, series: Int32) -> Bool {
        let results = store.results
        return store.resultsByCandidate[candidate].contains {
            results.qualification[Int($0)] == qualification && results.series[Int($0)] == series
        }
    }
}
