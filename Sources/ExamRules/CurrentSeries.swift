import ExamStore

/// Which series "now" is, when the session has not said (DOMAIN.md "Time").
package enum CurrentSeries {
    /// The explicit series when given (and not blank); else, among the series of the store's
    /// entries (`entries.series`; every series when none of those has a calendar), the calendar
    /// series with the latest event on or before `today` (on a tie of dates, the later calendar row); else, when every
    /// event is after today, the series of the earliest coming event (so that in March an exams
    /// officer sees the summer ahead); nil only when the calendar has no dated events at all.
    package static func resolve(store: Store, today: Day, explicit: String?) -> String? {
        if let explicit, !explicit.allSatisfy({ $0 == " " }) { return explicit }
        var past: (day: Day, series: Int32)? = nil
        var coming: (day: Day, series: Int32)? = nil
        for (day, series) in events(store) {
            if day <= today {
                if past == nil || day >= past!.day { past = (day, series) }
            } else if coming == nil || day < coming!.day {
                coming = (day, series)
            }
        }
        guard let found = past ?? coming else { return nil }
        return store.pool[found.series]
    }

    /// The dated calendar events that can make a series current, in calendar order: those of the
    /// series of the store's entries (every series when none of those has a calendar). They depend
    /// on the tables alone, so they are worked out once per store (`DerivedColumns`), not on every
    /// statement: on a million entries that is a scan of every entry.
    static func events(_ store: Store) -> [(day: Day, series: Int32)] {
        if let known = store.derived.seriesEvents { return known }
        let calendar = store.calendar
        // Names compared as series names (`SUMMER 2024` is `Summer 2024`), each distinct name once.
        var ids = Set<Int32>()
        var last: Int32 = 0
        for id in store.entries.series where id != last {
            ids.insert(id)
            last = id
        }
        ids.remove(0)
        var entered = Set(ids.map { SeriesName.key(store.pool[$0]) })
        var calendarKeys: [Int32: String] = [:]
        for id in Set(calendar.series) where id != 0 { calendarKeys[id] = SeriesName.key(store.pool[id]) }
        if !entered.isEmpty && !calendarKeys.values.contains(where: entered.contains) { entered = [] }
        var out: [(day: Day, series: Int32)] = []
        for i in 0..<calendar.count {
            let day = calendar.date[i], series = calendar.series[i]
            if day.isBlank || series == 0 || (!entered.isEmpty && !entered.contains(calendarKeys[series] ?? "")) { continue }
            out.append((day, series))
        }
        store.derived.seriesEvents = out
        return out
    }
}
