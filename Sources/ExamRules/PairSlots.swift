import ExamStore

/// A slot per (qualification row, series) pair met in a column scan, found without hashing.
///
/// Results run by candidate, so the pair changes on most rows; a dictionary on the pair cost a hash
/// per row (tens of milliseconds on a million results). A store has few series, so a series is
/// found by a scan of the handful met so far, and the pair in a table by series and qualification.
struct PairSlots {
    private let qualifications: Int
    private var series: [Int32] = []
    private var table: [Int32] = []
    private var lastQ: Int32 = -1, lastSeries: Int32 = -1, lastSlot: Int32 = -1

    init(qualifications: Int) { self.qualifications = qualifications }

    /// The slot of the pair, or -1 when none was set.
    mutating func slot(_ q: Int32, _ s: Int32) -> Int32 {
        if q == lastQ && s == lastSeries { return lastSlot }
        guard let i = series.firstIndex(of: s) else { return -1 }
        lastQ = q; lastSeries = s; lastSlot = table[i * qualifications + Int(q)]
        return lastSlot
    }

    /// Sets the slot of a pair that had none.
    mutating func set(_ q: Int32, _ s: Int32, to slot: Int32) {
        var i = series.firstIndex(of: s) ?? -1
        if i < 0 {
            i = series.count
            series.append(s)
            table += [Int32](repeating: -1, count: qualifications)
        }
        table[i * qualifications + Int(q)] = slot
        lastQ = q; lastSeries = s; lastSlot = slot
    }
}

/// Every result's (qualification row, series) pair, numbered in the order first met: computed once
/// per results table and kept with the store (`DerivedColumns.resultPairs`), so the embargo and the
/// store as at a day decide per pair, not per result.
enum ResultPairs {
    static func of(_ store: Store) -> (perResult: [Int32], pairs: [(qualification: Int32, series: Int32)]) {
        if let known = store.derived.resultPairs, known.perResult.count == store.results.count { return known }
        var slots = PairSlots(qualifications: store.qualifications.count)
        var pairs: [(qualification: Int32, series: Int32)] = []
        let qs = store.results.qualification, ss = store.results.series
        var perResult = [Int32](repeating: 0, count: store.results.count)
        for r in 0..<store.results.count {
            var slot = slots.slot(qs[r], ss[r])
            if slot < 0 {
                slot = Int32(pairs.count)
                pairs.append((qs[r], ss[r]))
                slots.set(qs[r], ss[r], to: slot)
            }
            perResult[r] = slot
        }
        store.derived.resultPairs = (perResult, pairs)
        return (perResult, pairs)
    }
}
