/// One order over the grades of every scale, for sorting and counting a column that mixes
/// qualifications (`results | count by qualification, grade`).
///
/// The scales are merged so that each keeps its own order (`A` before `B` for A level, `D*`
/// before `D` before `M` for Cambridge Technicals, `U` after every other grade); grades of
/// different scales fall in the order of `GradeScale.all`. After `U` come `X`, then `Q`; a text on
/// no scale has no rank here (the query puts it after them, in text order).
package enum GradeOrder {
    /// Every grade of every scale, best first, each scale's order kept.
    package static let merged: [String] = {
        var successors: [String: Set<String>] = [:], incoming: [String: Int] = [:], first: [String: Int] = [:]
        for scale in GradeScale.all {
            for (i, g) in scale.grades.enumerated() {
                if first[g] == nil { first[g] = first.count; incoming[g] = 0 }
                if i > 0, successors[scale.grades[i - 1], default: []].insert(g).inserted { incoming[g]! += 1 }
            }
        }
        // Kahn's algorithm, always taking the ready grade seen first.
        var ready = incoming.filter { $0.value == 0 }.map(\.key)
        var out: [String] = []
        while !ready.isEmpty {
            ready.sort { first[$0]! < first[$1]! }
            let g = ready.removeFirst()
            out.append(g)
            for s in successors[g] ?? [] {
                incoming[s]! -= 1
                if incoming[s] == 0 { ready.append(s) }
            }
        }
        precondition(out.count == first.count, "the grade scales contradict each other")
        return out
    }()

    static let position: [String: Int] = Dictionary(uniqueKeysWithValues: merged.enumerated().map { ($1, $0) })

    /// A number that sorts grade texts best first: a grade of some scale by its merged place (a
    /// partial absence `8#` just after `8`), then `X`, then `Q`; nil for a text on no scale.
    package static func sortRank(_ text: String) -> Double? {
        switch text {
        case "X", "x": return Double(merged.count * 2)
        case "Q", "q": return Double(merged.count * 2 + 1)
        default: break
        }
        let partial = text.hasSuffix("#") ? 1.0 : 0.0
        for scale in GradeScale.all {
            if let g = scale.canonical(text), let p = position[g] { return Double(p * 2) + partial }
        }
        return nil
    }
}
