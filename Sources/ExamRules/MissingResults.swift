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
        let e = Int(entry), q = store.entries.qualification[e]
        var current = SeriesMatch(pool: store.pool, series: context.series)
        return missing(inSeries: current.matches(store.entries.completion[e]),
                       reasons: Eligibility.standings(store: store).reasons[e],
                       arrived: { ResultsArrival.resultsArrived(store: store, qualification: q, series: context.series, today: context.today) },
                       hasResult: { hasResult(store: store, candidate: store.entries.candidate[e], qualification: q, series: context.series) })
    }

    /// The rule on one entry, from what is looked up: its completion is the current series, no
    /// eligibility reason holds, its qualification's results have arrived, and the candidate has
    /// no result for the qualification in the series. Looked up only as far as needed, in that order.
    @inline(__always) static func missing(inSeries: Bool, reasons: UInt8, arrived: () -> Bool, hasResult: () -> Bool) -> Bool {
        inSeries && reasons == 0 && arrived() && !hasResult()
    }

    /// `isMissing` for every entry, in entry order: the arrival found once per qualification, the
    /// current series once per distinct series id, and each candidate's results read straight off
    /// the by-candidate index.
    package static func missingAll(store: Store, context: RuleContext) -> [Bool] {
        let n = store.entries.count
        guard context.series != 0 else { return [Bool](repeating: false, count: n) }
        var current = SeriesMatch(pool: store.pool, series: context.series)
        let inSeries = current.entries(of: store)
        let resultInSeries = current.results(of: store)
        let reasons = Eligibility.standings(store: store).reasons
        // Per qualification: 0 = not yet looked up, 1 = arrived, 2 = not arrived.
        var arrived = [UInt8](repeating: 0, count: store.qualifications.count)
        var seriesNames = SeriesMatch(pool: store.pool, series: 0)   // read once for every qualification
        let qualification = store.entries.qualification, candidate = store.entries.candidate
        let offsets = store.resultsByCandidate.offsets, byCandidate = store.resultsByCandidate.rows
        let resultQualification = store.results.qualification
        var out = [Bool](repeating: false, count: n)
        // `missing` over every entry, its lookups unrolled into one loop (a closure per entry
        // would box what it captures); MissingResultsTests checks it against `isMissing`.
        inSeries.withUnsafeBufferPointer { inSeries in
        reasons.withUnsafeBufferPointer { reasons in
        qualification.withUnsafeBufferPointer { qualification in
        candidate.withUnsafeBufferPointer { candidate in
        offsets.withUnsafeBufferPointer { offsets in
        byCandidate.withUnsafeBufferPointer { byCandidate in
        resultQualification.withUnsafeBufferPointer { resultQualification in
        resultInSeries.withUnsafeBufferPointer { resultInSeries in
        out.withUnsafeMutableBufferPointer { out in
            entries: for e in 0..<n {
                guard inSeries[e], reasons[e] == 0 else { continue }
                let q = qualification[e]
                if arrived[Int(q)] == 0 {
                    let day = ResultsArrival.arrivalDay(store: store, qualification: q, series: context.series, sameSeries: &seriesNames)
                    arrived[Int(q)] = day.map { context.today >= $0 } == true ? 1 : 2
                }
                guard arrived[Int(q)] == 1 else { continue }
                let c = Int(candidate[e])
                if c >= 0, c + 1 < offsets.count {
                    for i in Int(offsets[c])..<Int(offsets[c + 1]) {
                        let r = Int(byCandidate[i])
                        if resultQualification[r] == q && resultInSeries[r] { continue entries }
                    }
                }
                out[e] = true
            }
        } } } } } } } } }
        return out
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
}
