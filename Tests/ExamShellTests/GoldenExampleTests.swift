import Foundation
import Testing

/// Every script in Examples/ runs on the demo centre and prints exactly its `.out` file beside it.
/// To re-record after an intended change: EXQ_RECORD=1 swift test --filter GoldenExampleTests
@Suite struct GoldenExampleTests {
    /// The scripts of Examples/ and of its course/ folder, as paths under Examples/.
    static var examples: [String] { scripts(in: "") + courseScripts }

    /// The training course: numbered walkthroughs with practice tasks.
    static var courseScripts: [String] { scripts(in: "course/") }

    static func scripts(in folder: String) -> [String] {
        let dir = ExqProcess.root.appendingPathComponent("Examples/" + folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".exq") }.sorted().map { folder + $0 }
    }

    @Test func examplesExist() {
        #expect(Self.examples.count >= 5)
    }

    @Test(arguments: GoldenExampleTests.examples)
    func examplePrintsItsExpectedOutput(_ name: String) throws {
        let script = "Examples/" + name
        let expectedURL = ExqProcess.root.appendingPathComponent("Examples/" + name.replacingOccurrences(of: ".exq", with: ".out"))
        let outcome = try ExqProcess.run(["--demo", script])
        #expect(outcome.status == 0, "\(script) failed: \(outcome.stderr)")
        #expect(!outcome.stderr.contains("error:"), "\(script): \(outcome.stderr)")
        if ProcessInfo.processInfo.environment["EXQ_RECORD"] != nil {
            try outcome.stdout.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(outcome.stdout == expected, "\(script) printed other output than \(expectedURL.lastPathComponent); diff them, or re-record with EXQ_RECORD=1")
    }

    /// Every course script has practice tasks, and --check passes it (its expected statements
    /// run, its expectations hold) printing only its PASS line.
    @Test(arguments: GoldenExampleTests.courseScripts)
    func aCourseScriptHasPracticeTasksAndPassesCheck(_ name: String) throws {
        let text = try String(contentsOf: ExqProcess.root.appendingPathComponent("Examples/" + name), encoding: .utf8)
        let tasks = text.split(separator: "\n").filter { $0.hasPrefix("?? ") }.count
        let expected = text.split(separator: "\n").filter { $0.hasPrefix("= ") }.count
        #expect(tasks >= 1, "\(name) has no practice task")
        #expect(tasks == expected, "\(name): every task needs one expected statement")
        let o = try ExqProcess.run(["--demo", "--check", "Examples/" + name])
        #expect(o.status == 0, "\(name): \(o.stderr)")
        #expect(o.stdout == "PASS Examples/\(name)\n1 passed, 0 failed\n")
        // --check prints PASS or FAIL and errors only: no warnings, notes or status lines.
        #expect(o.stderr == "")
    }

    @Test func theCourseIsComplete() {
        #expect(Self.courseScripts.count >= 2)
    }

    @Test func theSameScriptPrintsTheSameBytesTwice() throws {
        let a = try ExqProcess.run(["--demo", "Examples/post-results.exq"])
        let b = try ExqProcess.run(["--demo", "Examples/post-results.exq"])
        #expect(a.stdout == b.stdout)
        #expect(!a.stdout.isEmpty)
    }
}
