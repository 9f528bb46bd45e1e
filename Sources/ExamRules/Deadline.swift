import ExamStore

/// The deadline of a post-results request, and where it came from (for `why`).
package struct Deadline: Sendable, Equatable {
    /// Where a deadline came from.
    package enum Source: Sendable, Equatable {
        /// The calendar event at row `eventRow`, chosen because its `applies_to` (as written,
        /// blank = all) matched the qualification.
        case calendar(eventRow: Int32, appliesTo: String)
        /// `days` calendar days after the `outcome_date` of review row `basedOnReview`.
        case appeal(basedOnReview: Int32, days: Int)
    }

    package var date: Day
    /// True when the date is a built-in estimate (`BuiltInCalendar`), not a published one.
    package var estimated: Bool
    package var source: Source

    package init(date: Day, estimated: Bool = false, source: Source) {
        self.date = date
        self.estimated = estimated
        self.source = source
    }
}
