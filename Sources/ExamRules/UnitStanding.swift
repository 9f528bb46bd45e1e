import ExamStore

/// How far a candidate has got with one unit, by one row: the order in which the best row of a
/// unit is chosen (DOMAIN.md "Eligibility"), worst first so that `max` picks the row that counts.
package enum UnitStanding: UInt8, Comparable, Sendable, CaseIterable {
    /// The candidate has no row for the unit.
    case noRow = 0
    /// Achieved with grade `U`.
    case achievedU = 1
    /// Absent from the unit's exam.
    case absent = 2
    /// Claimed for moderation or entered for the exam, not yet graded.
    case inProgress = 3
    /// Achieved with a grade other than `U` (a blank grade counts as achieved).
    case achieved = 4

    package static func < (a: UnitStanding, b: UnitStanding) -> Bool { a.rawValue < b.rawValue }

    /// The standing of one achievement row; `isU` says whether its grade is `U`.
    @inlinable package init(status: AchievementStatus, isU: Bool) {
        switch status {
        case .achieved: self = isU ? .achievedU : .achieved
        case .claimed, .entered: self = .inProgress
        case .absent: self = .absent
        }
    }

    /// Achieved (not U) and in-progress units count toward the qualification's GLH.
    @inlinable package var countsTowardGLH: Bool { self == .achieved || self == .inProgress }

    /// Words for `why`.
    package var words: String {
        switch self {
        case .noRow: "no row"
        case .achievedU: "achieved with U"
        case .absent: "absent"
        case .inProgress: "in progress"
        case .achieved: "achieved"
        }
    }
}
