/// Why a qualification entry would not get a result: the Progress Tracker's "Not Eligible" reasons.
public struct Reasons: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// No row at all for any unit of the qualification. When it holds it is the only reason.
    public static let noActivity = Reasons(rawValue: 1 << 0)
    /// Some mandatory unit's best row is "no row" or "achieved with U".
    public static let mandatoryUnitNotAchieved = Reasons(rawValue: 1 << 1)
    /// Some mandatory examined unit's best row is `absent`.
    public static let absentFromMandatoryExam = Reasons(rawValue: 1 << 2)
    /// The GLH of units achieved (not U) or in progress are below the qualification's GLH.
    public static let notEnoughGLH = Reasons(rawValue: 1 << 3)

    /// Every reason, in the order the wordings are shown.
    public static let all: [(Reasons, String)] = [
        (.noActivity, "no activity"),
        (.mandatoryUnitNotAchieved, "mandatory unit not achieved"),
        (.absentFromMandatoryExam, "absent from mandatory exam"),
        (.notEnoughGLH, "not enough GLH"),
    ]

    /// The fixed wordings of the reasons held, in the order of `all`.
    public var words: [String] { Reasons.all.filter { contains($0.0) }.map(\.1) }
}
