import Foundation

/// Runs the built `exq` binary as a user would, capturing stdout, stderr and the exit status.
struct ExqProcess {
    struct Outcome {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The package's root folder (this file is Tests/ExamShellTests/ExqProcess.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The exq binary beside the test bundle in .build/<triple>/debug.
    static var binary: URL {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("exq")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/exq")
    }

    static func run(_ arguments: [String], stdin: String? = nil, in directory: URL = root,
                    environment extra: [String: String] = [:]) throws -> Outcome {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        p.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["HOME"] = FileManager.default.temporaryDirectory.path
        env.merge(extra) { $1 }
        p.environment = env
        // stderr goes to a file, stdout to a pipe read to the end: neither can fill and block the child.
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("exq-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let errHandle = try FileHandle(forWritingTo: errURL)
        let out = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = errHandle
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        try errHandle.close()
        let errData = try Data(contentsOf: errURL)
        return Outcome(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                       status: p.terminationStatus)
    }
}
