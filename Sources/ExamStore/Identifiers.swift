/// The check rules of the identifiers a data pack carries (DATA-PACK.md).
public enum Identifiers {
    static let uciLetters = Array("ABCDEFGHKLMRTVWXY")

    /// A UCI: 13 characters: centre number (5 digits), `0`, two-digit year, four-digit candidate
    /// number, then a check letter: the first 12 digits weighted 16 down to 5, summed, modulo 17,
    /// index `ABCDEFGHKLMRTVWXY`.
    public static func isValidUCI(_ uci: String) -> Bool {
        let chars = Array(uci.uppercased())
        guard chars.count == 13 else { return false }
        var sum = 0
        for (i, c) in chars.prefix(12).enumerated() {
            guard let d = c.wholeNumberValue, c.isASCII else { return false }
            sum += d * (16 - i)
        }
        return chars[12] == uciLetters[sum % 17]
    }

    /// The check letter for the first 12 digits of a UCI (for generating valid ones).
    public static func uciCheckLetter(_ first12: String) -> Character? {
        let digits = first12.compactMap(\.wholeNumberValue)
        guard digits.count == 12 else { return nil }
        let sum = digits.enumerated().reduce(0) { $0 + $1.element * (16 - $1.offset) }
        return uciLetters[sum % 17]
    }

    /// A ULN: 10 digits, the first not zero, whose digits weighted 10 down to 1 sum to 10 modulo 11.
    public static func isValidULN(_ uln: String) -> Bool {
        let chars = Array(uln)
        guard chars.count == 10, chars[0] != "0" else { return false }
        var sum = 0
        for (i, c) in chars.enumerated() {
            guard c.isASCII, let d = c.wholeNumberValue else { return false }
            sum += d * (10 - i)
        }
        return sum % 11 == 10
    }
}
