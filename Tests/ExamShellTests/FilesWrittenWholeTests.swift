import Foundation
import Testing

/// Files are written whole or not at all, and a script writes only where it may, links included.
/// A full disk is made with a file-size limit (`ulimit -f`), which fails a write as a full disk does.
@Suite struct FilesWrittenWholeTests {
    static func folder(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("exq-whole-\(name)-\(UUID().uuidString)").path
    }

    /// Runs exq under a file-size limit of `blocks` 512-byte blocks (SIGXFSZ ignored, so the write fails with EFBIG).
    static func runLimited(_ blocks: Int, _ arguments: [String], in directory: String) throws -> ExqProcess.Outcome {
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "trap '' XFSZ; ulimit -f \(blocks); exec '\(ExqProcess.binary.path)' \(quoted)"]
        p.currentDirectoryURL = URL(fileURLWithPath: directory)
        let err = Pipe(), out = Pipe()
        p.standardError = err
        p.standardOutput = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return .init(stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self), status: p.terminationStatus)
    }

    @Test func aSaveThatFailsLeavesTheOldFileWhole() throws {
        let dir = Self.folder("save")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let old = "candidate\n0001\n"
        try old.write(toFile: dir + "/ans.csv", atomically: true, encoding: .utf8)
        let o = try Self.runLimited(2, ["--demo", "-c", "entries | save ans.csv"], in: dir)
        #expect(o.status != 0)
        #expect(try String(contentsOfFile: dir + "/ans.csv", encoding: .utf8) == old)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["ans.csv"])
    }

    @Test func anExportThatFailsLeavesTheOldPackLoadable() throws {
        let dir = Self.folder("export")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try ExqProcess.run(["--demo", "-c", "export pack \(dir)/pack"]).status == 0)
        let before = try ExqProcess.run(["--pack", dir + "/pack", "--format", "csv", "-c", "reviews | show id, outcome"]).stdout
        let o = try Self.runLimited(8, ["--demo", "-c", "acknowledge 0007 05839", "-c", "export pack pack"], in: dir)
        #expect(o.status != 0)
        let after = try ExqProcess.run(["--pack", dir + "/pack", "--format", "csv", "-c", "reviews | show id, outcome"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["pack"])
    }

    /// A failed append on a full disk is cut back: the next session finds no damage and no torn entry.
    @Test func aFailedAppendLeavesNoHalfEntry() throws {
        let w = Self.folder("append")
        defer { try? FileManager.default.removeItem(atPath: w) }
        #expect(try ExqProcess.run(["--workspace", w, "--demo"]).status == 0)
        let size = try FileManager.default.attributesOfItem(atPath: w + "/journal.exq")[.size] as! Int
        let component = String(repeating: "x", count: 1500)
        let o = try Self.runLimited((size + 511) / 512, ["--workspace", w, "--today", "2024-08-22",
                                                         "-c", "add review 0019 H420 2 component \(component)"], in: "/")
        #expect(o.status != 0)
        #expect(try FileManager.default.attributesOfItem(atPath: w + "/journal.exq")[.size] as! Int == size)
        let again = try ExqProcess.run(["--workspace", w, "-c", "acknowledge 0007 05839"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!again.stderr.contains("cut off"))
        let reopened = try ExqProcess.run(["--workspace", w, "-c", "entries | where acknowledged | count"])
        #expect(reopened.status == 0)
        #expect(reopened.stderr.contains("2 changes replayed"))
    }

    /// A link in the current folder to a file not there yet, outside it: a script may not follow it.
    @Test func aScriptDoesNotFollowALinkOutOfItsFolder() throws {
        let here = Self.folder("here"), outside = Self.folder("outside")
        for d in [here, outside] { try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true) }
        defer { for d in [here, outside] { try? FileManager.default.removeItem(atPath: d) } }
        for name in ["a.csv", "s.exq", "r.exq"] {
            try FileManager.default.createSymbolicLink(atPath: here + "/" + name, withDestinationPath: outside + "/" + name)
        }
        try FileManager.default.createSymbolicLink(atPath: here + "/up", withDestinationPath: outside)
        for statement in ["entries | save a.csv", "save session s.exq", "record r.exq", "entries | save up/b.csv", "export pack up/p",
                          "entries | save up/../exq-escape-\(UUID().uuidString).csv"] {
            try (statement + "\n").write(toFile: here + "/script.exq", atomically: true, encoding: .utf8)
            let o = try ExqProcess.run(["--demo", "script.exq"], in: URL(fileURLWithPath: here))
            #expect(o.status != 0, "\(statement)")
            #expect(o.stderr.contains("a script may write only inside the current folder"), "\(statement): \(o.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    }

    /// A typed save over a link replaces what the link points at, whole, and never writes through
    /// a link put in place of the temporary file.
    @Test func aTypedSaveWritesTheFileTheLinkNames() throws {
        let dir = Self.folder("typed")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "old\n".write(toFile: dir + "/real.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.csv", withDestinationPath: dir + "/real.csv")
        let o = try ExqProcess.run(["--demo", "-c", "candidates | first 1 | show candidate | save link.csv"], in: URL(fileURLWithPath: dir))
        #expect(o.status == 0, "\(o.stderr)")
        #expect(try String(contentsOfFile: dir + "/real.csv", encoding: .utf8) == "candidate\n0001\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.csv") == dir + "/real.csv")
    }
}
