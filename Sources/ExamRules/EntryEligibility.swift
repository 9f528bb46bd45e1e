import ExamStore

/// The eligibility of every entry under one current series, read column by column: the judged
/// reasons (`Eligibility.standings`) with the entry's series and acknowledgement, so that
/// `where at_risk` is one tight loop over plain arrays. `verdict` gives one entry's as an
/// `EntryVerdict`, which holds the only definitions of at risk, lacks mandatory and not eligible.
package struct EntryEligibility: Sendable {
    package let reasons: [UInt8]
    package let glhAchieved: [Int32]
    /// Per entry: its estimated completion is the current series (names compared by `SeriesName`).
    let current: [Bool]
    let acknowledged: [Bool]
    let qualification: [Int32]
    /// Per qualification row: its GLH (0 when blank) and whether it has units.
    let glhRequired: [Int32]
    let unitised: [Bool]

    package init(store: Store, context: RuleContext) {
        (reasons, glhAchieved) = Eligibility.standings(store: store)
        var match = SeriesMatch(pool: store.pool, series: context.series)
        current = match.entries(of: store)
        acknowledged = store.entries.acknowledged
        qualification = store.entries.qualification
        glhRequired = (0..<store.qualifications.count).map { Self.glhRequired(store, $0) }
        unitised = (0..<store.qualifications.count).map { Self.isUnitised(store, $0) }
    }

    /// Entry `e`'s verdict without building every entry's columns (`why`, a statement): the same
    /// fields, read for the one row.
    package static func verdict(store: Store, context: RuleContext, entry e: Int) -> EntryVerdict {
        let (reasons, glhAchieved) = Eligibility.standings(store: store)
        var match = SeriesMatch(pool: store.pool, series: context.series)
        let q = Int(store.entries.qualification[e])
        return EntryVerdict(entry: Int32(e), reasons: Reasons(rawValue: reasons[e]), glhAchieved: Int(glhAchieved[e]),
                            glhRequired: Int(glhRequired(store, q)), inSeries: match.matches(store.entries.completion[e]),
                            acknowledged: store.entries.acknowledged[e], isUnitised: isUnitised(store, q))
    }

    /// A qualification row's GLH, 0 when blank.
    static func glhRequired(_ store: Store, _ q: Int) -> Int32 {
        store.qualifications.glh[q] == Store.noNumber ? 0 : store.qualifications.glh[q]
    }

    /// Whether a qualification row has units in the store.
    static func isUnitised(_ store: Store, _ q: Int) -> Bool { !store.unitsByQualification[Int32(q)].isEmpty }

    @inline(__always) package func inSeries(_ e: Int) -> Bool { current[e] }

    /// The yes/no rules of `EntryVerdict` a question reads for many entries.
    package enum Flag: Sendable { case atRisk, notEligible, lacksMandatory, inSeries }

    /// Per row of `rows`, a rule of `EntryVerdict` read from the three columns it needs, in one
    /// loop made for each rule.
    package func flags(_ rows: [Int32], _ flag: Flag) -> [Bool] {
        switch flag {
        case .atRisk: return column(rows) { EntryVerdict.atRisk(inSeries: $0, acknowledged: $1, reasons: $2) }
        case .notEligible: return column(rows) { s, _, r in EntryVerdict.notEligible(inSeries: s, reasons: r) }
        case .lacksMandatory: return column(rows) { s, _, r in EntryVerdict.lacksMandatory(inSeries: s, reasons: r) }
        case .inSeries: return column(rows) { s, _, _ in s }
        }
    }

    @inline(__always) private func column(_ rows: [Int32], _ rule: (_ inSeries: Bool, _ acknowledged: Bool, _ reasons: Reasons) -> Bool) -> [Bool] {
        [Bool](unsafeUninitializedCapacity: rows.count) { out, count in
            current.withUnsafeBufferPointer { current in
                acknowledged.withUnsafeBufferPointer { acknowledged in
                    reasons.withUnsafeBufferPointer { reasons in
                        rows.withUnsafeBufferPointer { rows in
                            for i in 0..<rows.count {
                                let e = Int(truncatingIfNeeded: rows[i])
                                out[i] = rule(current[e], acknowledged[e], Reasons(rawValue: reasons[e]))
                            }
                        }
                    }
                }
            }
            count = rows.count
        }
    }

    package func reasonSet(_ e: Int) -> Reasons { Reasons(rawValue: reasons[e]) }
    package func isUnitised(_ e: Int) -> Bool { unitised[Int(qualification[e])] }
    package func glhRequired(_ e: Int) -> Int { Int(glhRequired[Int(qualification[e])]) }
}
