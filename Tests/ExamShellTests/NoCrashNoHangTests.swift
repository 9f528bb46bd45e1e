import Foundation
import Glibc
import Testing

/// Inputs that once crashed exq or hung it: each now ends with a clear error (or an answer),
/// through the real binary.
@Suite struct NoCrashNoHangTests {
    static func folder(_ name: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("exq-nocrash-\(name)-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A script that runs itself, and two that run each other, stop at a depth with an error (not SIGSEGV).
    @Test func scriptsThatRunThemselvesStop() throws {
        let dir = Self.folder("nest")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "run self.exq\n".write(toFile: dir + "/self.exq", atomically: true, encoding: .utf8)
        try "run b.exq\n".write(toFile: dir + "/a.exq", atomically: true, encoding: .utf8)
        try "entries | count\nrun a.exq\n".write(toFile: dir + "/b.exq", atomically: true, encoding: .utf8)
        for script in ["self.exq", "a.exq"] {
            let o = try ExqProcess.run(["--demo", script], in: URL(fileURLWithPath: dir))
            #expect(o.status == 1, "\(script)")
            #expect(o.stderr.contains("scripts run each other more than 32 deep"), "\(script)")
        }
    }

    @Test func datesFarOutAreErrorsNotTraps() throws {
        for (statement, message) in [
            ("entries | show today + 2147483647", "a date moved by 2147483647 days is outside the years 1 to 9999"),
            ("entries | show today - 99999999999999999999999", "is outside the years 1 to 9999"),
            ("entries | show 4000000 + today", "a date moved by 4000000 days is outside the years 1 to 9999"),
            ("reviews | where deadline in next 2147483647 days", "2147483647 days is more than exq counts in a range"),
            ("reviews | where deadline in last 99999999999999999999 days", "expected 'week' or a number of days"),
        ] {
            let o = try ExqProcess.run(["--demo", "-c", statement])
            #expect(o.status == 1, "\(statement)")
            #expect(o.stderr.contains(message), "\(statement): \(o.stderr)")
        }
        let fine = try ExqProcess.run(["--demo", "--today", "2024-08-22", "-c", "entries | first 1 | show today + 365"])
        #expect(fine.stdout.contains("22/08/2025"))
    }

    /// A chain of many names is not a loop; a real loop is.
    @Test func aLongChainOfNamedQueriesIsNotALoop() throws {
        var lines = ["let q0 = entries"]
        for i in 1...60 { lines.append("let q\(i) = q\(i - 1) | where candidate != \"9999\"") }
        lines.append("q60 | count")
        let o = try ExqProcess.run(["--demo"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stdout == "735\n")
        let loop = try ExqProcess.run(["--demo"], stdin: "let a = entries\nlet b = a\nlet a = b\nb | count\n")
        #expect(loop.stderr.contains("refers to itself"))
    }

    /// Scripts saved on Windows: CRLF line ends and a byte-order mark.
    @Test func scriptsWithCRLFOrABOMRun() throws {
        let dir = Self.folder("crlf")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = "\u{FEFF}# counts\r\nentries |\r\n  count\r\ncandidates | count\r\n"
        try text.write(toFile: dir + "/win.exq", atomically: true, encoding: .utf8)
        let o = try ExqProcess.run(["--demo", dir + "/win.exq"])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stdout == "735\n300\n")
        let piped = try ExqProcess.run(["--demo"], stdin: text)
        #expect(piped.stdout == "735\n300\n", "\(piped.stderr)")
    }

    /// An unclosed bracket is one error; --keep-going goes on with the statements after it.
    @Test func anUnclosedBracketDoesNotSwallowTheScript() throws {
        let dir = Self.folder("bracket")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "entries | where (candidate = \"0001\"\ncandidates | count\n\nentries | count\n".write(toFile: dir + "/s.exq", atomically: true, encoding: .utf8)
        let o = try ExqProcess.run(["--demo", "--keep-going", dir + "/s.exq"])
        #expect(o.status == 1)
        #expect(o.stdout == "300\n735\n")
        #expect(o.stderr.contains("s.exq:1:"))
    }

    /// A pipe or a device named like a pack file is refused at once, never waited on or read.
    @Test func aPipeOrDeviceInAPackIsRefused() throws {
        let dir = Self.folder("fifo")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(mkfifo(dir + "/candidates.csv", 0o600) == 0)
        let fifo = try ExqProcess.run(["--pack", dir, "-c", "candidates | count"])
        #expect(fifo.status != 0)
        #expect(fifo.stderr.contains("candidates.csv:1:1: error: not a regular file"))
        try FileManager.default.removeItem(atPath: dir + "/candidates.csv")
        try FileManager.default.createSymbolicLink(atPath: dir + "/candidates.csv", withDestinationPath: "/dev/zero")
        let zero = try ExqProcess.run(["--pack", dir, "-c", "candidates | count"])
        #expect(zero.status != 0)
        #expect(zero.stderr.contains("not a regular file"))
    }

    /// A script, settings or journal that is a pipe nobody writes into, or a device, neither hangs nor eats memory.
    @Test func aPipeOrDeviceAsAScriptOrWorkspaceFileDoesNotHang() throws {
        let dir = Self.folder("script-fifo")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(mkfifo(dir + "/empty.exq", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir + "/zero.exq", withDestinationPath: "/dev/zero")
        let fifo = try ExqProcess.run(["--demo", "-c", "run \(dir)/empty.exq", "-c", "entries | count"])
        #expect(fifo.stdout == "735\n", "\(fifo.stderr)")
        let zero = try ExqProcess.run(["--demo", "-c", "run \(dir)/zero.exq"])
        #expect(zero.status == 1)
        #expect(zero.stderr.contains("not a regular file"))
        try FileManager.default.createDirectory(atPath: dir + "/ws", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/ws/settings", withDestinationPath: "/dev/zero")
        let ws = try ExqProcess.run(["--workspace", dir + "/ws", "-c", "entries | count"])
        #expect(ws.status != 0)
        #expect(ws.stderr.contains("not a regular file"))
    }

    /// Long statements and lists: a limit with a clear error, and a long list still answers.
    @Test func hugeStatementsAndListsAreLimited() throws {
        let dir = Self.folder("lists")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let many = (0..<100_001).map { "\"\($0 % 10000)\"" }.joined(separator: ",")
        try "entries | where candidate in (\(many)) | count\n".write(toFile: dir + "/many.exq", atomically: true, encoding: .utf8)
        let o = try ExqProcess.run(["--demo", dir + "/many.exq"])
        #expect(o.status == 1)
        #expect(o.stderr.contains("a list in brackets may hold at most 100000 values"))
        let huge = String(repeating: "\"0001\",", count: 700_000)
        try "entries | where candidate in (\(huge)\"0002\") | count\n".write(toFile: dir + "/huge.exq", atomically: true, encoding: .utf8)
        let h = try ExqProcess.run(["--demo", dir + "/huge.exq"])
        #expect(h.status == 1)
        #expect(h.stderr.contains("a statement may be at most 4,194,304"))
        let some = (1...300).map { String(format: "\"%04d\"", $0) }.joined(separator: ",")
        let fine = try ExqProcess.run(["--demo", "-c", "entries | where candidate in (\(some)) | count"])
        #expect(fine.stdout == "735\n")
    }
}

/// Ctrl-C stops a long answer being printed.
@Suite(.serialized)
struct CtrlCStopsOutputTests {
    typealias Key = PseudoTerminal.Key

    @Test func ctrlCStopsALongAnswer() throws {
        let dir = PseudoTerminal.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var text = "candidate,surname,forenames\n"
        for n in 1...9999 { text += String(n) + ",Smith,Ann\n" }
        try FileManager.default.createDirectory(atPath: dir + "/pack", withIntermediateDirectories: true)
        try text.write(toFile: dir + "/pack/candidates.csv", atomically: false, encoding: .utf8)
        let terminal = PseudoTerminal(arguments: ["--pack", dir + "/pack", "--format", "csv"], environment: PseudoTerminal.environment(directory: dir))
        try terminal.expect("> ")
        terminal.type("set rows all" + Key.enter)
        try terminal.expect("> ")
        // Printed straight to the terminal, not through the pager (which would hold it: q leaves less).
        terminal.type("set pager off" + Key.enter)
        try terminal.expect("> ")
        // Each row is printed many times over, so the answer is far longer than the terminal holds.
        terminal.type("candidates | show candidate, surname, forenames, name, name as a, name as b, name as c, name as d" + Key.enter)
        try terminal.expect("1,Smith,Ann")
        terminal.type(Key.ctrlC)
        try terminal.expect("cancelled (Ctrl-C): the rest of the answer was not printed", timeout: 60)
        #expect(!terminal.transcript.contains("9999,Smith,Ann"))
        try terminal.expect("> ")
        terminal.type(Key.ctrlD)
        #expect(terminal.waitForExit() == .exited(0))
    }
}
