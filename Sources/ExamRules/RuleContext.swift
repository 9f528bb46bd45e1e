import ExamStore

/// What every rule needs besides the store: the clock and the current series.
///
/// The session builds one from `--today`/`set today` and `--series`/`set series` (DOMAIN.md
/// "Time"), so a replayed script gives the same answers on any day.
package struct RuleContext: Sendable {
    /// The day the rules treat as today.
    package var today: Day
    /// The interned current series (`store.pool` id); 0 when there is none, so no entry is in it.
    package var series: Int32

    package init(today: Day, series: Int32) {
        self.today = today
        self.series = series
    }

    /// The context for `today`, with the series named explicitly or else resolved from the
    /// calendar (`CurrentSeries.resolve`). A series name the store has never seen gets id 0:
    /// nothing can be in it.
    package init(store: Store, today: Day, series explicit: String? = nil) {
        self.today = today
        if let name = CurrentSeries.resolve(store: store, today: today, explicit: explicit) {
            self.series = store.pool.lookup(name) ?? 0
        } else {
            self.series = 0
        }
    }
}
