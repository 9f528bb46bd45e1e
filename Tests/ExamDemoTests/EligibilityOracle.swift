import ExamStore

/// DOMAIN.md's "Not Eligible" reasons (format 2), written out plainly here so the tests can check
/// that each planted candidate shows what the demo says it shows (ExamRules is not a dependency
/// of ExamDemo). Rows count in the entry's own series: none of a later series, and a claimed or
/// entered row only in that series.
enum EligibilityOracle {
    static func reasons(_ s: Store, entry e: Int) -> [String] {
        let c = s.entries.candidate[e], q = s.entries.qualification[e]
        let own = s.pool[s.entries.completion[e]]
        func month(_ name: String) -> Int {
            let words = name.lowercased().split(separator: " ")
            let m = ["january": 1, "march": 3, "june": 6, "summer": 6, "november": 11][String(words.first ?? "")] ?? 0
            return (Int(words.last ?? "") ?? 0) * 12 + m
        }
        let u = s.pool.lookup("U") ?? -1
        // rank: 4 achieved (not U) > 3 in progress > 2 absent > 1 achieved U > 0 no row
        func rank(_ r: Int) -> Int {
            switch s.achievements.status[r] {
            case .achieved: return s.achievements.grade[r] == u ? 1 : 4
            case .claimed, .entered: return 3
            case .absent: return 2
            }
        }
        let rows = s.achievementsByCandidate[c].map(Int.init).filter { r in
            let series = month(s.pool[s.achievements.series[r]])
            return s.achievements.qualification[r] == q && series <= month(own) && (rank(r) != 3 || series == month(own))
        }
        if rows.isEmpty { return ["No activity"] }
        var mandatoryMissing = false, absent = false, hours: Int32 = 0
        for unit in s.unitsByQualification[q] {
            let mine = rows.filter { s.achievements.unit[$0] == unit }
            let best = mine.map(rank).max() ?? 0
            if s.units.mandatory[Int(unit)] {
                if best <= 2 { mandatoryMissing = true }
                if best == 2 && s.units.assessment[Int(unit)] == .exam
                    && mine.contains(where: { rank($0) == 2 && month(s.pool[s.achievements.series[$0]]) == month(own) }) {
                    absent = true
                }
            }
            if best >= 3 { hours += s.units.glh[Int(unit)] }
        }
        var out: [String] = []
        if mandatoryMissing { out.append("Mandatory unit not yet achieved") }
        if absent { out.append("Absent from a mandatory examined unit") }
        if hours < s.qualifications.glh[Int(q)] { out.append("Not enough guided learning hours (GLH)") }
        return out
    }
}
