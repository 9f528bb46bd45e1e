import ExamStore

/// One token of a statement. `offset` and `length` count characters of the source.
package struct Token: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        case word          // a name or keyword: entries, where, at_risk, candidate.group
        case number        // 42, 7.5
        case string        // "Summer 2024" (text is the unquoted value)
        case date          // 2024-08-22 or 22/08/2024 (text as written)
        case param         // $name (text is the name)
        case symbol        // | , ( ) = != < <= > >= + - * /
        case end
    }
    package var kind: Kind
    package var text: String
    package var offset: Int
    package var length: Int
}

/// Splits a statement into tokens. Errors (an unclosed quote, a stray character) are diagnostics.
///
/// Inside quotes (`"..."` or `'...'`) a doubled quote stands for one, and a backslash starts an
/// escape: `\n` `\r` `\t` `\\` `\"` `\'` and `\u{1F600}`; any other backslash is kept as it is.
/// `Lexer.quoted` writes a value so that it reads back as exactly that value.
package struct Lexer {
    let chars: [Character]
    let source: String
    /// For commands: a character a query has no use for (`:` in `07:30`, `£`) is a one-character
    /// symbol and a malformed date a word, so the command reading them can say what it expected.
    let loose: Bool

    package init(_ source: String, loose: Bool = false) {
        self.source = source
        self.chars = Array(source)
        self.loose = loose
    }

    package func tokens() throws(Diagnostic) -> [Token] {
        var out: [Token] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            if c == "#" { // a comment runs to the end of the line
                while i < chars.count && chars[i] != "\n" { i += 1 }
                continue
            }
            let start = i
            if c == "\"" || c == "'" {
                var text = ""
                i += 1
                var closed = false
                while i < chars.count {
                    if chars[i] == c {
                        if i + 1 < chars.count && chars[i + 1] == c { text.append(c); i += 2; continue }
                        closed = true
                        i += 1
                        break
                    }
                    if chars[i] == "\\", i + 1 < chars.count, let (escaped, used) = Lexer.escape(chars, at: i + 1) {
                        text.append(escaped)
                        i += 1 + used
                        continue
                    }
                    text.append(chars[i])
                    i += 1
                }
                if !closed {
                    throw SourceText(source).diagnostic(at: start, length: 1,
                        "this quote is never closed", notes: ["add a closing \(c) at the end of the text"])
                }
                out.append(Token(kind: .string, text: text, offset: start, length: i - start))
                continue
            }
            if c == "$" {
                i += 1
                while i < chars.count && Lexer.isWordChar(chars[i]) { i += 1 }
                if i == start + 1 {
                    throw SourceText(source).diagnostic(at: start, length: 1, "expected a parameter name after '$'",
                                                        notes: ["write it as $name, and set it with: set name = value"])
                }
                out.append(Token(kind: .param, text: String(chars[(start + 1)..<i]), offset: start, length: i - start))
                continue
            }
            if c.isNumber && c.isASCII {
                while i < chars.count && (chars[i].isASCII && (chars[i].isNumber || chars[i] == "-" || chars[i] == "/" || chars[i] == ".")) { i += 1 }
                let text = String(chars[start..<i])
                if text.contains("-") || text.contains("/") {
                    guard Day(parsing: text) != nil else {
                        if loose {
                            out.append(Token(kind: .word, text: text, offset: start, length: i - start))
                            continue
                        }
                        throw SourceText(source).diagnostic(at: start, length: i - start,
                            "'\(text)' is not a date", notes: ["write dates as 2024-08-22 or 22/08/2024"])
                    }
                    out.append(Token(kind: .date, text: text, offset: start, length: i - start))
                } else {
                    // A number directly followed by letters is a word such as a code: 05839 stays a number.
                    if i < chars.count && Lexer.isWordChar(chars[i]) {
                        while i < chars.count && Lexer.isWordChar(chars[i]) { i += 1 }
                        out.append(Token(kind: .word, text: String(chars[start..<i]), offset: start, length: i - start))
                    } else {
                        out.append(Token(kind: .number, text: text, offset: start, length: i - start))
                    }
                }
                continue
            }
            if Lexer.isWordChar(c) {
                while i < chars.count && (Lexer.isWordChar(chars[i]) || (chars[i] == "." && i + 1 < chars.count && Lexer.isWordChar(chars[i + 1]))) { i += 1 }
                let word = String(chars[start..<i])
                out.append(Token(kind: .word, text: word, offset: start, length: i - start))
                // After `| save` the rest of the line is a file name, whatever it holds.
                if word.lowercased() == "save", out.count >= 2, out[out.count - 2].kind == .symbol, out[out.count - 2].text == "|" {
                    while i < chars.count && (chars[i] == " " || chars[i] == "\t") { i += 1 }
                    var end = chars.count
                    while end > i && (chars[end - 1] == " " || chars[end - 1] == "\t" || chars[end - 1] == "\n" || chars[end - 1] == "\r") { end -= 1 }
                    if end > i {
                        var name = String(chars[i..<end])
                        if name.count >= 2, let q = name.first, q == "\"" || q == "'", name.last == q { name = String(name.dropFirst().dropLast()) }
                        out.append(Token(kind: .string, text: name, offset: i, length: end - i))
                    }
                    i = chars.count
                }
                continue
            }
            let two = i + 1 < chars.count ? String([c, chars[i + 1]]) : ""
            if ["!=", "<=", ">=", "<>"].contains(two) {
                out.append(Token(kind: .symbol, text: two == "<>" ? "!=" : two, offset: start, length: 2))
                i += 2
                continue
            }
            if "|,()=<>+-*/".contains(c) {
                out.append(Token(kind: .symbol, text: String(c), offset: start, length: 1))
                i += 1
                continue
            }
            if loose {
                out.append(Token(kind: .symbol, text: String(c), offset: start, length: 1))
                i += 1
                continue
            }
            throw SourceText(source).diagnostic(at: start, length: 1, "unexpected character '\(c)'")
        }
        out.append(Token(kind: .end, text: "", offset: chars.count, length: 1))
        return out
    }

    static func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    /// The character an escape stands for (`chars[at]` is the character after the backslash) and
    /// how many characters it takes; nil when it is not an escape (the backslash is then kept).
    static func escape(_ chars: [Character], at i: Int) -> (Character, Int)? {
        switch chars[i] {
        case "n": return ("\n", 1)
        case "r": return ("\r", 1)
        case "t": return ("\t", 1)
        case "\\", "\"", "'": return (chars[i], 1)
        case "u":
            guard i + 1 < chars.count, chars[i + 1] == "{", let close = chars[(i + 2)...].prefix(9).firstIndex(of: "}"),
                  let code = UInt32(String(chars[(i + 2)..<close]), radix: 16), let scalar = Unicode.Scalar(code) else { return nil }
            return (Character(scalar), close - i + 1)
        default: return nil
        }
    }

    /// Control characters, and characters that join the one before or after them into one
    /// character on screen (combining marks, joiners, skin tones, prepended signs): written as
    /// `\u{..}` so a value starting or ending with one cannot merge with its quote.
    static func mayJoinNeighbours(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .nonspacingMark, .spacingMark, .enclosingMark,
             .surrogate, .privateUse, .unassigned: return true
        default: break
        }
        let v = s.value
        return (0x1F3FB...0x1F3FF).contains(v) || (0xFF9E...0xFF9F).contains(v) || v == 0x0D4E || (0x111C2...0x111C3).contains(v)
            || v == 0x1193F || v == 0x11941 || v == 0x11A3A || (0x11A84...0x11A89).contains(v) || v == 0x11D46 || v == 0x11F02
            || (0x1100...0x11FF).contains(v) || (0xA960...0xA97F).contains(v) || (0xD7B0...0xD7FF).contains(v) || (0x1F1E6...0x1F1FF).contains(v)
    }

    /// Words a command reads as keywords: a value spelt like one is quoted, so it stays a value.
    static let keywords: Set<String> = ["set", "today", "real", "auto", "all", "on", "off", "stop", "to", "fingerprint",
                                        "requested", "consent", "submitted", "component", "fee", "id", "session", "pack",
                                        "review", "certificate", "and", "or", "not", "in", "is", "blank"]

    /// The one way exq writes a value that will be read back (the journal, saved sessions,
    /// recordings, `compact`): bare when it reads back as itself, else in double quotes with
    /// `\`, `"` and control characters escaped. `Lexer(quoted(v)).tokens()` gives `v` back.
    package static func quoted(_ value: String) -> String {
        let bare = !value.isEmpty && value.unicodeScalars.allSatisfy {
            (("0"..."9").contains($0) || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || "_-./:".unicodeScalars.contains($0))
        } && !keywords.contains(value.lowercased()) && !value.hasPrefix("-") && !value.hasPrefix(".")
        if bare { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Lexer.mayJoinNeighbours(scalar) {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// A statement's text, for turning character offsets into `Diagnostic`s with line, column and caret.
package struct SourceText: Sendable {
    package var text: String
    package var file: String
    package var firstLine: Int

    /// The longest line a diagnostic repeats under its message.
    package static let longestEchoedLine = 1_000

    package init(_ text: String, file: String = "exq", firstLine: Int = 1) {
        self.text = text
        self.file = file
        self.firstLine = firstLine
    }

    package func diagnostic(_ severity: Diagnostic.Severity = .error, at offset: Int, length: Int, _ message: String,
                           notes: [String] = []) -> Diagnostic {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var remaining = offset
        var lineIndex = 0
        while lineIndex < lines.count - 1 && remaining > lines[lineIndex].count {
            remaining -= lines[lineIndex].count + 1
            lineIndex += 1
        }
        let line = lines.isEmpty ? "" : String(lines[lineIndex])
        // A line too long to read on a screen is not echoed (the column still says where).
        return Diagnostic(severity, file: file, line: firstLine + lineIndex, column: remaining + 1, message: message,
                          sourceLine: line.count <= SourceText.longestEchoedLine ? line : nil, length: max(1, min(length, line.count - remaining)), notes: notes)
    }
}
