import ExamStore

/// The eligibility of every entry under one series, read column by column: the stored reasons
/// (`Eligibility.standings`) with the entry's series and acknowledgement, so that
/// `where at_risk` is one tight loop over plain arrays.
///
/// The reasons are `Eligibility`'s and the at-risk and lacks-mandatory rules `EntryVerdict`'s, so
/// it gives the same answers as `Eligibility.verdict` for each entry (a test checks it does).
public struct EntryEligibility: Sendable {
    public let reasons: [UInt8]
    public let glhAchieved: [Int32]
    let completion: [Int32]
    let acknowledged: [Bool]
    let qualification: [Int32]
    /// Per qualification row: its GLH (0 when blank) and whether it has units.
    let glhRequired: [Int32]
    let unitised: [Bool]
    let series: Int32

    public init(store: Store, context: RuleContext) {
        (reasons, glhAchieved) = Eligibility.standings(store: store)
        completion = store.entries.completion
        acknowledged = store.entries.acknowledged
        qualification = store.entries.qualification
        glhRequired = store.qualifications.glh.map { $0 == Store.noNumber ? 0 : $0 }
        unitised = (0..<store.qualifications.count).map { !store.unitsByQualification[Int32($0)].isEmpty }
        series = context.series
    }

    @inline(__always) public func inSeries(_ e: Int) -> Bool { series != 0 && completion[e] == series }

    /// In the current series, not acknowledged, and some reason holds.
    @inline(__always) public func atRisk(_ e: Int) -> Bool {
        EntryVerdict.atRisk(inSeries: inSeries(e), acknowledged: acknowledged[e], reasons: Reasons(rawValue: reasons[e]))
    }

    /// In the current series with `mandatory unit not achieved` or `no activity`.
    @inline(__always) public func lacksMandatory(_ e: Int) -> Bool {
        EntryVerdict.lacksMandatory(inSeries: inSeries(e), reasons: Reasons(rawValue: reasons[e]))
    }

    public func reasonSet(_ e: Int) -> Reasons { Reasons(rawValue: reasons[e]) }
    public func isUnitised(_ e: Int) -> Bool { unitised[Int(qualification[e])] }
    public func glhRequired(_ e: Int) -> Int { Int(glhRequired[Int(qualification[e])]) }
}
