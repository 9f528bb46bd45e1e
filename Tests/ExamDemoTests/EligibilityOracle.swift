import ExamStore

/// DOMAIN.md's "Not Eligible" reasons, written out plainly here so the tests can check that each
/// planted candidate shows what the demo says it shows (ExamRules is not a dependency of ExamDemo).
enum EligibilityOracle {
    static func reasons(_ s: Store, entry e: Int) -> [String] {
        let c = s.entries.candidate[e], q = s.entries.qualification[e]
        let rows = s.achievementsByCandidate[c].filter { s.achievements.qualification[Int($0)] == q }
        if rows.isEmpty { return ["no activity"] }
        let u = s.pool.lookup("U") ?? -1
        // rank: 4 achieved (not U) > 3 in progress > 2 absent > 1 achieved U > 0 no row
        func rank(_ r: Int) -> Int {
            switch s.achievements.status[r] {
            case .achieved: return s.achievements.grade[r] == u ? 1 : 4
            case .claimed, .entered: return 3
            case .absent: return 2
            }
        }
        var mandatoryMissing = false, absent = false, hours: Int32 = 0
        for unit in s.unitsByQualification[q] {
            let best = rows.filter { s.achievements.unit[Int($0)] == unit }.map { rank(Int($0)) }.max() ?? 0
            if s.units.mandatory[Int(unit)] {
                if best <= 1 { mandatoryMissing = true }
                if best == 2 && s.units.assessment[Int(unit)] == .exam { absent = true }
            }
            if best >= 3 { hours += s.units.glh[Int(unit)] }
        }
        var out: [String] = []
        if mandatoryMissing { out.append("mandatory unit not achieved") }
        if absent { out.append("absent from mandatory exam") }
        if hours < s.qualifications.glh[Int(q)] { out.append("not enough GLH") }
        return out
    }
}
