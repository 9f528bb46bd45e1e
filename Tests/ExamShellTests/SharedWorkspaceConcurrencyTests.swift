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
    /// Four sessions each add 1,000 reviews at once: all 4,000 are there, each reported id exactly
    /// once, and each session's last answer counts them all.
    @Test func fourSessionsAddingAtOnceLoseNothing() throws {
        let db = try TestDatabase()
        #expect(try ExqProcess.run(["--workspace", db.url, "--demo"]).status == 0)
        let sessions = try (0..<4).map { _ in try LiveExq(["--workspace", db.url]) }
        let services = ["1", "2", "ATS", "2"]
        for (i, s) in sessions.enumerated() {
            s.send(String(repeating: "add review 0020 H240 \(services[i])\n", count: 1000))
        }
        for s in sessions {
            #expect(s.waitFor(seconds: 600) { out, _ in out.components(separatedBy: "Added review ").count - 1 >= 1000 }, "\(s.stderr.suffix(2000))")
        }
        // All have finished their changes: each one's next answer must see all of them.
        for s in sessions { s.send("reviews | count\n") }
        for s in sessions { #expect(s.finish() == 0, "\(s.stderr.suffix(2000))") }
        let reported = sessions.flatMap(\.addedReviews)
        #expect(reported.count == 4000)
        #expect(Set(reported).count == 4000, "an id was reported twice")
        for s in sessions {
            #expect(s.stdout.split(separator: "\n").last == "4032", "a session's last answer: \(s.stdout.split(separator: "\n").last ?? "")")
        }
        let journal = try db.psql("SELECT count(*), count(DISTINCT statement) FROM exq.journal WHERE statement LIKE 'add review %'")
        #expect(journal.stdout == "4000|4000\n")
        let ids = try ExqProcess.run(["--workspace", db.url, "--format", "csv", "-c", "reviews | show id"])
        let held = ids.stdout.split(separator: "\n").dropFirst().map(String.init)
        #expect(held.count == 4032)
        #expect(Set(reported).subtracting(held).isEmpty, "lost: \(Set(reported).subtracting(held).sorted().prefix(20))")
    }

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

    /// SIGKILL mid-change, 20 times: every change a session reported done is there afterwards, once.
    @Test func killedMidChangeLosesNothingReported() throws {
        let db = try TestDatabase()
        #expect(try ExqProcess.run(["--workspace", db.url, "--demo"]).status == 0)
        var reported: [String] = []
        for round in 0..<20 {
            let s = try LiveExq(["--workspace", db.url])
            s.send((0..<200).map { "add review 0020 H240 2 id K\(round)x\($0)\n" }.joined())
            let wanted = 1 + (round * 7) % 23
            #expect(s.waitFor(seconds: 120) { out, _ in out.components(separatedBy: "Added review ").count - 1 >= wanted })
            s.kill()
            reported += s.addedReviews
        }
        #expect(reported.count >= 20)
        let ids = try ExqProcess.run(["--workspace", db.url, "--format", "csv", "-c", "reviews | where id starts with \"K\" | show id"])
        #expect(ids.status == 0, "\(ids.stderr)")
        let held = ids.stdout.split(separator: "\n").dropFirst().map(String.init)
        #expect(Set(reported).subtracting(held).isEmpty, "lost: \(Set(reported).subtracting(held).sorted().prefix(20))")
        #expect(Set(held).count == held.count, "a change was applied twice")
    }
}
