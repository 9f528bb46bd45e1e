/// The order of series names such as `Summer 2024`, `January 2025`, `November 2023`.
///
/// Used only to break ties between rows of one unit (a resit is in a later series). A name is
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

    /// True when `name` reads as a series (has a four-digit year).
    package static func isValid(_ name: String) -> Bool { order(name) != nil }
}
