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
        let calendar = store.calendar
        // Among the series of the store's entries (so the Summer 2024 demo centre is in Summer 2024
        // on any later day, though the built-in calendars reach 2026); every series when none has entries.
        // Names compared as series names (`SUMMER 2024` is `Summer 2024`), each distinct name once.
        var ids = Set(store.entries.series)
        ids.remove(0)
        var entered = Set(ids.map { SeriesName.key(store.pool[$0]) })
        var calendarKeys: [Int32: String] = [:]
        for id in Set(calendar.series) where id != 0 { calendarKeys[id] = SeriesName.key(store.pool[id]) }
        if !entered.isEmpty && !calendarKeys.values.contains(where: entered.contains) { entered = [] }
        var past: (day: Day, series: Int32)? = nil
        var coming: (day: Day, series: Int32)? = nil
        for i in 0..<calendar.count {
            let day = calendar.date[i], series = calendar.series[i]
            if day.isBlank || series == 0 || (!entered.isEmpty && !entered.contains(calendarKeys[series] ?? "")) { continue }
            if day <= today {
                if past == nil || day >= past!.day { past = (day, series) }
            } else if coming == nil || day < coming!.day {
                coming = (day, series)
            }
        }
        guard let found = past ?? coming else { return nil }
        return store.pool[found.series]
    }
}
