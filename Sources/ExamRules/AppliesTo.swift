import ExamStore

/// Which calendar events apply to a qualification (`calendar.csv` `applies_to`), and how closely.
///
/// The most specific match wins: the exact entry code (`05839`) > the qualification's type,
/// case-insensitive (`Cambridge Technical`, `GCSE`) > its level (`level 3` matches level `3`;
/// a level written `1/2` matches `level 1`, `level 2` and `level 1/2`) > blank (all).
/// Shared by deadlines and results arrival so the two can never disagree.
package enum AppliesTo {
    /// How an `applies_to` cell matched; a higher value is more specific.
    package enum Match: Int, Comparable, Sendable {
        case all = 0, level = 1, type = 2, code = 3
        package static func < (a: Match, b: Match) -> Bool { a.rawValue < b.rawValue }
    }

    /// How `appliesTo` (an interned cell) fits qualification row `qualification`; nil when it does not.
    package static func match(store: Store, appliesTo: Int32, qualification: Int32) -> Match? {
        if appliesTo == 0 { return .all }
        if appliesTo == store.qualifications.code[Int(qualification)] { return .code }
        return match(store: store, appliesToText: store.pool[appliesTo], qualification: qualification)
    }

    /// How an `applies_to` text fits qualification row `qualification`; nil when it does not.
    package static func match(store: Store, appliesToText: String, qualification: Int32) -> Match? {
        let q = Int(qualification)
        let text = trimmed(appliesToText).lowercased()
        if text.isEmpty { return .all }
        if text == store.pool[store.qualifications.code[q]].lowercased() { return .code }
        if text == trimmed(store.pool[store.qualifications.type[q]]).lowercased() { return .type }
        if text.hasPrefix("level") {
            let wanted = levels(text)
            let held = levels(store.pool[store.qualifications.level[q]].lowercased())
            if !wanted.isEmpty && wanted.contains(where: held.contains) { return .level }
        }
        return nil
    }

    /// The calendar row of event `event` (interned name) in `series` that applies most specifically
    /// to the qualification; among equally specific rows the later row (a pack's correction) wins.
    /// A row's series is `series` under any of its names (`SeriesMatch`: `June 2024` is `Summer 2024`).
    package static func event(store: Store, named event: Int32, series: Int32, qualification: Int32) -> Int32? {
        var sameSeries = SeriesMatch(pool: store.pool, series: 0)
        return self.event(store: store, named: event, series: series, qualification: qualification, sameSeries: &sameSeries)
    }

    /// As `event(store:named:series:qualification:)`, with the series names read so far
    /// (`sameSeries`), so that a caller asking per row reads each name once.
    package static func event(store: Store, named event: Int32, series: Int32, qualification: Int32,
                              sameSeries: inout SeriesMatch) -> Int32? {
        let calendar = store.calendar
        var best: (row: Int, match: Match)? = nil
        for i in 0..<calendar.count where calendar.event[i] == event && sameSeries.same(calendar.series[i], series) {
            guard !calendar.date[i].isBlank,
                  let m = match(store: store, appliesTo: calendar.appliesTo[i], qualification: qualification) else { continue }
            if best == nil || m >= best!.match { best = (i, m) }
        }
        return best.map { Int32($0.row) }
    }

    /// The event of that name, as `event(store:named:series:qualification:)`, by its name.
    package static func event(store: Store, named name: String, series: Int32, qualification: Int32) -> Int32? {
        guard let id = store.pool.lookup(name) else { return nil }
        return event(store: store, named: id, series: series, qualification: qualification)
    }

    /// The level numbers in `level 3`, `1/2`, `Level 1-2`: ["3"], ["1", "2"], ["1", "2"].
    static func levels(_ text: String) -> [Substring] {
        var rest = Substring(text)
        if rest.hasPrefix("level") { rest = rest.dropFirst(5) }
        return rest.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "," || $0 == " " })
    }

    static func trimmed(_ s: String) -> Substring {
        var t = Substring(s)
        while t.first == " " { t.removeFirst() }
        while t.last == " " { t.removeLast() }
        return t
    }
}
