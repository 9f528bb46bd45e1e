/// Why a qualification entry would not get a result: the Progress Tracker's "Not Eligible" reasons.
package struct Reasons: OptionSet, Sendable, Hashable {
    package let rawValue: UInt8
    package init(rawValue: UInt8) { self.rawValue = rawValue }

    /// No row at all for any unit of the qualification. When it holds it is the only reason.
    package static let noActivity = Reasons(rawValue: 1 << 0)
    /// Some mandatory unit's best row is "no row" or "achieved with U".
    package static let mandatoryUnitNotAchieved = Reasons(rawValue: 1 << 1)
    /// Some mandatory examined unit's best row is `absent`.
    package static let absentFromMandatoryExam = Reasons(rawValue: 1 << 2)
    /// The GLH of units achieved (not U) or in progress are below the qualification's GLH.
    package static let notEnoughGLH = Reasons(rawValue: 1 << 3)

    /// Every reason, in the order the wordings are shown.
    package static let all: [(Reasons, String)] = [
        (.noActivity, "no activity"),
        (.mandatoryUnitNotAchieved, "mandatory unit not achieved"),
        (.absentFromMandatoryExam, "absent from mandatory exam"),
        (.notEnoughGLH, "not enough GLH"),
    ]

    /// The fixed wordings of the reasons held, in the order of `all`.
    package var words: [String] { Reasons.all.filter { contains($0.0) }.map(\.1) }
}
