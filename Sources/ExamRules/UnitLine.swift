import ExamStore

/// One unit of a qualification as `why` shows it for one entry: the unit, and the row that counts.
public struct UnitLine: Sendable, Equatable {
    /// The unit's row in `store.units`.
    public var unit: Int32
    public var mandatory: Bool
    public var assessment: Assessment
    /// The unit's GLH (0 when blank).
    public var glh: Int
    /// The achievement row that counts, nil when the candidate has no row for the unit.
    public var row: Int32?
    /// The counting row's series (interned; 0 when no row).
    public var series: Int32
    /// The counting row's status, nil when no row.
    public var status: AchievementStatus?
    /// The counting row's grade (interned; 0 when blank or no row).
    public var grade: Int32
    public var standing: UnitStanding
    /// Whether the unit's GLH count toward the qualification's (achieved not U, or in progress).
    public var countsTowardGLH: Bool { standing.countsTowardGLH }

    public init(unit: Int32, mandatory: Bool, assessment: Assessment, glh: Int, row: Int32?,
                series: Int32, status: AchievementStatus?, grade: Int32, standing: UnitStanding) {
        self.unit = unit
        self.mandatory = mandatory
        self.assessment = assessment
        self.glh = glh
        self.row = row
        self.series = series
        self.status = status
        self.grade = grade
        self.standing = standing
    }
}
