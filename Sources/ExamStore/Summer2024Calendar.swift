/// The Summer 2024 calendar, from the awarding-body and JCQ texts in shared/seeds.
///
/// Built in so that a pack without calendar.csv still has its restricted release days,
/// results days and post-results deadlines. A pack whose calendar.csv names any event of
/// Summer 2024 replaces all of these.
public enum Summer2024Calendar {
    public static let series = "Summer 2024"

    /// (event, date, time, applies_to)
    public static let events: [(event: String, date: String, time: String, appliesTo: String)] = [
        ("claims_deadline", "2024-06-15", "", ""),
        ("restricted_release", "2024-08-14", "00:01", "level 3"),
        ("results_day", "2024-08-15", "08:00", "level 3"),
        ("restricted_release", "2024-08-21", "00:01", ""),
        ("results_day", "2024-08-22", "08:00", ""),
        ("priority_review_deadline", "2024-08-22", "", "level 3"),
        ("priority_ats_deadline", "2024-08-29", "", "Cambridge Technical"),
        ("review_deadline", "2024-09-26", "", ""),
        ("ats_deadline", "2024-09-26", "", ""),
        ("mir_deadline", "2024-09-26", "", ""),
        ("late_certification_deadline", "2024-09-26", "", ""),
    ]

    /// Adds the events to `store`'s calendar unless it already has events of Summer 2024.
    public static func add(to store: inout Store) {
        let pool = store.pool
        // Any spelling of the series (`SUMMER 2024`, `June 2024`) counts as the pack's own.
        let key = SeriesKey.of(series)
        if Set(store.calendar.series).contains(where: { SeriesKey.of(pool[$0]) == key }) { return }
        let s = pool.intern(series)
        for e in events {
            store.calendar.series.append(s)
            store.calendar.event.append(pool.intern(e.event))
            store.calendar.date.append(Day(parsing: e.date)!)
            store.calendar.time.append(pool.intern(e.time))
            store.calendar.appliesTo.append(pool.intern(e.appliesTo))
        }
    }
}
