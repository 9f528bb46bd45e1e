import Foundation
import Testing

/// Bad packs and scripts through the real binary: exit status 1, the error on stderr at its
/// file, line and column, and the session's data untouched for the next command.
@Suite struct BadInputProcessTests {
    /// A folder holding `files` (name → bytes), removed when `body` returns.
    func withFolder<R>(_ files: [String: [UInt8]], _ body: (URL) throws -> R) throws -> R {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exq-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, bytes) in files { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        return try body(dir)
    }

    static let header = Array("candidate,surname,forenames\n".utf8)

    @Test(arguments: [
        ("mid-quote", header + Array("1,Smith,Ann\n2,\"Jon".utf8), "candidates.csv:3:3: error: unbalanced quote"),
        ("mid-row", header + Array("1,Smith,Ann\n2,Jon".utf8), "candidates.csv:3:3: error: the file ends in the middle of a row"),
        ("invalid UTF-8", header + [0x31, 0x2C, 0xC3, 0x28] + Array(",Ann\n".utf8), "candidates.csv:2:3: error: invalid UTF-8"),
        ("NUL", header + Array("1,Smith,A".utf8) + [0] + Array("nn\n".utf8), "candidates.csv:2:10: error: NUL byte"),
    ])
    func aBadPackFailsTheLoadAndKeepsTheDemo(_ name: String, _ bytes: [UInt8], _ expected: String) throws {
        try withFolder(["candidates.csv": bytes]) { dir in
            let o = try ExqProcess.run(["--demo", "--keep-going", "-c", "load \(dir.path)", "-c", "candidates | count"])
            #expect(o.status == 1, "\(name)")
            #expect(o.stderr.contains(dir.path + "/" + expected), "\(name): \(o.stderr)")
            #expect(o.stdout == "300\n", "\(name): the demo's 300 candidates are still loaded")
        }
    }

    @Test func aTenMegabyteCellFailsTheLoadQuickly() throws {
        let bytes = Self.header + Array(("1,\"" + String(repeating: "x", count: 10 * 1024 * 1024) + "\",Ann\n").utf8)
        try withFolder(["candidates.csv": bytes]) { dir in
            let o = try ExqProcess.run(["--demo", "--keep-going", "-c", "load \(dir.path)", "-c", "candidates | count"])
            #expect(o.status == 1)
            #expect(o.stderr.contains("candidates.csv:2:3: error: this cell is 10,485,760 bytes long"))
            #expect(o.stderr.utf8.count < 10_000, "the cell is not echoed")
            #expect(o.stdout == "300\n")
        }
    }

    @Test func aBrokenScriptStopsAtItsLineAndColumn() throws {
        let script = "candidates | count\nentries | where at_risk or 2024-13-45\ncandidates | count\n"
        try withFolder(["broken.exq": Array(script.utf8)]) { dir in
            let path = dir.appendingPathComponent("broken.exq").path
            let stop = try ExqProcess.run(["--demo", path])
            #expect(stop.status == 1)
            #expect(stop.stdout == "300\n", "the first error stops the script")
            #expect(stop.stderr.hasPrefix(path + ":2:28: error: '2024-13-45' is not a date"), "\(stop.stderr)")
            let go = try ExqProcess.run(["--demo", "--keep-going", path])
            #expect(go.status == 1)
            #expect(go.stdout == "300\n300\n")
        }
    }

    @Test func aHundredThousandBracketsIsAnErrorNotACrash() throws {
        let o = try ExqProcess.run(["--demo", "--keep-going", "-c", "entries | where " + String(repeating: "(", count: 100_000) + "at_risk",
                                    "-c", "candidates | count"])
        #expect(o.status == 1)
        #expect(o.stderr.hasPrefix("exq:1:117: error: brackets, 'not' and '-' are nested more than 100 deep here"))
        #expect(o.stdout == "300\n")
    }
}
