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
        let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
        var out: [Session.ScriptItem] = []
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

    /// What is left at the end of the script (an unfinished statement is run, so it is reported).
    mutating func finish() -> [Session.ScriptItem] {
        defer { current = ""; absorbingResult = false }
        return current.isEmpty ? [] : [.statement(current, line: startLine)]
    }
}
