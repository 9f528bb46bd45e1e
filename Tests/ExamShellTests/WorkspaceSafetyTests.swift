import Foundation
import Testing

/// Workspaces lose nothing: one writer at a time, appends that fail leave nothing half-written,
/// damage refused at its line, compact that rebuilds exactly or refuses, permissions kept.
@Suite struct WorkspaceSafetyTests {
    static func folder(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("exq-wss-\(name)-\(UUID().uuidString)").path
    }

    static func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
    }

    /// A second session, while the first holds the workspace, opens it read-only and is told who holds it.
    @Test func aSecondSessionOpensReadOnlyAndChangesNothing() throws {
        let w = Self.folder("lock")
        defer { try? FileManager.default.removeItem(atPath: w) }
        #expect(try ExqProcess.run(["--workspace", w, "--demo"]).status == 0)
        // The first session waits on its standard input, holding the lock.
        let first = Process()
        first.executableURL = ExqProcess.binary
        first.arguments = ["--workspace", w]
        let input = Pipe()
        first.standardInput = input
        first.standardOutput = FileHandle.nullDevice
        first.standardError = FileHandle.nullDevice
        try first.run()
        defer { try? input.fileHandleForWriting.close(); first.waitUntilExit() }
        // Wait (generously) until it holds the lock: its pid is written in the lock file.
        var held = false
        for _ in 0..<600 where !held {
            held = ((try? String(contentsOfFile: w + "/lock", encoding: .utf8)) ?? "").contains("pid \(first.processIdentifier),")
            if !held { usleep(50_000) }
        }
        #expect(held)
        let second = try ExqProcess.run(["--workspace", w, "-c", "acknowledge 0007 05839"])
        #expect(second.status != 0)
        #expect(second.stderr.contains("is in use by another session (exq pid \(first.processIdentifier)"))
        #expect(second.stderr.contains("open read-only"))
        #expect(second.stderr.contains("nothing was changed"))
        let journal = try String(contentsOfFile: w + "/journal.exq", encoding: .utf8)
        #expect(!journal.contains("acknowledge"))
        // Questions still work read-only.
        let asked = try ExqProcess.run(["--workspace", w, "-c", "entries | count"])
        #expect(asked.stdout == "735\n")
        #expect(try ExqProcess.run(["--workspace", w, "-c", "compact"]).status != 0)
    }

    /// A journal copied through Windows (CRLF) replays whole.
    @Test func aJournalWithCRLFLineEndsReplays() throws {
        let w = Self.folder("crlf")
        defer { try? FileManager.default.removeItem(atPath: w) }
        #expect(try ExqProcess.run(["--workspace", w, "--demo", "-c", "acknowledge 0007 05839", "-c", "acknowledge 0008 05835"]).status == 0)
        let path = w + "/journal.exq"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\n", with: "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
        let o = try ExqProcess.run(["--workspace", w, "-c", "entries | where acknowledged | count"])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stderr.contains("3 changes replayed"))
        #expect(!o.stderr.contains("cut off"))
        #expect(!FileManager.default.fileExists(atPath: w + "/journal.torn"))
    }

    /// Damage in the middle, or at the end of a whole entry, is refused at its line; nothing is set aside.
    @Test func damageIsRefusedAtItsLine() throws {
        let w = Self.folder("damage")
        defer { try? FileManager.default.removeItem(atPath: w) }
        #expect(try ExqProcess.run(["--workspace", w, "--demo", "-c", "acknowledge 0007 05839", "-c", "acknowledge 0008 05835"]).status == 0)
        let path = w + "/journal.exq"
        let good = try String(contentsOfFile: path, encoding: .utf8)
        for damaged in [good.replacingOccurrences(of: "acknowledge 0007", with: "acknowledge 0009"),   // a changed character mid-journal
                        good.replacingOccurrences(of: "acknowledge 0008", with: "acknowledge 0006"),   // in the last whole entry
                        good.replacingOccurrences(of: "\n#= ", with: "\n#- ", options: [], range: good.range(of: "demo\n#= "))] { // a lost check line
            try damaged.write(toFile: path, atomically: true, encoding: .utf8)
            let o = try ExqProcess.run(["--workspace", w, "-c", "entries | count"])
            #expect(o.status != 0)
            #expect(o.stderr.contains("journal.exq:"))
            #expect(o.stderr.contains("the journal is damaged here"))
            #expect(try String(contentsOfFile: path, encoding: .utf8) == damaged)
            #expect(!FileManager.default.fileExists(atPath: w + "/journal.torn"))
        }
        try good.write(toFile: path, atomically: true, encoding: .utf8)
        // The line named is where the damaged entry starts.
        try good.replacingOccurrences(of: "acknowledge 0008", with: "acknowledge 0006").write(toFile: path, atomically: true, encoding: .utf8)
        let o = try ExqProcess.run(["--workspace", w, "-c", "entries | count"])
        #expect(o.stderr.contains("journal.exq:5:"), "\(o.stderr)")
    }

    /// A replay that refuses an entry (the pack moved) fails, and compact then refuses: it would lose it.
    @Test func aRefusedReplayFailsAndCompactRefuses() throws {
        let w = Self.folder("refused"), pack = Self.folder("pack"), moved = Self.folder("moved")
        defer { for p in [w, pack, moved] { try? FileManager.default.removeItem(atPath: p) } }
        #expect(try ExqProcess.run(["--demo", "-c", "export pack \(pack)"]).status == 0)
        let made = try ExqProcess.run(["--workspace", w, "--pack", pack, "-c", "acknowledge 0007 05839"])
        #expect(made.status == 0, "\(made.stderr)")
        try FileManager.default.moveItem(atPath: pack, toPath: moved)
        let journal = try String(contentsOfFile: w + "/journal.exq", encoding: .utf8)
        let o = try ExqProcess.run(["--workspace", w, "-c", "compact"])
        #expect(o.status != 0)
        #expect(o.stderr.contains("did not replay"))
        // Typed into a session: open fails, compact refuses, the journal is as it was.
        let typed = try ExqProcess.run([], stdin: "open \(w)\ncompact\n")
        #expect(typed.status != 0)
        #expect(try String(contentsOfFile: w + "/journal.exq", encoding: .utf8) == journal)
    }

    /// The journal names the pack by its full path: the workspace replays from any folder.
    @Test func aLoadReplaysFromAnyFolder() throws {
        let base = Self.folder("anywhere")
        try FileManager.default.createDirectory(atPath: base + "/a/b", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: base) }
        #expect(try ExqProcess.run(["--demo", "-c", "export pack \(base)/a/pack"]).status == 0)
        let made = try ExqProcess.run(["--workspace", "ws", "--pack", "pack", "-c", "acknowledge 0007 05839"], in: URL(fileURLWithPath: base + "/a"))
        #expect(made.status == 0, "\(made.stderr)")
        let o = try ExqProcess.run(["--workspace", "../ws", "-c", "entries | where acknowledged | count"], in: URL(fileURLWithPath: base + "/a/b"))
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stderr.contains("2 changes replayed"))
    }

    /// Compact after the pack changed on disk (rows in another order) under an open session would
    /// make an added review an update of one not there: it checks the rebuilt data and refuses.
    @Test func compactRefusesWhenItWouldNotRebuildTheSameData() throws {
        let w = Self.folder("compact-changed"), pack = Self.folder("compact-pack")
        defer { for p in [w, pack] { try? FileManager.default.removeItem(atPath: p) } }
        #expect(try ExqProcess.run(["--demo", "-c", "export pack \(pack)"]).status == 0)
        let session = Process()
        session.executableURL = ExqProcess.binary
        session.arguments = ["--workspace", w, "--pack", pack, "--today", "2024-08-22"]
        let input = Pipe(), errors = Pipe()
        session.standardInput = input
        session.standardOutput = FileHandle.nullDevice
        session.standardError = errors
        try session.run()
        input.fileHandleForWriting.write(Data("add review 0019 H420 2 consent today\n".utf8))
        var journaled = false
        for _ in 0..<600 where !journaled {
            journaled = ((try? String(contentsOfFile: w + "/journal.exq", encoding: .utf8)) ?? "").contains("add review")
            if !journaled { usleep(50_000) }
        }
        #expect(journaled)
        let journal = try String(contentsOfFile: w + "/journal.exq", encoding: .utf8)
        // On disk the pack's reviews now come in another order.
        let reviews = try String(contentsOfFile: pack + "/reviews.csv", encoding: .utf8).split(separator: "\n")
        try ([reviews[0]] + reviews.dropFirst().reversed()).joined(separator: "\n").appending("\n")
            .write(toFile: pack + "/reviews.csv", atomically: true, encoding: .utf8)
        input.fileHandleForWriting.write(Data("compact\n".utf8))
        try input.fileHandleForWriting.close()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        session.waitUntilExit()
        #expect(session.terminationStatus != 0)
        #expect(stderr.contains("compact would not rebuild the same data"), "\(stderr)")
        #expect(try String(contentsOfFile: w + "/journal.exq", encoding: .utf8) == journal)
    }

    /// Compact and the torn-entry file keep the journal private (0600).
    @Test func permissionsAreKept() throws {
        let w = Self.folder("modes")
        defer { try? FileManager.default.removeItem(atPath: w) }
        #expect(try ExqProcess.run(["--workspace", w, "--demo", "-c", "acknowledge 0007 05839", "-c", "unacknowledge 0007 05839"]).status == 0)
        #expect(try Self.mode(w + "/journal.exq") == 0o600)
        let o = try ExqProcess.run(["--workspace", w, "-c", "compact"])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(try Self.mode(w + "/journal.exq") == 0o600)
        let text = try String(contentsOfFile: w + "/journal.exq", encoding: .utf8)
        try (text + "acknowledge 0008 05835\n#= 12").write(toFile: w + "/journal.exq", atomically: false, encoding: .utf8)
        #expect(try ExqProcess.run(["--workspace", w, "-c", "entries | count"]).status == 0)
        #expect(try Self.mode(w + "/journal.torn") == 0o600)
        #expect(try Self.mode(w + "/journal.exq") == 0o600)
    }

    /// `record` (or `save`) into the open workspace's own journal is refused: it would corrupt it.
    @Test func nothingWritesOverTheWorkspacesOwnFiles() throws {
        let w = Self.folder("own")
        defer { try? FileManager.default.removeItem(atPath: w) }
        #expect(try ExqProcess.run(["--workspace", w, "--demo"]).status == 0)
        let journal = try String(contentsOfFile: w + "/journal.exq", encoding: .utf8)
        for statement in ["record \(w)/journal.exq", "record \(w)/../\(URL(fileURLWithPath: w).lastPathComponent)/journal.exq",
                          "entries | save \(w)/audit.log.csv", "save session \(w)/journal.exq"] {
            let o = try ExqProcess.run(["--workspace", w, "-c", statement, "-c", "acknowledge 0007 05839"])
            if statement.contains("audit.log.csv") { continue }  // another file: allowed
            #expect(o.status != 0, "\(statement)")
            #expect(o.stderr.contains("the open workspace's own file"), "\(statement): \(o.stderr)")
        }
        let after = try String(contentsOfFile: w + "/journal.exq", encoding: .utf8)
        #expect(after.hasPrefix(journal))
        #expect(try ExqProcess.run(["--workspace", w, "-c", "entries | count"]).status == 0)
    }
}
