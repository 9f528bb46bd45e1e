/// How series names compare (DOMAIN.md "Series and calendars"): ignoring case and repeated
/// spaces, with `June` another name of `Summer` (JCQ's June series). `SUMMER  2024`,
/// `June 2024` and `Summer 2024` have one key.
package enum SeriesKey {
    package static func of(_ name: String) -> String {
        let words = name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" })
        return words.map { $0 == "june" || $0 == "jun" ? "summer" : String($0) }.joined(separator: " ")
    }
}
