import Glibc
import ExamStore
import ExamQuery

/// Sessions as scripts: `save session`, `record`, and the `expect` checks that guard them.
extension Session {
    /// What a replay needs before the log: the clock, the series, the format and parameters as
    /// they were when the session began (`prelude`, set at launch).
    var script: String {
        var lines = ["# exq session: replay with  exq FILE  (it prints what the session printed)"]
        lines += prelude
        lines += log
        return lines.joined(separator: "\n") + "\n"
    }

    /// `record FILE.exq`: from now on each statement that succeeds is appended to FILE. A new
    /// file starts with what a replay needs (the clock, the data loaded now).
    func startRecording(to path: String) throws {
        try checkWritable(path)
        if !FileSystem.exists(path) || ((try? FileSystem.readBytes(path))?.isEmpty ?? true) {
            var start = ["# exq recording: replay with  exq \(path)"] + prelude
            if let base { start.append(base) }
            try FileSystem.writeDurably(start.joined(separator: "\n") + "\n", to: path)
        }
        recording = path
        // Kept resolved, and opened without following a link, so a link put there later is not followed.
        recordingTarget = FileSystem.resolvedPath(path) ?? path
        console.err("Recording to \(path): each statement that succeeds is added; record off stops\n")
    }

    func appendToRecording(_ statement: String) throws {
        guard let recording else { return }
        let fd = open(recordingTarget ?? recording, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw failure("cannot add to the recording \(recording): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try FileSystem.writeAll(fd, Array((statement + "\n").utf8), recording)
    }

    // MARK: expect

    /// `expect rows = 3`, `expect rows > 0`, `expect value = "M"`, and `expect result` followed by
    /// the expected answer as CSV, indented, on the lines below. Checks the last answer.
    func expect(_ rest: String) throws {
        let usage = ["expect rows = 3 · expect rows > 0 · expect value = \"M\" · expect result, then the CSV indented below"]
        guard let answer = lastAnswer else {
            throw failure("nothing to check: 'expect' checks the answer of the query before it", notes: usage)
        }
        let lines = rest.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let head = lines[0].trimmingSpaces()
        if head.lowercased() == "result" {
            let expected = lines.dropFirst().map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            let actual = OutputFormat.csv.render(answer, dates: .iso).split(separator: "\n").map(String.init)
            guard expected == actual else {
                let at = (0..<min(expected.count, actual.count)).first { expected[$0] != actual[$0] } ?? min(expected.count, actual.count)
                throw failure("the answer differs from the expected result at its row \(at)",
                              notes: ["expected: " + (at < expected.count ? expected[at] : "(no more rows)"),
                                      "found:    " + (at < actual.count ? actual[at] : "(no more rows)")])
            }
            return
        }
        let parts = head.split(separator: " ", maxSplits: 2).map(String.init)
        guard parts.count == 3, ["rows", "value"].contains(parts[0].lowercased()), ["=", "!=", "<", "<=", ">", ">="].contains(parts[1]) else {
            throw failure("expected 'expect rows OP N', 'expect value OP VALUE' or 'expect result'", notes: usage)
        }
        let op = parts[1]
        let wanted = Value.parse(parts[2])
        let found: Value
        if parts[0].lowercased() == "rows" {
            found = .number(Double(answer.rowCount))
        } else {
            guard answer.rowCount == 1, answer.names.count == 1 else {
                throw failure("'expect value' needs an answer of one value, but the last one has \(answer.rowCount) rows and \(answer.names.count) columns")
            }
            found = answer.value(0, 0)
        }
        let holds: Bool
        switch (found, wanted) {
        case (.number(let a), .number(let b)): holds = Session.compare(op, a, b)
        case (.date(let a), .date(let b)): holds = Session.compare(op, a.number, b.number)
        default: holds = Session.compare(op, found.display(.iso), wanted.display(.iso))
        }
        guard holds else {
            throw failure("expected \(parts[0]) \(op) \(wanted.display(dates)), found \(found.display(dates))")
        }
    }

    static func compare<T: Comparable>(_ op: String, _ a: T, _ b: T) -> Bool {
        switch op {
        case "=": return a == b
        case "!=": return a != b
        case "<": return a < b
        case "<=": return a <= b
        case ">": return a > b
        default: return a >= b
        }
    }
}
