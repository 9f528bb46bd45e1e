import ExamQuery

/// Reads a script a line at a time into whole statements and narration.
///
/// `#` lines are comments and `##` lines narration (training walkthroughs). A statement goes on
/// while it is unfinished (`Session.needsMoreInput`: a trailing `|`, an open bracket or quote).
/// `expect result` takes the indented lines below it, or, unindented, the lines up to a blank one.
struct ScriptReader {
    let session: Session
    private var current = ""
    private var startLine = 0
    private var lineNumber = 0
    private var absorbingResult = false

    init(session: Session) { self.session = session }

    mutating func feed(_ raw: String) -> [Session.ScriptItem] {
        lineNumber += 1
        var line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
        if lineNumber == 1, line.unicodeScalars.first == "\u{FEFF}" { line = String(line.unicodeScalars.dropFirst()) }
        var out: [Session.ScriptItem] = []
        // A statement left open by a bracket or quote (not a trailing `|`) ends at a blank line or
        // at a line that starts a new statement, so one slip does not swallow the rest of a script.
        if !current.isEmpty, !absorbingResult, !current.trimmingSpaces().hasSuffix("|"), startsAnew(line) {
            out.append(.statement(current, line: startLine))
            current = ""
            if line.trimmingSpaces().isEmpty { return out }
        }
        if absorbingResult {
            if let f = line.first, f == " " || f == "\t", !line.trimmingSpaces().isEmpty {
                current += "\n" + line
                return out
            }
            out.append(.statement(current, line: startLine))
            current = ""
            absorbingResult = false
            if line.trimmingSpaces().isEmpty { return out }
        }
        if current.isEmpty {
            let t = line.trimmingSpaces()
            if t.hasPrefix("##") { return out + [.narration(String(t.dropFirst(2)).trimmingSpaces())] }
            if t.isEmpty || t.hasPrefix("#") { return out }
            current = line
            startLine = lineNumber
        } else {
            current += "\n" + line
        }
        if current.trimmingSpaces().lowercased() == "expect result" {
            absorbingResult = true
            return out
        }
        if !session.needsMoreInput(current) {
            out.append(.statement(current, line: startLine))
            current = ""
        }
        return out
    }

    /// A blank line, or one at the left margin whose first word begins a statement (a command or
    /// a collection): it cannot be the inside of a bracket.
    func startsAnew(_ line: String) -> Bool {
        if line.trimmingSpaces().isEmpty { return true }
        guard let first = line.first, first.isLetter else { return false }
        let word = line.prefix { $0.isLetter || $0 == "_" }.lowercased()
        let rest = line.dropFirst(word.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "|" || rest.first == "\t" else { return false }
        return CommandRegistry.firstWords.contains(word) || Collection(rawValue: word) != nil
    }

    /// What is left at the end of the script (an unfinished statement is run, so it is reported).
    mutating func finish() -> [Session.ScriptItem] {
        defer { current = ""; absorbingResult = false }
        return current.isEmpty ? [] : [.statement(current, line: startLine)]
    }
}
