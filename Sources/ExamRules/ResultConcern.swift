import ExamStore

/// A result row that needs chasing on results day: `X`, `Q` or a partial absence (`#`).
package enum ResultConcern: UInt8, Sendable, CaseIterable {
    /// Grade `X`: no result (the candidate's result could not be issued).
    case noResult
    /// Grade `Q`: result pending.
    case pending
    /// A grade containing `#`: the candidate was absent from part of the assessment.
    case partialAbsence

    /// Words for statements and `why`.
    package var words: String {
        switch self {
        case .noResult: "X: no result"
        case .pending: "Q: result pending"
        case .partialAbsence: "#: partial absence"
        }
    }

    /// The concern a grade raises, if any (case-insensitive for X and Q).
    package static func classify(grade: String) -> ResultConcern? {
        switch grade {
        case "X", "x": return .noResult
        case "Q", "q": return .pending
        default: return grade.contains("#") ? .partialAbsence : nil
        }
    }

    /// The concern of results row `result`, if any.
    package static func classify(store: Store, result: Int32) -> ResultConcern? {
        classify(grade: store.pool[store.results.grade[Int(result)]])
    }

    /// The results rows of the current series (every series when there is none) that need
    /// chasing, in row order, with their concern. Each distinct grade is read once.
    package static func toChase(store: Store, context: RuleContext) -> [(result: Int32, concern: ResultConcern)] {
        var byGrade: [Int32: ResultConcern?] = [:]
        var out: [(result: Int32, concern: ResultConcern)] = []
        let results = store.results
        var current = SeriesMatch(pool: store.pool, series: context.series)
        for r in 0..<results.count where context.series == 0 || current.matches(results.series[r]) {
            let g = results.grade[r]
            let concern: ResultConcern?
            if let known = byGrade[g] {
                concern = known
            } else {
                concern = classify(grade: store.pool[g])
                byGrade[g] = concern
            }
            if let concern { out.append((Int32(r), concern)) }
        }
        return out
    }
}
