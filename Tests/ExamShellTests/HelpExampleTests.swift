import Foundation
import Testing
@testable import ExamShell

/// Every example `help` shows runs on the demo centre: help that teaches must not lie.
@Suite struct HelpExampleTests {
    static let runnable = Set(CommandRegistry.firstWords + ["entries", "candidates", "results", "reviews", "atrisk", "qualifications",
                                                            "units", "achievements", "calendar", "certificates"])

    static func examples(_ body: String) -> [String] {
        body.split(separator: "\n").filter { $0.hasPrefix("  ") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { runnable.contains(String($0.split(separator: " ").first ?? "")) }
    }

    /// Each command's examples, then each other topic's.
    static var examples: [(String, [String])] {
        CommandRegistry.all.map { ($0.name, examples($0.help)) } + Help.topics.map { ($0.name, examples($0.body)) }
    }

    @Test func everyCommandHasAnExampleExceptThoseThatOnlyTalk() {
        let silent: Set<String> = ["quit", "exit", "history"]
        for (name, lines) in Self.examples.prefix(CommandRegistry.all.count) where !silent.contains(name) {
            #expect(!lines.isEmpty, "help \(name) has no example")
        }
        #expect(Self.examples.filter { !$0.1.isEmpty }.count >= 35)
    }

    @Test func everyExampleRuns() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exq-help-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("packs"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("Examples"), withDestinationURL: ExqProcess.root.appendingPathComponent("Examples"))
        #expect(try ExqProcess.run(["--demo", "--export-pack", dir.appendingPathComponent("packs/riverside").path], in: dir).status == 0)
        for (topic, lines) in Self.examples where !lines.isEmpty {
            let o = try ExqProcess.run(["--demo", "--today", "2024-08-22"] + lines.flatMap { ["-c", $0] }, in: dir)
            #expect(o.status == 0, "help \(topic): \(o.stderr)")
        }
    }

    @Test func helpNamesEveryCommandAndFindsSettingsByTheirWord() {
        let all = Help.text(for: "")
        for info in CommandRegistry.all where info.name != "exit" { #expect(all.contains("  " + info.name + " "), "\(info.name)") }
        #expect(Help.text(for: "timing").hasPrefix("set timing:"))
        #expect(Help.text(for: "time").hasPrefix("set time:"))
        #expect(Help.text(for: "history").hasPrefix("history:"))
        #expect(Help.text(for: "add review").hasPrefix("add review:"))
        #expect(Help.text(for: "where").hasPrefix("where:"))
        #expect(Help.text(for: "timnig").contains("did you mean 'timing'?"))
    }
}
