import ExamStore

/// The Progress Tracker's "Not Eligible" rule (DOMAIN.md "Eligibility"), for one entry or all.
///
/// Per unit of the entry's qualification, the best of the candidate's rows for that
/// qualification counts (`UnitStanding`); from those, the reasons and the GLH. Rows the candidate
/// has for other qualifications never count, even for a unit of the same number.
public enum Eligibility {
    /// The verdict on one entry, for `why`. Questions over many entries read `EntryEligibility`.
    public static func verdict(store: Store, entry: Int32, context: RuleContext) -> EntryVerdict {
        var judge = Judge(store: store)
        return judge.verdict(store: store, entry: Int(entry), series: context.series)
    }

    /// Every entry's reasons and GLH achieved, whatever its series: judged once per store and
    /// kept in `store.derived` (until `reindex()`), so later questions read columns.
    public static func standings(store: Store) -> (reasons: [UInt8], glhAchieved: [Int32]) {
        if let r = store.derived.entryReasons, let g = store.derived.entryGLHAchieved { return (r, g) }
        var judge = Judge(store: store)
        var reasons = [UInt8](repeating: 0, count: store.entries.count)
        var glh = [Int32](repeating: 0, count: store.entries.count)
        for e in 0..<store.entries.count {
            let v = judge.verdict(store: store, entry: e, series: 0)
            reasons[e] = v.reasons.rawValue
            glh[e] = Int32(v.glhAchieved)
        }
        store.derived.entryReasons = reasons
        store.derived.entryGLHAchieved = glh
        return (reasons, glh)
    }

    /// The units of an entry's qualification in unit order, each with the row that counts, for `why`.
    ///
    /// Tie-break between rows of the same standing: the row of the latest series counts
    /// (`SeriesName.order`: `January 2025` is after `Summer 2024`); when the series are the same or
    /// either cannot be read, the later row in the file counts.
    public static func units(store: Store, entry: Int32) -> [UnitLine] {
        let e = Int(entry)
        let c = store.entries.candidate[e], q = store.entries.qualification[e]
        let grades = UGrade(store.pool)
        let achs = store.achievements
        let mine = store.achievementsByCandidate[c].filter { achs.qualification[Int($0)] == q }
        return store.unitsByQualification[q].map { u in
            let ui = Int(u)
            var best: (row: Int32, standing: UnitStanding)? = nil
            for r in mine where achs.unit[Int(r)] == u {
                let s = UnitStanding(status: achs.status[Int(r)], isU: grades.isU(achs.grade[Int(r)]))
                if let b = best {
                    if s < b.standing { continue }
                    if s == b.standing && isLater(store: store, b.row, than: r) { continue }
                }
                best = (r, s)
            }
            let glh = store.units.glh[ui]
            return UnitLine(
                unit: u, mandatory: store.units.mandatory[ui], assessment: store.units.assessment[ui],
                glh: glh == Store.noNumber ? 0 : Int(glh), row: best?.row,
                series: best.map { achs.series[Int($0.row)] } ?? 0,
                status: best.map { achs.status[Int($0.row)] },
                grade: best.map { achs.grade[Int($0.row)] } ?? 0,
                standing: best?.standing ?? .noRow)
        }
    }

    /// Whether achievement row `a` beats row `b` of the same standing: a later series, else a later row.
    static func isLater(store: Store, _ a: Int32, than b: Int32) -> Bool {
        let sa = store.achievements.series[Int(a)], sb = store.achievements.series[Int(b)]
        if sa != sb, let oa = SeriesName.order(store.pool[sa]), let ob = SeriesName.order(store.pool[sb]), oa != ob {
            return oa > ob
        }
        return a > b
    }
}

/// The interned ids of grade `U` (as written, either case), looked up once per call.
struct UGrade {
    let upper: Int32, lower: Int32
    init(_ pool: StringPool) {
        upper = pool.lookup("U") ?? -1
        lower = pool.lookup("u") ?? -1
    }
    @inline(__always) func isU(_ grade: Int32) -> Bool { grade == upper || grade == lower }
}

/// The per-call state of `Eligibility`: a scratch standing per unit row, reset after each entry.
struct Judge {
    let grades: UGrade
    var best: [UInt8]

    init(store: Store) {
        grades = UGrade(store.pool)
        best = [UInt8](repeating: 0, count: store.units.count)
    }

    mutating func verdict(store: Store, entry e: Int, series: Int32) -> EntryVerdict {
        let entries = store.entries
        let c = entries.candidate[e], q = entries.qualification[e]
        let units = store.unitsByQualification[q]
        let inSeries = series != 0 && entries.completion[e] == series
        let qualificationGLH = store.qualifications.glh[Int(q)]
        let required = qualificationGLH == Store.noNumber ? 0 : Int(qualificationGLH)
        var verdict = EntryVerdict(entry: Int32(e), reasons: [], glhAchieved: 0, glhRequired: required,
                                   inSeries: inSeries, acknowledged: entries.acknowledged[e],
                                   isUnitised: !units.isEmpty)
        if units.isEmpty { return verdict }

        let achs = store.achievements
        let unitQualification = store.units.qualification
        for r in store.achievementsByCandidate[c] {
            let ri = Int(r)
            guard achs.qualification[ri] == q else { continue }
            let u = Int(achs.unit[ri])
            guard u >= 0, u < best.count, unitQualification[u] == q else { continue }
            let s = UnitStanding(status: achs.status[ri], isU: grades.isU(achs.grade[ri])).rawValue
            if s > best[u] { best[u] = s }
        }

        var anyRow = false, glh = 0, reasons = Reasons()
        let mandatory = store.units.mandatory, assessment = store.units.assessment, unitGLH = store.units.glh
        for u in units {
            let ui = Int(u)
            let standing = UnitStanding(rawValue: best[ui])!
            best[ui] = 0
            if standing != .noRow { anyRow = true }
            if standing.countsTowardGLH, unitGLH[ui] != Store.noNumber { glh += Int(unitGLH[ui]) }
            if mandatory[ui] {
                if standing == .noRow || standing == .achievedU { reasons.insert(.mandatoryUnitNotAchieved) }
                if standing == .absent && assessment[ui] == .exam { reasons.insert(.absentFromMandatoryExam) }
            }
        }
        verdict.glhAchieved = glh
        if !anyRow {
            verdict.reasons = .noActivity
        } else {
            if glh < required { reasons.insert(.notEnoughGLH) }
            verdict.reasons = reasons
        }
        return verdict
    }
}
