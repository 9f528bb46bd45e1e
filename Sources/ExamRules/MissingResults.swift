import ExamStore

/// Entries missing a result (DOMAIN.md "Missing results").
///
/// An entry is missing a result when its estimated completion is the current series, that
/// series' results have reached the centre for its qualification, and the candidate has no row in
/// results for the qualification in that series (the entry's completion series, which is the
/// current series). A row graded `X` or `Q` is a result to chase (`ResultConcern`), not missing.
public enum MissingResults {
    public static func isMissing(store: Store, entry: Int32, context: RuleContext) -> Bool {
        let e = Int(entry)
        let series = store.entries.completion[e]
        guard context.series != 0, series == context.series else { return false }
        let q = store.entries.qualification[e]
        guard ResultsArrival.resultsArrived(store: store, qualification: q, series: series, today: context.today) else {
            return false
        }
        return !hasResult(store: store, candidate: store.entries.candidate[e], qualification: q, series: series)
    }

    /// `isMissing` for every entry, in entry order; the arrival day is found once per qualification.
    public static func missingAll(store: Store, context: RuleContext) -> [Bool] {
        let entries = store.entries
        var out = [Bool](repeating: false, count: entries.count)
        guard context.series != 0 else { return out }
        // 0 = not yet looked up, 1 = arrived, 2 = not arrived.
        var arrived = [UInt8](repeating: 0, count: store.qualifications.count)
        for e in 0..<entries.count where entries.completion[e] == context.series {
            let q = entries.qualification[e]
            if arrived[Int(q)] == 0 {
                arrived[Int(q)] = ResultsArrival.resultsArrived(
                    store: store, qualification: q, series: context.series, today: context.today) ? 1 : 2
            }
            guard arrived[Int(q)] == 1 else { continue }
            out[e] = !hasResult(store: store, candidate: entries.candidate[e], qualification: q, series: context.series)
        }
        return out
    }

    /// Whether the candidate has any results row for the qualification in the series.
    public static func hasResult(store: Store, candidate: Int32, qualification: Int32, series: Int32) -> Bool {
        let results = store.results
        return store.resultsByCandidate[candidate].contains {
            results.qualification[Int($0)] == qualification && results.series[Int($0)] == series
        }
    }
}
