import ExamStore

/// The eligibility of every entry under one series, read column by column: the stored reasons
/// (`Eligibility.standings`) with the entry's series and acknowledgement, so that
/// `where at_risk` is one tight loop over plain arrays.
///
/// The reasons are `Eligibility`'s and the at-risk and lacks-mandatory rules `EntryVerdict`'s, so
/// it gives the same answers as `Eligibility.verdict` for each entry (a test checks it does).
package struct EntryEligibility: Sendable {
    package let reasons: [UInt8]
    package let glhAchieved: [Int32]
    let completion: [Int32]
    let acknowledged: [Bool]
    let qualification: [Int32]
    /// Per qualification row: its GLH (0 when blank) and whether it has units.
    let glhRequired: [Int32]
    let unitised: [Bool]
    let series: Int32

    package init(store: Store, context: RuleContext) {
        (reasons, glhAchieved) = Eligibility.standings(store: store)
        completion = store.entries.completion
        acknowledged = store.entries.acknowledged
        qualification = store.entries.qualification
        glhRequired = store.qualifications.glh.map { $0 == Store.noNumber ? 0 : $0 }
        unitised = (0..<store.qualifications.count).map { !store.unitsByQualification[Int32($0)].isEmpty }
        series = context.series
    }

    @inline(__always) package func inSeries(_ e: Int) -> Bool { series != 0 && completion[e] == series }

    /// In the current series, not acknowledged, and some reason holds.
    @inline(__always) package func atRisk(_ e: Int) -> Bool {
        EntryVerdict.atRisk(inSeries: inSeries(e), acknowledged: acknowledged[e], reasons: Reasons(rawValue: reasons[e]))
    }

    /// In the current series with `mandatory unit not achieved` or `no activity`.
    @inline(__always) package func lacksMandatory(_ e: Int) -> Bool {
        EntryVerdict.lacksMandatory(inSeries: inSeries(e), reasons: Reasons(rawValue: reasons[e]))
    }

    package func reasonSet(_ e: Int) -> Reasons { Reasons(rawValue: reasons[e]) }
    package func isUnitised(_ e: Int) -> Bool { unitised[Int(qualification[e])] }
    package func glhRequired(_ e: Int) -> Int { Int(glhRequired[Int(qualification[e])]) }
}
