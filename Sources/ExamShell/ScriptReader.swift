import ExamQuery

/// Reads a script a line at a time into whole statements and narration.
///
/// `#` lines are comments and `##` lines narration (training walkthroughs); `??`, `=` and `?hint`
/// lines make a practice task (`PracticeTask`). A statement goes on
/// while it is unfinished (`Session.needsMoreInput`: a trailing `|`, an open bracket or quote).
/// `expect result` takes the indented lines below it, or, unindented, the lines up to a blank one.
struct ScriptReader {
    let session: Session
    private var current = ""
    private var startLine = 0
    private var lineNumber = 0
    private var absorbingResult = false
    /// The practice task being read: its `??` lines came, its `=` statement and hints may follow.
    private var task: PracticeTask?
    /// True while `current` is a task's expected statement, not a statement of its own.
    private var currentIsExpected = false

    init(session: Session) { self.session = session }

    mutating func feed(_ raw: String) -> [Session.ScriptItem] {
        lineNumber += 1
        var line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
        if lineNumber == 1, line.unicodeScalars.first == "\u{FEFF}" { line = String(line.unicodeScalars.dropFirst()) }
        var out: [Session.ScriptItem] = []
        // A statement left open by a bracket or quote (not a trailing `|`) ends at a blank line or
        // at a line that starts a new statement, so one slip does not swallow the rest of a script.
        if !current.isEmpty, !absorbingResult, !current.trimmingSpaces().hasSuffix("|"), startsAnew(line) {
            out += finishCurrent()
            if line.trimmingSpaces().isEmpty { return out }
        }
        if absorbingResult {
            if let f = line.first, f == " " || f == "\t", !line.trimmingSpaces().isEmpty {
                current += "\n" + line
                return out
            }
            out += finishCurrent()
            absorbingResult = false
            if line.trimmingSpaces().isEmpty { return out }
        }
        if current.isEmpty {
            let t = line.trimmingSpaces()
            if t.isEmpty || (t.hasPrefix("#") && !t.hasPrefix("##")) { return out }
            if t.hasPrefix("??") {
                let question = String(t.dropFirst(2)).trimmingSpaces()
                if let open = task, open.expected == nil, open.hints.isEmpty {
                    task!.question += "\n" + question
                } else {
                    out += flushTask()
                    task = PracticeTask(question: question, line: lineNumber)
                }
                return out
            }
            if t.hasPrefix("?hint") {
                let hint = String(t.dropFirst(5)).trimmingSpaces()
                guard task != nil else { return out + flushTask() + [.mistake(ScriptReader.strayHint, line: lineNumber)] }
                task!.hints.append(hint)
                return out
            }
            if t.hasPrefix("=") {
                guard let open = task, open.expected == nil else {
                    return out + flushTask() + [.mistake(ScriptReader.strayExpected, line: lineNumber)]
                }
                current = String(t.dropFirst()).trimmingSpaces()
                startLine = lineNumber
                currentIsExpected = true
                if !session.needsMoreInput(current) { out += finishCurrent() }
                return out
            }
            out += flushTask()
            if t.hasPrefix("##") { return out + [.narration(String(t.dropFirst(2)).trimmingSpaces())] }
            current = line
            startLine = lineNumber
        } else {
            current += "\n" + line
        }
        if current.trimmingSpaces().lowercased() == "expect result" {
            absorbingResult = true
            return out
        }
        if !session.needsMoreInput(current) { out += finishCurrent() }
        return out
    }

    static let strayHint = "a '?hint' line belongs under a practice task (a '??' line)"
    static let strayExpected = "an '=' line is the expected statement of a practice task, and belongs under a '??' line"

    /// The statement read so far, done: a statement of its own, or the open task's expected one.
    private mutating func finishCurrent() -> [Session.ScriptItem] {
        defer { current = ""; currentIsExpected = false }
        guard currentIsExpected else { return [.statement(current, line: startLine)] }
        task?.expected = current
        task?.expectedLine = startLine
        return []
    }

    /// The task read so far, done (nothing when none is open).
    private mutating func flushTask() -> [Session.ScriptItem] {
        defer { task = nil }
        return task.map { [.task($0)] } ?? []
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
        defer { absorbingResult = false }
        let last = current.isEmpty ? [] : finishCurrent()
        return last + flushTask()
    }
}
