/// A calendar date held as a day number: days since 1970-01-01 (a Thursday).
///
/// Dates in exq are always day numbers, never `Date`: parsing is a few integer operations,
/// comparison and arithmetic are integer operations, and columns of them are plain `Int32`s.
/// `Day.blank` stands for an empty cell.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var number: Int32

    @inlinable public init(number: Int32) { self.number = number }

    /// The empty date (a blank cell).
    public static let blank = Day(number: Int32.min)

    @inlinable public var isBlank: Bool { number == Int32.min }

    @inlinable public static func < (a: Day, b: Day) -> Bool { a.number < b.number }

    /// The day of a proleptic Gregorian date, or nil when the date does not exist (31/02/2024).
    public init?(year: Int, month: Int, day: Int) {
        guard year >= 1 && year <= 9999, month >= 1 && month <= 12, day >= 1,
              day <= Day.daysIn(month: month, year: year) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.number = Int32(era * 146097 + doe - 719468)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The same day `years` years on (29 February → 28 February in a year without one).
    public func adding(years: Int) -> Day {
        if isBlank { return self }
        let (y, m, d) = civil
        return Day(year: y + years, month: m, day: min(d, Day.daysIn(month: m, year: y + years))) ?? self
    }

    /// Year, month and day of the month.
    public var civil: (year: Int, month: Int, day: Int) {
        let z = Int(number) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Monday = 0 ... Sunday = 6.
    public var weekday: Int { Int(((Int64(number) % 7) + 7 + 3) % 7) }

    /// The Monday of this day's week (weeks run Monday to Sunday).
    public var monday: Day { Day(number: number - Int32(weekday)) }

    public func adding(days: Int) -> Day { isBlank ? self : Day(number: number + Int32(days)) }

    /// ISO form, `2024-08-22`; blank is the empty string.
    public var iso: String {
        if isBlank { return "" }
        let (y, m, d) = civil
        return Day.pad(y, 4) + "-" + Day.pad(m, 2) + "-" + Day.pad(d, 2)
    }

    /// UK form, `22/08/2024`; blank is the empty string.
    public var uk: String {
        if isBlank { return "" }
        let (y, m, d) = civil
        return Day.pad(d, 2) + "/" + Day.pad(m, 2) + "/" + Day.pad(y, 4)
    }

    /// The date as people read it in `style`: the one place exq writes a date for people
    /// (tables, statements, `why`, messages). Files for programs (CSV, JSON, packs, journals) use `iso`.
    public func text(_ style: DateStyle) -> String {
        switch style {
        case .uk: return uk
        case .iso: return iso
        }
    }

    public var description: String { iso }

    public static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    public static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Short human form, `Wed 21 Aug`.
    public var short: String {
        if isBlank { return "" }
        let (_, m, d) = civil
        return "\(Day.weekdayNames[weekday]) \(d) \(Day.monthNames[m - 1])"
    }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Parses ISO `2024-08-22` or UK `22/08/2024` (one-digit day and month allowed in UK form).
    /// Returns nil for anything else, including dates that do not exist.
    public init?(parsing text: String) {
        var s = text
        guard let d = s.withUTF8({ Day(bytes: UnsafeBufferPointer(rebasing: $0[...])) }) else { return nil }
        self = d
    }

    /// The byte-level parser behind `init(parsing:)`, used by the CSV importer without making Strings.
    public init?(bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        @inline(__always) func digit(_ i: Int) -> Int? {
            let c = bytes[i]
            return c >= 48 && c <= 57 ? Int(c - 48) : nil
        }
        func number(_ from: Int, _ to: Int) -> Int? {
            var v = 0
            for i in from..<to { guard let d = digit(i) else { return nil }; v = v * 10 + d }
            return v
        }
        if n == 10, bytes[4] == 45, bytes[7] == 45 { // yyyy-mm-dd
            guard let y = number(0, 4), let m = number(5, 7), let d = number(8, 10),
                  let day = Day(year: y, month: m, day: d) else { return nil }
            self = day
            return
        }
        // d/m/yyyy, dd/mm/yyyy and mixes
        guard n >= 8, n <= 10 else { return nil }
        // The two slashes' positions, without an array: this runs once per UK date in a pack.
        var first = -1, second = -1, slashes = 0
        for i in 0..<n where bytes[i] == 47 {
            slashes += 1
            if first < 0 { first = i } else if second < 0 { second = i }
        }
        guard slashes == 2, first >= 1, first <= 2,
              second - first >= 2, second - first <= 3, n - second == 5,
              let d = number(0, first), let m = number(first + 1, second),
              let y = number(second + 1, n), let day = Day(year: y, month: m, day: d) else { return nil }
        self = day
    }
}

/// How dates are written for people: `22/08/2024` (UK, the default) or `2024-08-22` (ISO,
/// `set dates iso`). Dates are read in either form whatever the style.
public enum DateStyle: String, CaseIterable, Sendable {
    case uk, iso
}
