import Foundation
import Glibc
import Testing

/// A journal survives a killed process: exq is killed (SIGKILL) at many moments while it journals
/// a stream of changes; every change it reported done is there on reopening, and it opens cleanly.
@Suite struct JournalKillTests {
    @Test func everyReportedChangeSurvivesSIGKILL() throws {
        let statements = (1...300).map { "add review 0019 H420 2 consent today id K\(String(format: "%04d", $0))" }
        // Kill after different numbers of confirmations; more input is always waiting, so the
        // kill lands while exq is in the middle of journaling the next ones.
        for (round, stopAfter) in [1, 7, 23, 50, 91, 130, 177, 240, 299].enumerated() {
            let w = FileManager.default.temporaryDirectory.appendingPathComponent("exq-kill-\(round)-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: w) }
            let p = Process()
            p.executableURL = ExqProcess.binary
            p.arguments = ["--workspace", w, "--demo", "--today", "2024-08-22"]
            let input = Pipe(), output = Pipe()
            p.standardInput = input
            p.standardOutput = output
            p.standardError = FileHandle.nullDevice
            try p.run()
            input.fileHandleForWriting.write(Data((statements.joined(separator: "\n") + "\n").utf8))
            var seen = "", confirmed: [String] = []
            while confirmed.count < stopAfter {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen += String(decoding: chunk, as: UTF8.self)
                confirmed = seen.split(separator: "\n").compactMap { line in
                    line.hasPrefix("Added review K") ? String(line.dropFirst("Added review ".count).prefix(5)) : nil
                }
            }
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            #expect(confirmed.count >= stopAfter, "round \(round): exq stopped after \(confirmed.count) changes")
            let reopened = try ExqProcess.run(["--workspace", w, "--format", "csv", "-c", "reviews | where id starts with \"K\" | show id"])
            #expect(reopened.status == 0, "round \(round): \(reopened.stderr)")
            #expect(!reopened.stderr.contains("damaged"))
            let present = Set(reopened.stdout.split(separator: "\n").dropFirst().map(String.init))
            let missing = confirmed.filter { !present.contains($0) }
            #expect(missing.isEmpty, "round \(round): reported done but lost: \(missing)")
            // Nothing half-applied: whatever is there is a whole, numbered prefix of the stream.
            #expect(present == Set(statements.prefix(present.count).map { String($0.suffix(5)) }))
        }
    }
}
