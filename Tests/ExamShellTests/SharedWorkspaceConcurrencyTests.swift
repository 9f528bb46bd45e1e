import Foundation
import Testing
import Glibc

/// An exq process kept running: statements written to its standard input as the test goes, its
/// standard output gathered as it comes (so neither pipe can fill and block the other side).
final class LiveExq: @unchecked Sendable {
    let process = Process()
    private let input = Pipe(), output = Pipe(), errors = Pipe()
    private let lock = NSLock()
    private var out = Data(), err = Data()
    private let done = DispatchGroup()

    init(_ arguments: [String]) throws {
        process.executableURL = ExqProcess.binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        for (pipe, isOut) in [(output, true), (errors, false)] {
            done.enter()
            Thread.detachNewThread { [self] in
                while true {
                    let chunk = pipe.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    lock.lock()
                    if isOut { out.append(chunk) } else { err.append(chunk) }
                    lock.unlock()
                }
                done.leave()
            }
        }
    }

    var stdout: String { lock.lock(); defer { lock.unlock() }; return String(decoding: out, as: UTF8.self) }
    var stderr: String { lock.lock(); defer { lock.unlock() }; return String(decoding: err, as: UTF8.self) }

    func send(_ text: String) { input.fileHandleForWriting.write(Data(text.utf8)) }

    /// Closes its input and waits for it to end; its status.
    @discardableResult
    func finish() -> Int32 {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        done.wait()
        return process.terminationStatus
    }

    func kill() {
        Glibc.kill(process.processIdentifier, SIGKILL)
        _ = finish()
    }

    /// Waits (polling, up to `seconds`) until `condition` holds of the output so far.
    func waitFor(seconds: Double = 300, _ condition: (_ stdout: String, _ stderr: String) -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition(stdout, stderr) { return true }
            if !process.isRunning { return condition(stdout, stderr) }
            usleep(20_000)
        }
        return false
    }

    /// What its `Updated review ID: fee = X` lines reported, as `ID X`.
    var updatedReviews: [String] {
        stdout.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("Updated review "), let r = line.firstRange(of: ": fee = ") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 15)..<r.lowerBound]) + " " + String(line[r.upperBound...])
        }
    }

    /// The review ids its `Added review ID:` lines reported.
    var addedReviews: [String] {
        stdout.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("Added review "), let colon = line.firstIndex(of: ":") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 13)..<colon])
        }
    }
}

/// Several sessions on one shared workspace at once: nothing reported done is lost or doubled,
/// a change is checked against what the others did first, and a kill mid-change loses nothing.
@Suite struct SharedWorkspaceConcurrencyTests {
    /// Four sessions each make 1,000 changes at once (each updates its own review's fee, 0.01
    /// to 10.00): all 4,000 are in the journal, each reported change exactly once, and each
    /// session's last answer sees every session's last change.
    @Test func fourSessionsChangingAtOnceLoseNothing() throws {
        let db = try TestDatabase()
        #expect(try ExqProcess.run(["--workspace", db.url, "--demo"]).status == 0)
        let sessions = try (0..<4).map { _ in try LiveExq(["--workspace", db.url]) }
        for (k, s) in sessions.enumerated() {
            s.send((1...1000).map { "update review R00\(k + 1) set fee = \(Self.pounds($0))\n" }.joined())
        }
        for s in sessions {
            #expect(s.waitFor(seconds: 600) { out, _ in out.components(separatedBy: "Updated review ").count - 1 >= 1000 }, "\(s.stderr.suffix(2000))")
        }
        // All have finished their changes: each one's next answer must see all of them.
        for s in sessions { s.send("reviews | where id in (\"R001\", \"R002\", \"R003\", \"R004\") | sort id | show id, fee\n") }
        for s in sessions { #expect(s.finish() == 0, "\(s.stderr.suffix(2000))") }
        let reported = sessions.flatMap(\.updatedReviews)
        #expect(reported.count == 4000)
        #expect(Set(reported).count == 4000, "a change was reported twice")
        for s in sessions {
            let last = s.stdout.split(separator: "\n").suffix(4).map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
            #expect(last == ["R001 10", "R002 10", "R003 10", "R004 10"], "a session's last answer: \(last)")
        }
        let journal = try db.psql("SELECT statement FROM exq.journal WHERE statement LIKE 'update review %'").stdout
            .split(separator: "\n").map { $0.replacingOccurrences(of: "update review ", with: "").replacingOccurrences(of: " set fee = ", with: " ") }
        #expect(journal.count == 4000)
        #expect(Set(journal) == Set(reported), "missing: \(Set(reported).subtracting(journal).sorted().prefix(10)), unreported: \(Set(journal).subtracting(reported).sorted().prefix(10))")
    }

    /// `1` → `0.01`, `1000` → `10.00`.
    static func pounds(_ pence: Int) -> String { "\(pence / 100).\(pence % 100 < 10 ? "0" : "")\(pence % 100)" }

    /// A session that has not yet seen another's change is checked against it before its own is
    /// committed: the same review id, taken meanwhile, is refused with the reason.
    @Test func aChangeIsCheckedAgainstWhatOthersDidMeanwhile() throws {
        let db = try TestDatabase()
        #expect(try ExqProcess.run(["--workspace", db.url, "--demo"]).status == 0)
        let stale = try LiveExq(["--workspace", db.url])
        #expect(stale.waitFor(seconds: 120) { _, err in err.contains("Opened workspace") })
        let first = try ExqProcess.run(["--workspace", db.url, "-c", "add review 0020 H240 2 id R9000"])
        #expect(first.status == 0, "\(first.stderr)")
        stale.send("add review 0019 H420 1 id R9000\n")
        #expect(stale.finish() != 0)
        #expect(stale.stderr.contains("R9000"), "\(stale.stderr)")
        #expect(stale.addedReviews.isEmpty)
        #expect(try db.psql("SELECT count(*) FROM exq.journal WHERE statement LIKE '%R9000%'").stdout == "1\n")
    }

    /// A review updated meanwhile: a session that has not seen another's submission date gives a
    /// consent date after it, and is refused against the state it had not seen (consent comes
    /// first), so the journal holds the submission only.
    @Test func aReviewUpdatedMeanwhileIsCheckedAgain() throws {
        let db = try TestDatabase()
        #expect(try ExqProcess.run(["--workspace", db.url, "--demo"]).status == 0)
        let stale = try LiveExq(["--workspace", db.url, "--today", "2024-08-30"])
        #expect(stale.waitFor(seconds: 120) { _, err in err.contains("Opened workspace") })
        let first = try ExqProcess.run(["--workspace", db.url, "--today", "2024-08-30", "-c", "update review R002 set submitted = 2024-08-25"])
        #expect(first.status == 0, "\(first.stderr)")
        stale.send("update review R002 set consent = 2024-08-26\n")
        #expect(stale.finish() != 0)
        #expect(stale.stderr.contains("submitted 25/08/2024 is before consent 26/08/2024"), "\(stale.stderr)")
        #expect(stale.updatedReviews.isEmpty)
        #expect(try db.psql("SELECT statement FROM exq.journal WHERE statement LIKE 'update review%'").stdout == "update review R002 set submitted = 2024-08-25\n")
    }

    /// SIGKILL mid-change, 20 times: every change a session reported done is in the journal
    /// afterwards, exactly once, and the workspace opens with the last of them.
    @Test func killedMidChangeLosesNothingReported() throws {
        let db = try TestDatabase()
        #expect(try ExqProcess.run(["--workspace", db.url, "--demo"]).status == 0)
        var reported: [String] = []
        for round in 1...20 {
            let s = try LiveExq(["--workspace", db.url])
            s.send((1...99).map { "update review R001 set fee = \(round).\($0 < 10 ? "0" : "")\($0)\n" }.joined())
            let wanted = 1 + (round * 7) % 23
            #expect(s.waitFor(seconds: 120) { out, _ in out.components(separatedBy: "Updated review ").count - 1 >= wanted })
            s.kill()
            reported += s.updatedReviews
        }
        #expect(reported.count >= 20)
        let journal = try db.psql("SELECT statement FROM exq.journal WHERE statement LIKE 'update review %' ORDER BY seq").stdout
            .split(separator: "\n").map { $0.replacingOccurrences(of: "update review ", with: "").replacingOccurrences(of: " set fee = ", with: " ") }
        #expect(Set(reported).subtracting(journal).isEmpty, "lost: \(Set(reported).subtracting(journal).sorted().prefix(20))")
        #expect(Set(journal).count == journal.count, "a change was journaled twice")
        let fee = try ExqProcess.run(["--workspace", db.url, "--format", "csv", "-c", "reviews | where id = \"R001\" | show fee"])
        #expect(fee.status == 0, "\(fee.stderr)")
        #expect(fee.stdout.split(separator: "\n").last.flatMap { Double($0) } == journal.last.flatMap { Double($0.dropFirst(5)) }, "\(fee.stdout) after \(journal.last ?? "")")
    }
}
