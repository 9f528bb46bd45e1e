import ExamStore

/// One unit of a qualification as `why` shows it for one entry: the unit, and the row that counts.
package struct UnitLine: Sendable, Equatable {
    /// The unit's row in `store.units`.
    package var unit: Int32
    package var mandatory: Bool
    package var assessment: Assessment
    /// The unit's GLH (0 when blank).
    package var glh: Int
    /// The achievement row that counts, nil when the candidate has no row for the unit.
    package var row: Int32?
    /// The counting row's series (interned; 0 when no row).
    package var series: Int32
    /// The counting row's status, nil when no row.
    package var status: AchievementStatus?
    /// The counting row's grade (interned; 0 when blank or no row).
    package var grade: Int32
    package var standing: UnitStanding
    /// Whether the unit's GLH count toward the qualification's (achieved not U, or in progress).
    package var countsTowardGLH: Bool { standing.countsTowardGLH }

    package init(unit: Int32, mandatory: Bool, assessment: Assessment, glh: Int, row: Int32?,
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
