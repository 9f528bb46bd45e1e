/// The calendars exq knows without a calendar.csv (DOMAIN.md "Series and calendars").
///
/// Summer 2024 is from the awarding-body and JCQ texts in shared/seeds. Summer 2025 and 2026 have
/// the restricted release and results days DOMAIN.md gives; their post-results deadlines are not
/// in exq's sources and are *estimated* from the pattern of 2023 and 2024 (priority review = level 3
/// results day + 7 days, priority copy of script + 14, every other service + 42; claims by 15 June),
/// and marked `estimated` so that everything showing or using them can say so. No January series
/// is built in: the sources give no dates for one.
package enum BuiltInCalendar {
    package struct Event: Sendable {
        package var series: String
        package var event: String
        package var date: Day
        package var time: String
        package var appliesTo: String
        package var estimated: Bool
    }

    /// Days after the level 3 results day of the estimated deadlines, by event.
    package static let estimatedOffsets: [(event: String, days: Int, appliesTo: String)] = [
        ("priority_review_deadline", 7, "level 3"),
        ("priority_ats_deadline", 14, "Cambridge Technical"),
        ("review_deadline", 42, ""),
        ("ats_deadline", 42, ""),
        ("mir_deadline", 42, ""),
        ("late_certification_deadline", 42, ""),
    ]

    package static let events: [Event] = {
        func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }
        var all: [Event] = []
        // Summer 2024, as the seeds give it.
        let s24 = "Summer 2024"
        for (event, date, time, applies) in [
            ("claims_deadline", day(2024, 6, 15), "", ""),
            ("restricted_release", day(2024, 8, 14), "00:01", "level 3"),
            ("results_day", day(2024, 8, 15), "08:00", "level 3"),
            ("restricted_release", day(2024, 8, 21), "00:01", ""),
            ("results_day", day(2024, 8, 22), "08:00", ""),
            ("priority_review_deadline", day(2024, 8, 22), "", "level 3"),
            ("priority_ats_deadline", day(2024, 8, 29), "", "Cambridge Technical"),
            ("review_deadline", day(2024, 9, 26), "", ""),
            ("ats_deadline", day(2024, 9, 26), "", ""),
            ("mir_deadline", day(2024, 9, 26), "", ""),
            ("late_certification_deadline", day(2024, 9, 26), "", ""),
        ] {
            all.append(Event(series: s24, event: event, date: date, time: time, appliesTo: applies, estimated: false))
        }
        // Summer 2025 and 2026: results days from DOMAIN.md, deadlines estimated.
        for (year, levelThree, general) in [(2025, 14, 21), (2026, 13, 20)] {
            let series = "Summer \(year)"
            all.append(Event(series: series, event: "claims_deadline", date: day(year, 6, 15), time: "", appliesTo: "", estimated: true))
            let results = day(year, 8, levelThree)
            all.append(Event(series: series, event: "restricted_release", date: results.adding(days: -1), time: "00:01", appliesTo: "level 3", estimated: false))
            all.append(Event(series: series, event: "results_day", date: results, time: "08:00", appliesTo: "level 3", estimated: false))
            all.append(Event(series: series, event: "restricted_release", date: day(year, 8, general - 1), time: "00:01", appliesTo: "", estimated: false))
            all.append(Event(series: series, event: "results_day", date: day(year, 8, general), time: "08:00", appliesTo: "", estimated: false))
            for e in estimatedOffsets {
                all.append(Event(series: series, event: e.event, date: results.adding(days: e.days), time: "", appliesTo: e.appliesTo, estimated: true))
            }
        }
        return all
    }()

    /// Adds every built-in event the store's calendar does not already give: a pack's row for the
    /// same series, event and `applies_to` wins (names compared ignoring case and spaces, `June 2024` being `Summer 2024`), and the
    /// built-in events it does not give still serve.
    package static func add(to store: inout Store) {
        func key(_ s: String) -> String { s.lowercased().split(separator: " ").joined(separator: " ") }
        let pool = store.pool
        var given = Set<String>()
        for i in 0..<store.calendar.count {
            given.insert(SeriesKey.of(pool[store.calendar.series[i]]) + "|" + key(pool[store.calendar.event[i]]) + "|" + key(pool[store.calendar.appliesTo[i]]))
        }
        for e in events where !given.contains(SeriesKey.of(e.series) + "|" + e.event + "|" + key(e.appliesTo)) {
            store.calendar.append(series: pool.intern(e.series), event: pool.intern(e.event), date: e.date,
                                  time: pool.intern(e.time), appliesTo: pool.intern(e.appliesTo), estimated: e.estimated)
        }
    }
}
