/// The check rules of the identifiers a data pack carries (DATA-PACK.md).
package enum Identifiers {
    /// Whether `text` has a UCI's shape (13 characters: centre number, `0` or `B`, year,
    /// candidate number, a letter), whatever its check letter: the word a user types for one.
    package static func looksLikeUCI(_ text: String) -> Bool {
        let c = Array(text.uppercased())
        guard c.count == 13, c[12].isLetter, c[5] == "0" || c[5] == "B" else { return false }
        return c[0..<5].allSatisfy { $0.isASCII && $0.isNumber } && c[6..<12].allSatisfy { $0.isASCII && $0.isNumber }
    }

    static let uciLetters = Array("ABCDEFGHKLMRTVWXY")
    static let uciLetterBytes = Array("ABCDEFGHKLMRTVWXY".utf8)

    /// A UCI: 13 characters: centre number (5 digits), `0`, two-digit year, four-digit candidate
    /// number, then a check letter: the first 12 digits weighted 16 down to 5, summed, modulo 17,
    /// index `ABCDEFGHKLMRTVWXY`.
    package static func isValidUCI(_ uci: String) -> Bool {
        var uci = uci
        return uci.withUTF8 { isValidUCI(bytes: $0) }
    }

    /// `isValidUCI` on the text's UTF-8 bytes (a load checks a UCI per candidate): any character
    /// outside ASCII fails, as it fails the digits and the check letter.
    package static func isValidUCI(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 13 else { return false }
        var sum = 0
        for i in 0..<12 {
            let b = bytes[i]
            guard b >= 48 && b <= 57 else { return false }
            sum += Int(b - 48) * (16 - i)
        }
        var last = bytes[12]
        if last >= 97 && last <= 122 { last -= 32 }
        return last == uciLetterBytes[sum % 17]
    }

    /// The check letter for the first 12 digits of a UCI (for generating valid ones).
    package static func uciCheckLetter(_ first12: String) -> Character? {
        let digits = first12.compactMap(\.wholeNumberValue)
        guard digits.count == 12 else { return nil }
        let sum = digits.enumerated().reduce(0) { $0 + $1.element * (16 - $1.offset) }
        return uciLetters[sum % 17]
    }

    /// A ULN: 10 digits, the first not zero, whose digits weighted 10 down to 1 sum to 10 modulo 11.
    package static func isValidULN(_ uln: String) -> Bool {
        var uln = uln
        return uln.withUTF8 { isValidULN(bytes: $0) }
    }

    /// `isValidULN` on the text's UTF-8 bytes: ten ASCII digits exactly (any other character fails).
    package static func isValidULN(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 10, bytes[0] != 48 else { return false }
        var sum = 0
        for i in 0..<10 {
            let b = bytes[i]
            guard b >= 48 && b <= 57 else { return false }
            sum += Int(b - 48) * (10 - i)
        }
        return sum % 11 == 10
    }
}
