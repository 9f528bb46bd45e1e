import Glibc
import ExamStore

/// Excel workbooks, through exq's helper `exq-xlsx` (beside the exq executable): it links the
/// zip and XML libraries that .xlsx needs, which exq does not, so that every exq start stays as
/// quick as it was; a workbook costs one short-lived process. The two trade sheets as
/// `SheetCoding` bytes: the input through a file (so neither can block on the other), the
/// output through a pipe.
enum WorkbookHelper {
    /// The helper's path: beside the running exq (links resolved).
    static var path: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return "exq-xlsx" }
        let exe = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return String(exe[..<(exe.lastIndex(of: "/") ?? exe.startIndex)]) + "/exq-xlsx"
    }

    /// Reads the first sheet of the workbook `bytes` (ExamStore's `WorkbookReader`).
    @Sendable static func read(_ bytes: [UInt8], _ name: String) throws(Diagnostic) -> Sheet {
        let (status, output) = try run(["read", name], input: bytes, name: name)
        if status == 0, let sheet = SheetCoding.decode(output) { return sheet }
        if let problem = SheetCoding.decodeProblem(output, path: name) { throw problem }
        throw Diagnostic(file: name, line: 1, column: 1, message: "the workbook could not be read (exq-xlsx stopped with status \(status))",
                         notes: ["save it as CSV (comma separated) instead"], cell: "")
    }

    /// `sheet` as the bytes of an .xlsx workbook.
    static func write(_ sheet: Sheet, name: String) throws(Diagnostic) -> [UInt8] {
        let (status, output) = try run(["write"], input: SheetCoding.encode(sheet), name: name)
        if status == 0 { return output }
        let problem = SheetCoding.decodeProblem(output, path: name)
        throw Diagnostic(file: name, line: 1, column: 1,
                         message: "the workbook could not be written: " + (problem?.message ?? "exq-xlsx stopped with status \(status)"),
                         notes: ["save it as .csv instead"], cell: "")
    }

    /// Runs the helper with `arguments`, `input` as its standard input; its exit status and output.
    static func run(_ arguments: [String], input: [UInt8], name: String) throws(Diagnostic) -> (Int32, [UInt8]) {
        let helper = path
        func failure(_ what: String) -> Diagnostic {
            Diagnostic(file: name, line: 1, column: 1, message: "Excel workbooks cannot be handled here: \(what)",
                       notes: ["build it beside exq with: swift build -c release --product exq-xlsx; or use CSV (comma separated) instead"], cell: "")
        }
        guard access(helper, X_OK) == 0 else { throw failure("\(helper) is missing") }
        // The input in an unlinked temporary file.
        var template = Array(((getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp") + "/exq-xlsx-XXXXXX").utf8CString)
        let inputFD = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard inputFD >= 0 else { throw failure("no temporary file (\(String(cString: strerror(errno))))") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        defer { close(inputFD) }
        do { try FileSystem.writeAll(inputFD, input, "a temporary file") } catch { throw failure("\(error)") }
        lseek(inputFD, 0, SEEK_SET)
        var pipeFDs: [Int32] = [-1, -1]
        guard pipe(&pipeFDs) == 0 else { throw failure("no pipe (\(String(cString: strerror(errno))))") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inputFD, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
        let argv: [UnsafeMutablePointer<CChar>?] = ([helper] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, helper, &actions, nil, argv, environ)
        close(pipeFDs[1])
        guard spawned == 0 else {
            close(pipeFDs[0])
            throw failure("\(helper) cannot be run (\(String(cString: strerror(spawned))))")
        }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(pipeFDs[0], $0.baseAddress, $0.count) }
            if n > 0 { output += chunk[..<n]; continue }
            if n < 0 && errno == EINTR { continue }
            break
        }
        close(pipeFDs[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // Exited normally: the exit code; killed: 128 + the signal.
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (code, output)
    }
}
