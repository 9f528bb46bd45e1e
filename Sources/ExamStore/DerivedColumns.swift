/// What the rules derive from the tables alone (not from the clock or the series), computed on
/// first use and kept with the store until `reindex()` replaces them.
///
/// ExamRules fills them (eligibility: each entry's reasons and GLH); the store only keeps them, so
/// a second question on a million entries reads a column instead of judging every entry again.
/// A reference shared by copies of a store, like its pool; `reindex()` gives a store a new one.
package final class DerivedColumns: @unchecked Sendable {
    /// Each entry's eligibility reasons (`Reasons.rawValue`), whatever its series.
    package var entryReasons: [UInt8]?
    /// Each entry's GLH of units achieved (not U) or in progress.
    package var entryGLHAchieved: [Int32]?
    /// Per achievement row and per entry (its completion): the series as a number that orders
    /// (ExamRules' `Judge`).
    package var seriesCodes: (achievements: [Int], entries: [Int])?
    /// The dated calendar events that can make a series current (ExamRules' `CurrentSeries`).
    package var seriesEvents: [(day: Day, series: Int32)]?
    /// Per result row, the number of its (qualification row, series) pair, and the pairs in the
    /// order first met (ExamRules' `ResultPairs`). Of the results table: a store whose results
    /// change keeps the rest (`withoutResultColumns`).
    package var resultPairs: (perResult: [Int32], pairs: [(qualification: Int32, series: Int32)])?
    /// Per qualification row, its grade scale as an index into ExamRules' `GradeScale.all`, or -1
    /// for none.
    package var qualificationScales: [Int8]?
    /// Per entry, whether its completion is series `series` (ExamRules' `SeriesMatch.column`).
    package var entriesInSeries: (series: Int32, flags: [Bool])?
    /// Per result, whether it is of series `series`. Of the results table.
    package var resultsInSeries: (series: Int32, flags: [Bool])?
    /// Per result row, the number of its grade's (scale, grade) pair, and the pairs in the order
    /// first met (ExamRules' `GradePairs`). Of the results table's grades: a store whose grades
    /// change keeps the rest (`withoutResultGrades`).
    package var resultGrades: (of: [Int32], pairs: [(scale: Int8, grade: Int32)])?

    package init() {}

    /// A new set holding these columns but those of the results table.
    package func withoutResultColumns() -> DerivedColumns {
        let kept = DerivedColumns()
        kept.entryReasons = entryReasons
        kept.entryGLHAchieved = entryGLHAchieved
        kept.seriesCodes = seriesCodes
        kept.seriesEvents = seriesEvents
        kept.qualificationScales = qualificationScales
        kept.entriesInSeries = entriesInSeries
        return kept
    }

    /// A new set holding these columns but the results' grade pairs, for a store whose results
    /// keep their rows and change their grades (review outcomes known by a day).
    package func withoutResultGrades() -> DerivedColumns {
        let kept = withoutResultColumns()
        kept.resultPairs = resultPairs
        kept.resultsInSeries = resultsInSeries
        return kept
    }
}
