import ExamStore

/// One token of a statement. `offset` and `length` count characters of the source.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case word          // a name or keyword: entries, where, at_risk, candidate.group
        case number        // 42, 7.5
        case string        // "Summer 2024" (text is the unquoted value)
        case date          // 2024-08-22 or 22/08/2024 (text as written)
        case param         // $name (text is the name)
        case symbol        // | , ( ) = != < <= > >= + - * /
        case end
    }
    public var kind: Kind
    public var text: String
    public var offset: Int
    public var length: Int
}

/// Splits a statement into tokens. Errors (an unclosed quote, a stray character) are diagnostics.
public struct Lexer {
    let chars: [Character]
    let source: String

    public init(_ source: String) {
        self.source = source
        self.chars = Array(source)
    }

    public func tokens() throws(Diagnostic) -> [Token] {
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
            throw SourceText(source).diagnostic(at: start, length: 1, "unexpected character '\(c)'")
        }
        out.append(Token(kind: .end, text: "", offset: chars.count, length: 1))
        return out
    }

    static func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
}

/// A statement's text, for turning character offsets into `Diagnostic`s with line, column and caret.
public struct SourceText: Sendable {
    public var text: String
    public var file: String
    public var firstLine: Int

    /// The longest line a diagnostic repeats under its message.
    public static let longestEchoedLine = 1_000

    public init(_ text: String, file: String = "exq", firstLine: Int = 1) {
        self.text = text
        self.file = file
        self.firstLine = firstLine
    }

    public func diagnostic(_ severity: Diagnostic.Severity = .error, at offset: Int, length: Int, _ message: String,
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
