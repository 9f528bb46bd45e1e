import ExamStore
import ExamQuery

/// Reads a command over the query lexer's tokens, so each error points at the word at fault
/// with a caret, and says what was expected and, for a slip, what was meant.
///
/// A value is a quoted string, or the tokens written together without a space (`packs/riverside`,
/// `R0033`, `45.50`, `2P`); `=`, `,` and brackets end a value.
struct CommandReader {
    let source: SourceText
    let tokens: [Token]
    var position = 0
    /// The command's usage, given as a note with errors about its shape.
    var usage = ""

    init(_ source: SourceText) throws(Diagnostic) {
        self.source = source
        do {
            tokens = try Lexer(source.text, loose: true).tokens()
        } catch {
            var d = error
            d.file = source.file
            d.line += source.firstLine - 1
            throw d
        }
    }

    var current: Token { tokens[position] }
    var atEnd: Bool { current.kind == .end }

    mutating func advance() -> Token {
        let t = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    func error(_ message: String, at offset: Int, length: Int, notes: [String] = []) -> Diagnostic {
        source.diagnostic(at: offset, length: length, message, notes: notes)
    }

    func error(_ message: String, at word: Word, notes: [String] = []) -> Diagnostic {
        error(message, at: word.offset, length: word.length, notes: notes)
    }

    /// An error at the current token, with the usage as a note unless notes are given.
    func error(_ message: String, notes: [String]? = nil) -> Diagnostic {
        error(message, at: current.offset, length: current.length, notes: notes ?? (usage.isEmpty ? [] : ["such as: " + usage]))
    }

    /// How the current token reads in a message: `'word'`, `"text"`, or the end of the line.
    var found: String {
        switch current.kind {
        case .end: return "the end of the line"
        case .string: return Lexer.quoted(current.text).hasPrefix("\"") ? Lexer.quoted(current.text) : "\"\(current.text)\""
        default: return "'\(peekWord()?.text ?? current.text)'"
        }
    }

    static let valueEnds: Set<String> = ["=", ",", "(", ")", "|", "!=", "<", ">", "<=", ">="]

    /// The value at the current token without taking it, or nil at the end or at `=`, `,`.
    func peekWord() -> Word? {
        var copy = self
        return copy.optionalWord()
    }

    /// Takes a value when there is one.
    mutating func optionalWord() -> Word? {
        let first = current
        switch first.kind {
        case .end: return nil
        case .string:
            _ = advance()
            return Word(first.text, offset: first.offset, length: first.length)
        case .param:
            _ = advance()
            return Word("$" + first.text, offset: first.offset, length: first.length)
        case .symbol where CommandReader.valueEnds.contains(first.text): return nil
        default: break
        }
        var text = first.text, end = first.offset + first.length
        _ = advance()
        while current.kind != .end, current.kind != .string, current.offset == end,
              !(current.kind == .symbol && CommandReader.valueEnds.contains(current.text)) {
            text += current.kind == .param ? "$" + current.text : current.text
            end = current.offset + current.length
            _ = advance()
        }
        return Word(text, offset: first.offset, length: end - first.offset)
    }

    /// Takes a value, or fails saying `what` was expected.
    mutating func word(_ what: String) throws(Diagnostic) -> Word {
        guard let w = optionalWord() else { throw error("expected \(what), found \(found)") }
        return w
    }

    /// True when the current token is the bare word `keyword` (a quoted one is a value).
    func isKeyword(_ keyword: String) -> Bool {
        current.kind == .word && current.text.lowercased() == keyword
    }

    /// Takes the bare word `keyword` when it is next.
    mutating func take(_ keyword: String) -> Bool {
        guard isKeyword(keyword) else { return false }
        _ = advance()
        return true
    }

    mutating func expect(_ keyword: String) throws(Diagnostic) {
        guard take(keyword) else { throw error("expected '\(keyword)', found \(found)") }
    }

    mutating func expectSymbol(_ symbol: String) throws(Diagnostic) {
        guard current.kind == .symbol, current.text == symbol else { throw error("expected '\(symbol)', found \(found)") }
        _ = advance()
    }

    mutating func takeSymbol(_ symbol: String) -> Bool {
        guard current.kind == .symbol, current.text == symbol else { return false }
        _ = advance()
        return true
    }

    /// Takes one of `options` (bare, any case), or fails with a did-you-mean.
    mutating func oneOf(_ options: [String], _ what: String) throws(Diagnostic) -> Word {
        guard let w = peekWord() else { throw error("expected \(what), found \(found)", notes: ["\(what)s: " + options.joined(separator: ", ")]) }
        let lower = w.text.lowercased()
        guard options.contains(lower) else {
            throw error("unknown \(what) '\(w.text)'", at: w,
                        notes: [Suggestions.note(for: w.text, in: options) ?? "\(what)s: " + options.joined(separator: ", ")])
        }
        _ = optionalWord()
        return Word(lower, offset: w.offset, length: w.length)
    }

    /// A date: `2024-08-22`, `22/08/2024`, `today`, or `""` for none when `blankAllowed`.
    mutating func date(_ what: String, blankAllowed: Bool = false) throws(Diagnostic) -> DateValue {
        let w = try word("a date for \(what)")
        if w.text.isEmpty && blankAllowed { return .blank }
        if w.text.lowercased() == "today" { return .today }
        guard let d = Day(parsing: w.text) else {
            throw error("expected a date for \(what), found '\(w.text)'", at: w, notes: ["write it as 2024-08-22, 22/08/2024 or today"])
        }
        return .day(d)
    }

    /// The rest of the statement as written, from the current token (for a query or a script).
    mutating func rest() -> String {
        let chars = Array(source.text)
        let start = min(current.offset, chars.count)
        position = tokens.count - 1
        return String(chars[start...]).trimmingSpaces()
    }

    /// Where the rest starts, in characters.
    var restOffset: Int { current.offset }

    /// Fails when anything is left.
    func end() throws(Diagnostic) {
        guard atEnd else {
            let chars = Array(source.text)
            let rest = String(chars[min(current.offset, chars.count)...]).trimmingSpaces()
            throw error("unexpected \(found) after the command", at: current.offset, length: rest.count,
                        notes: usage.isEmpty ? ["put quotes around a value with spaces"] : ["such as: " + usage])
        }
    }
}
