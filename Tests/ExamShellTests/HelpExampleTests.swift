import Foundation
import Testing
@testable import ExamShell

/// Every example `help` shows runs on the demo centre: help that teaches must not lie.
@Suite struct HelpExampleTests {
    static let runnable = Set(Session.commands + ["entries", "candidates", "results", "reviews", "atrisk", "qualifications",
                                                  "units", "achievements", "calendar", "certificates", "update"])

    /// The example lines of each topic: indented lines that start with a command or collection.
    static var examples: [(String, [String])] {
        Help.topics.compactMap { topic in
            let lines = topic.body.split(separator: "\n").filter { $0.hasPrefix("  ") }.map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { runnable.contains(String($0.split(separator: " ").first ?? "")) }
            return lines.isEmpty ? nil : (topic.name, lines)
        }
    }

    @Test func everyTopicWithExamplesHasSome() {
        #expect(Self.examples.count >= 20)
    }

    @Test func everyExampleRuns() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exq-help-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("packs"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("Examples"), withDestinationURL: ExqProcess.root.appendingPathComponent("Examples"))
        #expect(try ExqProcess.run(["--demo", "--export-pack", dir.appendingPathComponent("packs/riverside").path], in: dir).status == 0)
        for (topic, lines) in Self.examples {
            let o = try ExqProcess.run(["--demo", "--today", "2024-08-22"] + lines.flatMap { ["-c", $0] }, in: dir)
            #expect(o.status == 0, "help \(topic): \(o.stderr)")
        }
    }
}
