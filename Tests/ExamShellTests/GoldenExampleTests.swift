import Foundation
import Testing

/// Every script in Examples/ runs on the demo centre and prints exactly its `.out` file beside it.
/// To re-record after an intended change: EXQ_RECORD=1 swift test --filter GoldenExampleTests
@Suite struct GoldenExampleTests {
    static var examples: [String] {
        let dir = ExqProcess.root.appendingPathComponent("Examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".exq") }.sorted()
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

    @Test func theSameScriptPrintsTheSameBytesTwice() throws {
        let a = try ExqProcess.run(["--demo", "Examples/post-results.exq"])
        let b = try ExqProcess.run(["--demo", "Examples/post-results.exq"])
        #expect(a.stdout == b.stdout)
        #expect(!a.stdout.isEmpty)
    }
}
