import ExamStore

/// The Progress Tracker's "Not Eligible" rule (DOMAIN.md "Eligibility"), for one entry or all.
///
/// An entry is judged on the rows of its own series (its estimated completion): a unit row of a
/// later series never counts (it has not happened yet); a row in progress (`claimed`, `entered`)
/// counts only in that series (one left from an earlier series is stale). Per unit of the
/// entry's qualification, the best counting row of the candidate for that qualification counts
/// (`UnitStanding`; between rows of one standing, the later series, then the later row); from
/// those, the reasons and the GLH. Rows for other qualifications never count, even for a unit of
/// the same number. This file is the rule's one implementation: `why` reads the same rows.
public enum Eligibility {
    /// The verdict on one entry under `context`, from the store's judged columns (`standings`);
    /// questions over many entries read `EntryEligibility`.
    package static func verdict(store: Store, entry: Int32, context: RuleContext) -> EntryVerdict {
        EntryEligibility.verdict(store: store, context: context, entry: Int(entry))
    }

    /// Every entry's reasons and GLH achieved, judged in its own series: judged once per store
    /// and kept in `store.derived` (until `reindex()` or a change of completion), so later
    /// questions read columns. Linear in entries plus each candidate's rows per entry.
    public static func standings(store: Store) -> (reasons: [UInt8], glhAchieved: [Int32]) {
        if let r = store.derived.entryReasons, let g = store.derived.entryGLHAchieved { return (r, g) }
        var judge = Judge(store: store)
        var reasons = [UInt8](repeating: 0, count: store.entries.count)
        var glh = [Int32](repeating: 0, count: store.entries.count)
        for e in 0..<store.entries.count {
            let (r, g) = judge.reasons(entry: e)
            reasons[e] = r.rawValue
            glh[e] = Int32(g)
        }
        store.derived.entryReasons = reasons
        store.derived.entryGLHAchieved = glh
        return (reasons, glh)
    }

    /// The units of an entry's qualification in unit order, each with the row that counts, for `why`.
    package static func units(store: Store, entry: Int32) -> [UnitLine] {
        var judge = Judge(store: store)
        let e = Int(entry)
        judge.bestRows(entry: e)
        let achs = store.achievements
        let lines = store.unitsByQualification[store.entries.qualification[e]].map { u in
            let ui = Int(u), row = judge.row[ui], standing = UnitStanding(rawValue: judge.best[ui])!
            let glh = store.units.glh[ui]
            return UnitLine(
                unit: u, mandatory: store.units.mandatory[ui], assessment: store.units.assessment[ui],
                glh: glh == Store.noNumber ? 0 : Int(glh), row: row < 0 ? nil : row,
                series: row < 0 ? 0 : achs.series[Int(row)],
                status: row < 0 ? nil : achs.status[Int(row)],
                grade: row < 0 ? 0 : achs.grade[Int(row)],
                standing: standing)
        }
        return lines
    }
}

/// The interned ids of a unit's `U` as written (`U`, `u`, `Not Achieved` in its usual cases),
/// looked up once per call.
struct UGrade {
    let ids: [Int32]
    init(_ pool: StringPool) {
        ids = ["U", "u", "Not Achieved", "Not achieved", "not achieved", "NOT ACHIEVED"].compactMap { pool.lookup($0) }
    }
    @inline(__always) func isU(_ grade: Int32) -> Bool { ids.contains(grade) }
}

/// The per-call state of `Eligibility`: each achievement row's series as a number that orders
/// (`SeriesName`), and a scratch best row per unit, reset for each entry.
struct Judge {
    let grades: UGrade
    /// Per achievement row: its series' order (`SeriesName.order`), or a negative code, one per
    /// series name, for a name with no year (equal only to itself, after nothing).
    let rowSeries: [Int]
    /// Per entry: its completion series, coded the same way.
    let entrySeries: [Int]
    // The columns read per entry, held here so that no entry copies a table out of the store.
    let entryCandidate: [Int32], entryQualification: [Int32]
    let achievementQualification: [Int32], achievementUnit: [Int32], achievementStatus: [AchievementStatus], achievementGrade: [Int32]
    let unitQualification: [Int32], mandatory: [Bool], assessment: [Assessment], unitGLH: [Int32], qualificationGLH: [Int32]
    let unitsByQualification: Grouping, achievementsByCandidate: Grouping
    var best: [UInt8]
    var row: [Int32]
    var absentInSeries: [Bool]

    init(store: Store) {
        grades = UGrade(store.pool)
        if let known = store.derived.seriesCodes {
            (rowSeries, entrySeries) = known
        } else {
            var byKey: [String: Int] = [:]
            let code = { (id: Int32) -> Int in
                let name = store.pool[id]
                return SeriesName.order(name) ?? {
                    let key = SeriesName.key(name)
                    if let k = byKey[key] { return k }
                    byKey[key] = -1 - byKey.count
                    return byKey[key]!
                }()
            }
            rowSeries = store.achievements.series.mapDistinct(code)
            entrySeries = store.entries.completion.mapDistinct(code)
            // Kept with the store, so that `why` on one candidate does not code every row again.
            store.derived.seriesCodes = (rowSeries, entrySeries)
        }
        entryCandidate = store.entries.candidate
        entryQualification = store.entries.qualification
        achievementQualification = store.achievements.qualification
        achievementUnit = store.achievements.unit
        achievementStatus = store.achievements.status
        achievementGrade = store.achievements.grade
        unitQualification = store.units.qualification
        mandatory = store.units.mandatory
        assessment = store.units.assessment
        unitGLH = store.units.glh
        qualificationGLH = store.qualifications.glh
        unitsByQualification = store.unitsByQualification
        achievementsByCandidate = store.achievementsByCandidate
        best = [UInt8](repeating: 0, count: store.units.count)
        row = [Int32](repeating: -1, count: store.units.count)
        absentInSeries = [Bool](repeating: false, count: store.units.count)
    }

    /// Fills `best`, `row` and `absentInSeries` for the units of entry `e`'s qualification from
    /// the rows that count in the entry's series.
    mutating func bestRows(entry e: Int) {
        let c = entryCandidate[e], q = entryQualification[e]
        for u in unitsByQualification[q] {
            best[Int(u)] = 0; row[Int(u)] = -1; absentInSeries[Int(u)] = false
        }
        let series = entrySeries[e]
        for r in achievementsByCandidate[c] {
            let ri = Int(r)
            guard achievementQualification[ri] == q else { continue }
            let u = Int(achievementUnit[ri])
            guard u >= 0, u < best.count, unitQualification[u] == q else { continue }
            let rs = rowSeries[ri]
            let same = rs == series
            if !same, rs >= 0, series >= 0, rs > series { continue }   // not happened yet
            let s = UnitStanding(status: achievementStatus[ri], isU: grades.isU(achievementGrade[ri]))
            if s == .inProgress && !same { continue }                   // stale
            if s == .absent && same { absentInSeries[u] = true }
            let b = UnitStanding(rawValue: best[u])!
            if s < b { continue }
            if s == b, row[u] >= 0 {
                let bs = rowSeries[Int(row[u])]
                let later = rs >= 0 && bs >= 0 && rs != bs ? rs > bs : ri > Int(row[u])
                if !later { continue }
            }
            best[u] = s.rawValue
            row[u] = r
        }
    }

    /// The reasons that hold for entry `e` and its GLH achieved or in progress.
    mutating func reasons(entry e: Int) -> (Reasons, Int) {
        let q = entryQualification[e]
        let units = unitsByQualification[q]
        if units.isEmpty { return ([], 0) }
        bestRows(entry: e)
        let required = qualificationGLH[Int(q)] == Store.noNumber ? 0 : Int(qualificationGLH[Int(q)])
        var anyRow = false, glh = 0, reasons = Reasons()
        for u in units {
            let ui = Int(u)
            let standing = UnitStanding(rawValue: best[ui])!
            if standing != .noRow { anyRow = true }
            if standing.countsTowardGLH, unitGLH[ui] != Store.noNumber { glh += Int(unitGLH[ui]) }
            if mandatory[ui] {
                if standing == .noRow || standing == .achievedU || standing == .absent { reasons.insert(.mandatoryUnitNotAchieved) }
                if standing == .absent && absentInSeries[ui] && assessment[ui] == .exam { reasons.insert(.absentFromMandatoryExam) }
            }
        }
        if !anyRow { return (.noActivity, glh) }
        if glh < required { reasons.insert(.notEnoughGLH) }
        return (reasons, glh)
    }
}
