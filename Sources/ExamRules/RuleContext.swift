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
    /// calendar (`CurrentSeries.resolve`). A name the store never writes is taken as the store's
    /// name of that series (`June 2024` for `Summer 2024`, `SeriesName.key`); a series the store
    /// has never seen gets id 0: nothing can be in it.
    package init(store: Store, today: Day, series explicit: String? = nil) {
        self.today = today
        if let name = CurrentSeries.resolve(store: store, today: today, explicit: explicit) {
            self.series = store.pool.lookup(name) ?? Self.id(of: name, in: store)
        } else {
            self.series = 0
        }
    }

    /// The id of a name of series `name` in the calendar, entries' completions or results; 0 when
    /// none names it. Each distinct id is read once, and only for a name the pool does not hold.
    static func id(of name: String, in store: Store) -> Int32 {
        let key = SeriesName.key(name)
        var seen = Set<Int32>()
        for column in [store.calendar.series, store.entries.completion, store.results.series] {
            var last: Int32 = 0
            for id in column where id != last && id != 0 {
                last = id
                if seen.insert(id).inserted, SeriesName.key(store.pool[id]) == key { return id }
            }
        }
        return 0
    }
}
