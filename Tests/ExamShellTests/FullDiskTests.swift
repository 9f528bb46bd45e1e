import Foundation
import Testing

/// A real full disk: a small tmpfs mounted for the test and filled to the last byte. Mounting
/// needs root (as CI runs); where the machine does not allow a mount, these tests are not run
/// (the file-size limit tests in FilesWrittenWholeTests cover the same paths everywhere).
@Suite(.enabled(if: FullDisk.canMount, "mounting a tmpfs needs root"))
struct FullDiskTests {
    /// A workspace on a full disk: a change that cannot be written is refused with the reason, the
    /// journal is left as it was, and once space is freed the workspace opens with every change.
    @Test func aChangeOnAFullDiskIsRefusedAndLosesNothing() throws {
        try FullDisk.with(size: "2m") { disk in
            let w = disk + "/ws"
            #expect(try ExqProcess.run(["--workspace", w, "--demo", "-c", "acknowledge 0007 05839"]).status == 0)
            let journal = w + "/journal.exq"
            let before = try Data(contentsOf: URL(fileURLWithPath: journal))
            let filler = try FullDisk.fill(disk)
            let o = try ExqProcess.run(["--workspace", w, "--today", "2024-08-22",
                                        "-c", "add review 0019 H420 2 component \(String(repeating: "x", count: 20_000))"])
            #expect(o.status != 0)
            #expect(o.stderr.contains("No space left on device"), "\(o.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before)
            try FileManager.default.removeItem(atPath: filler)
            let reopened = try ExqProcess.run(["--workspace", w, "-c", "reviews | where candidate = \"0019\" and qualification = \"H420\" | count"])
            #expect(reopened.status == 0, "\(reopened.stderr)")
            #expect(!reopened.stderr.contains("cut off"), "\(reopened.stderr)")
            #expect(reopened.stderr.contains("2 changes replayed"), "\(reopened.stderr)")
        }
    }

    /// A save onto a full disk fails with the reason and leaves the old file whole, with no
    /// temporary file left behind.
    @Test func aSaveOnAFullDiskLeavesTheOldFileWhole() throws {
        try FullDisk.with(size: "1m") { disk in
            let old = "candidate\n0001\n"
            try old.write(toFile: disk + "/ans.csv", atomically: false, encoding: .utf8)
            let filler = try FullDisk.fill(disk)
            let o = try ExqProcess.run(["--demo", "-c", "entries | save ans.csv"], in: URL(fileURLWithPath: disk))
            #expect(o.status != 0)
            #expect(o.stderr.contains("No space left on device"), "\(o.stderr)")
            #expect(try String(contentsOfFile: disk + "/ans.csv", encoding: .utf8) == old)
            #expect(try FileManager.default.contentsOfDirectory(atPath: disk).sorted() == ["ans.csv", (filler as NSString).lastPathComponent].sorted())
        }
    }
}

enum FullDisk {
    /// Whether this process may mount a tmpfs (tried once, on a folder of its own).
    static let canMount: Bool = {
        guard geteuid() == 0 else { return false }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exq-canmount-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        guard shell("mount -t tmpfs -o size=64k tmpfs '\(dir)'") == 0 else { return false }
        _ = shell("umount '\(dir)'")
        return true
    }()

    /// Mounts a tmpfs of `size` on a new folder, runs `body` with its path, then unmounts it.
    static func with(size: String, _ body: (String) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exq-fulldisk-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer {
            _ = shell("umount '\(dir)'")
            try? FileManager.default.removeItem(atPath: dir)
        }
        #expect(shell("mount -t tmpfs -o size=\(size) tmpfs '\(dir)'") == 0)
        try body(dir)
    }

    /// Fills the disk at `dir` with one file until a write fails for want of space; its path.
    static func fill(_ dir: String) throws -> String {
        let path = dir + "/filler"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        let block = [UInt8](repeating: 0x2E, count: 4096)
        while block.withUnsafeBytes({ write(fd, $0.baseAddress, 4096) }) == 4096 {}
        // The last page may take a few bytes more.
        while block.withUnsafeBytes({ write(fd, $0.baseAddress, 1) }) == 1 {}
        #expect(errno == ENOSPC)
        return path
    }

    @discardableResult
    static func shell(_ command: String) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }
}
