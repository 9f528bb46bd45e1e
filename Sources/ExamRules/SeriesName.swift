import ExamStore

/// How series names compare and order: `Summer 2024`, `January 2025`, `November 2023`.
///
/// Names are the same series when their keys are equal (`key`: case and repeated spaces ignored,
/// `June` = `Summer`); series order by date (`order`). A name is
/// read as a season or month word and a four-digit year: `Summer`/`June` = June,
/// `Autumn`/`November` = November, `Spring`/`March` = March, `Winter`/`January` = January, and
/// any English month name or its three-letter form.
package enum SeriesName {
    static let months: [(String, Int)] = [
        ("jan", 1), ("winter", 1), ("feb", 2), ("mar", 3), ("spring", 3), ("apr", 4), ("may", 5),
        ("jun", 6), ("summer", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("oct", 10),
        ("nov", 11), ("autumn", 11), ("dec", 12),
    ]

    /// `year * 12 + month` (month from 1), or nil when the name has no four-digit year.
    /// A name with a year but no known month word sorts as month 0 of that year.
    package static func order(_ name: String) -> Int? {
        var year: Int? = nil, month = 0
        for word in name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" }) {
            if word.count == 4, word.allSatisfy({ $0.isASCII && $0.isNumber }) {
                year = Int(word)
            } else if let m = months.first(where: { word.hasPrefix($0.0) }) {
                month = m.1
            }
        }
        guard let year else { return nil }
        return year * 12 + month
    }

    /// The key two names of one series share (`SUMMER  2024`, `June 2024`, `Summer 2024`).
    package static func key(_ name: String) -> String { SeriesKey.of(name) }

    /// The year of a summer (June) series, such as 2024 for `Summer 2024`; nil for any other.
    package static func summerYear(_ name: String) -> Int? {
        guard let o = order(name), o % 12 == 6 else { return nil }
        return o / 12
    }

    /// Whether two names are of one series.
    package static func same(_ a: String, _ b: String) -> Bool { a == b || key(a) == key(b) }

    /// Whether `name` has both a four-digit year and a season or month word (`Summer 2025`, not `Smmer 2025`).
    package static func isComplete(_ name: String) -> Bool {
        let words = name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" })
        return isValid(name) && words.contains { w in months.contains { w.hasPrefix($0.0) } }
    }

    /// True when `name` reads as a series (has a four-digit year).
    package static func isValid(_ name: String) -> Bool { order(name) != nil }
}

/// "The same series" for interned names (DOMAIN.md "Series and calendars": `SUMMER  2024`,
/// `June 2024` and `Summer 2024` are one series): each id is read once and given a number per
/// key (`SeriesName.key`), so rows compare numbers, not names. The one way rules compare series
/// from two columns or files; `matches` answers for one given series (the current one, a request's).
package struct SeriesMatch {
    let series: Int32, pool: StringPool
    /// The series ids met so far and their key numbers (from 1): a store has a handful, so a
    /// short scan (no hash per row).
    var known: [(id: Int32, number: Int32)] = []
    var keys: [String] = []
    /// The key number of `series` (0 until first needed, or for id 0).
    var seriesNumber: Int32 = 0

    /// Matches the names of series `series` (a pool id; 0 matches nothing).
    package init(pool: StringPool, series: Int32) {
        self.series = series
        self.pool = pool
    }

    /// The key number of series id `id`; 0 for id 0 (no series).
    @inline(__always) package mutating func number(_ id: Int32) -> Int32 {
        if id == 0 { return 0 }
        for k in known where k.id == id { return k.number }
        let key = SeriesName.key(pool[id])
        let n: Int32
        if let i = keys.firstIndex(of: key) { n = Int32(i + 1) } else { keys.append(key); n = Int32(keys.count) }
        known.append((id, n))
        return n
    }

    /// Whether series ids `a` and `b` name one series; a blank (0) is no series and matches nothing.
    @inline(__always) package mutating func same(_ a: Int32, _ b: Int32) -> Bool {
        if a == b { return a != 0 }
        if a == 0 || b == 0 { return false }
        return number(a) == number(b)
    }

    /// Whether series id `id` names series `series`.
    @inline(__always) package mutating func matches(_ id: Int32) -> Bool {
        if id == series { return id != 0 }
        if id == 0 || series == 0 { return false }
        if seriesNumber == 0 { seriesNumber = number(series) }
        return number(id) == seriesNumber
    }

    /// Per entry, whether its completion is this series; kept with the store for the next question.
    package mutating func entries(of store: Store) -> [Bool] {
        if let known = store.derived.entriesInSeries, known.series == series, known.flags.count == store.entries.count { return known.flags }
        let flags = matches(column: store.entries.completion)
        store.derived.entriesInSeries = (series, flags)
        return flags
    }

    /// Per result, whether it is of this series; kept with the store for the next question.
    package mutating func results(of store: Store) -> [Bool] {
        if let known = store.derived.resultsInSeries, known.series == series, known.flags.count == store.results.count { return known.flags }
        let flags = matches(column: store.results.series)
        store.derived.resultsInSeries = (series, flags)
        return flags
    }

    /// Per id of `ids`, whether it matches: each distinct id decided once (`mapDistinct`).
    package mutating func matches(column ids: [Int32]) -> [Bool] {
        ids.mapDistinct { matches($0) }
    }
}
