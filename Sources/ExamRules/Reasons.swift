/// Why a qualification entry would not get a result: the Progress Tracker's "Not Eligible" reasons.
package struct Reasons: OptionSet, Sendable, Hashable {
    package let rawValue: UInt8
    package init(rawValue: UInt8) { self.rawValue = rawValue }

    /// No row at all for any unit of the qualification. When it holds it is the only reason.
    package static let noActivity = Reasons(rawValue: 1 << 0)
    /// Some mandatory unit's best row is "no row", "achieved with U" or "absent".
    package static let mandatoryUnitNotAchieved = Reasons(rawValue: 1 << 1)
    /// Some mandatory examined unit's best row is `absent` in the entry's own series.
    package static let absentFromMandatoryExam = Reasons(rawValue: 1 << 2)
    /// The GLH of units achieved (not U) or in progress are below the qualification's GLH.
    package static let notEnoughGLH = Reasons(rawValue: 1 << 3)

    /// Every reason, in the order the wordings are shown, in the Progress Tracker's own words
    /// (so exq's list can be laid beside the Tracker's CSV download).
    package static let all: [(Reasons, String)] = [
        (.noActivity, "No activity"),
        (.mandatoryUnitNotAchieved, "Mandatory unit not yet achieved"),
        (.absentFromMandatoryExam, "Absent from a mandatory examined unit"),
        (.notEnoughGLH, "Not enough guided learning hours (GLH)"),
    ]

    /// The fixed wordings of the reasons held, in the order of `all`.
    package var words: [String] { Reasons.all.filter { contains($0.0) }.map(\.1) }
}
