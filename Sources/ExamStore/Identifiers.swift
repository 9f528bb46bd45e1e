/// The check rules of the identifiers a data pack carries (DATA-PACK.md).
public enum Identifiers {
    static let uciLetters = Array("ABCDEFGHKLMRTVWXY")
    static let uciLetterBytes = Array("ABCDEFGHKLMRTVWXY".utf8)

    /// A UCI: 13 characters: centre number (5 digits), `0`, two-digit year, four-digit candidate
    /// number, then a check letter: the first 12 digits weighted 16 down to 5, summed, modulo 17,
    /// index `ABCDEFGHKLMRTVWXY`.
    public static func isValidUCI(_ uci: String) -> Bool {
        // The usual case, plain ASCII, on bytes: a load checks a UCI per candidate.
        let utf8 = uci.utf8
        if utf8.count == 13, utf8.allSatisfy({ $0 < 0x80 }) {
            var sum = 0, i = 0
            for b in utf8.prefix(12) {
                guard b >= 48 && b <= 57 else { return false }
                sum += Int(b - 48) * (16 - i)
                i += 1
            }
            var last = utf8[utf8.index(utf8.startIndex, offsetBy: 12)]
            if last >= 97 && last <= 122 { last -= 32 }
            return last == uciLetterBytes[sum % 17]
        }
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
        // Ten ASCII digits exactly: checked on bytes (any other character fails either way).
        let utf8 = uln.utf8
        guard utf8.count == 10, utf8.first != 48 else { return false }
        var sum = 0, i = 0
        for b in utf8 {
            guard b >= 48 && b <= 57 else { return false }
            sum += Int(b - 48) * (10 - i)
            i += 1
        }
        return sum % 11 == 10
    }
}
