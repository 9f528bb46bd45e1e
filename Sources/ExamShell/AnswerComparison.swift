import ExamQuery

/// A trainee's answer set beside the expected one, row by row by the rows' keys: `id` when both
/// show it; else the candidate with the qualification, unit and series that both show; else
/// (counts, groups) every column both show. Column order, extra columns and row order do not
/// matter; a row missing or extra does.
struct AnswerComparison {
    /// The columns compared (empty when the answers share none).
    let keys: [String]
    let missing: Int
    let extra: Int
    let expectedRows: Int

    init(expected: Answer, given: Answer) {
        let e = AnswerComparison.columnIndex(expected), g = AnswerComparison.columnIndex(given)
        let shared = expected.names.map { $0.lowercased() }.filter { g[$0] != nil }
        let keys = shared.contains("id") ? ["id"]
            : shared.contains("candidate") ? ["candidate", "qualification", "unit", "series"].filter { shared.contains($0) }
            : shared
        self.keys = keys
        expectedRows = expected.rowCount
        guard !keys.isEmpty else {
            missing = expected.rowCount
            extra = given.rowCount
            return
        }
        func tally(_ answer: Answer, _ index: [String: Int]) -> [String: Int] {
            var counts: [String: Int] = [:]
            let columns = keys.map { index[$0]! }
            for row in 0..<answer.rowCount {
                counts[columns.map { answer.cell(row, $0, dates: .iso) }.joined(separator: "\u{1F}"), default: 0] += 1
            }
            return counts
        }
        let want = tally(expected, e), got = tally(given, g)
        missing = AnswerComparison.surplus(want, over: got)
        extra = AnswerComparison.surplus(got, over: want)
    }

    /// How many rows `a` has that `b` has not (a key twice in `a`, once in `b`, is one).
    static func surplus(_ a: [String: Int], over b: [String: Int]) -> Int {
        a.reduce(0) { $0 + max(0, $1.value - (b[$1.key] ?? 0)) }
    }

    var same: Bool { !keys.isEmpty && missing == 0 && extra == 0 }

    /// What a trainee reads after ✓ or ✗.
    var verdict: String {
        if keys.isEmpty { return "your answer shows none of the expected columns, so its rows cannot be compared" }
        let by = "compared by " + keys.joined(separator: ", ")
        if same { return "the \(AnswerComparison.rows(expectedRows)) expected (\(by))" }
        return "\(AnswerComparison.rows(missing)) missing, \(extra) extra (\(by))"
    }

    static func rows(_ n: Int) -> String { n == 1 ? "1 row" : "\(n) rows" }

    /// Each column's place by its lowercased name (the first, when a name repeats).
    static func columnIndex(_ answer: Answer) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, name) in answer.names.enumerated() where index[name.lowercased()] == nil { index[name.lowercased()] = i }
        return index
    }
}
