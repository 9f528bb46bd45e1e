import Glibc
import Testing

/// exq with standard input from a file: no prompt, no welcome, line by line.

struct TerminalPlainInputTests {
    struct Run { var output: String; var errors: String; var status: Int32; var directory: String }

    /// Runs exq with `input` as standard input and its outputs in files.
    func run(_ input: String, arguments: [String] = []) -> Run {
        let directory = PseudoTerminal.temporaryDirectory()
        let inputPath = directory + "/input", outputPath = directory + "/output", errorPath = directory + "/errors"
        writeFile(inputPath, input)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let program = PseudoTerminal.exqPath
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        let environment: [String] = ["HOME=\(directory)", "EXQ_HISTORY=\(directory)/history", "LANG=C.UTF-8"]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, envp)
        guard spawned == 0 else { return Run(output: "", errors: "spawn failed", status: -1, directory: directory) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return Run(output: readFile(outputPath), errors: readFile(errorPath), status: (status >> 8) & 0xFF, directory: directory)
    }

    @Test func statementsRunLineByLineWithoutPromptOrWelcome() {
        let result = run("candidates |\ncount\ncandidates | where forenames = \"Zoë\" | show surname | first 1\n", arguments: ["--demo"])
        #expect(result.status == 0)
        #expect(result.output == "300\nMüller\n")
        #expect(result.errors == "")
    }

    @Test func theFirstFailureStopsTheRunWithStatusOne() {
        let result = run("candidates | count\nfail\nentries | count\n", arguments: ["--demo"])
        #expect(result.status == 1)
        #expect(result.output == "300\n")
        #expect(result.errors.contains("error: unknown collection or query 'fail'"))
    }

    @Test func keepGoingRunsTheRestButStillEndsWithStatusOne() {
        let result = run("candidates | count\nfail\ncandidates | first 5 | count", arguments: ["--demo", "--keep-going"])
        #expect(result.status == 1)
        #expect(result.output == "300\n5\n")
    }

    @Test func noHistoryFileIsWrittenFromAPipe() {
        let result = run("candidates | count\n", arguments: ["--demo"])
        #expect(result.status == 0)
        #expect(access(result.directory + "/history", F_OK) != 0)
    }
}

func writeFile(_ path: String, _ text: String) {
    guard let file = fopen(path, "w") else { return }
    fputs(text, file)
    fclose(file)
}

func readFile(_ path: String) -> String {
    guard let file = fopen(path, "r") else { return "" }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = fread(&chunk, 1, chunk.count, file)
        if count <= 0 { break }
        bytes.append(contentsOf: chunk[..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
}
