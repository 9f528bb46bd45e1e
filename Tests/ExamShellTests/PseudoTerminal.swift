import Glibc

/// A program running on a pseudo-terminal, driven as a person would: keys typed in, the screen's
/// output read back with a generous timeout, never a fixed sleep.
final class PseudoTerminal {
    /// Keys as a terminal sends them.
    enum Key {
        static let enter = "\r"
        static let tab = "\t"
        static let up = "\u{1B}[A"
        static let left = "\u{1B}[D"
        static let backspace = "\u{7F}"
        static let ctrlC = "\u{03}"
        static let ctrlD = "\u{04}"
        static let ctrlR = "\u{12}"
    }

    /// How a program ended.
    enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
    }

    /// An expected text that did not appear in time.
    struct Timeout: Error, CustomStringConvertible {
        let expected: String
        let output: String
        var description: String { "timed out waiting for \(expected.debugDescription); output so far: \(output.debugDescription)" }
    }

    let pid: pid_t
    private let master: Int32
    private let slave: Int32
    /// The terminal's settings before the program started.
    let settingsBefore: termios
    private var output: [UInt8] = []
    /// Where the next `expect` starts looking.
    private var consumed = 0
    private var ending: Ending?

    /// The exq binary built beside the test bundle.
    static var exqPath: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let executable = count > 0 ? String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        var directory = executable
        for _ in 0..<3 {
            directory = String(directory[..<(directory.lastIndex(of: "/") ?? directory.startIndex)])
            if access(directory + "/exq", X_OK) == 0 { return directory + "/exq" }
        }
        return ".build/debug/exq"
    }

    /// A fresh directory for HOME and the history file.
    static func temporaryDirectory() -> String {
        var template = Array("/tmp/exq-terminal-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }

    /// Starts `program` on a new 80×24 pseudo-terminal with exactly `environment`.
    init(program: String = PseudoTerminal.exqPath, arguments: [String] = [], environment: [String: String]) {
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        precondition(openpty(&master, &slave, nil, nil, &size) == 0, "openpty failed")
        self.master = master
        self.slave = slave
        var settings = termios()
        tcgetattr(slave, &settings)
        settingsBefore = settings

        // Everything the child needs is made before fork: after it, only system calls.
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // The test runner's threads may block or ignore signals; a child inherits both, and a
        // program started from a real terminal has neither.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        let child = argv.withUnsafeBufferPointer { argvPointer in
            envp.withUnsafeBufferPointer { envpPointer in
                program.withCString { path in
                    let child = fork()
                    if child == 0 {
                        close(master)
                        sigprocmask(SIG_SETMASK, &noSignals, nil)
                        // One call each: no array may be allocated between fork and exec.
                        Glibc.signal(SIGINT, SIG_DFL)
                        Glibc.signal(SIGTERM, SIG_DFL)
                        Glibc.signal(SIGHUP, SIG_DFL)
                        Glibc.signal(SIGQUIT, SIG_DFL)
                        Glibc.signal(SIGPIPE, SIG_DFL)
                        login_tty(slave)
                        execve(path, argvPointer.baseAddress!, envpPointer.baseAddress!)
                        _exit(127)
                    }
                    return child
                }
            }
        }
        precondition(child > 0, "fork failed")
        pid = child
    }

    /// The usual environment for exq: a terminal, UTF-8, HOME and the history in `directory`.
    static func environment(directory: String, language: String = "C.UTF-8") -> [String: String] {
        ["TERM": "xterm", "HOME": directory, "EXQ_HISTORY": directory + "/history",
         "LANG": language, "PATH": "/usr/bin:/bin"]
    }

    deinit {
        if ending == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
        close(slave)
    }

    /// Types `keys` as if at the keyboard.
    func type(_ keys: String) {
        var bytes = Array(keys.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeMutableBytes { write(master, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return }
            written += count
        }
    }

    /// Waits for `text` to appear after what earlier calls matched, then moves past it.
    func expect(_ text: String, timeout seconds: Double = 10) throws(Timeout) {
        let wanted = Array(text.utf8)
        let deadline = Self.now() + seconds
        while true {
            if let found = Self.find(wanted, in: output, from: consumed) {
                consumed = found + wanted.count
                return
            }
            let left = deadline - Self.now()
            if left <= 0 || !readOnce(milliseconds: Int32(left * 1000) + 1) {
                if Self.find(wanted, in: output, from: consumed) != nil { continue }
                throw Timeout(expected: text, output: transcript)
            }
        }
    }

    /// Everything the program wrote so far, as text.
    var transcript: String { String(decoding: output, as: UTF8.self) }

    /// The terminal's settings now.
    func settingsNow() -> termios {
        var settings = termios()
        tcgetattr(slave, &settings)
        return settings
    }

    /// Waits for the program to end, reading its output meanwhile; nil if it did not in time
    /// (it is then killed).
    func waitForExit(timeout seconds: Double = 10) -> Ending? {
        if let ending { return ending }
        let deadline = Self.now() + seconds
        while Self.now() < deadline {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                while readOnce(milliseconds: 0) {}
                let ending: Ending = status & 0x7F == 0 ? .exited((status >> 8) & 0xFF) : .signalled(status & 0x7F)
                self.ending = ending
                return ending
            }
            _ = readOnce(milliseconds: 50)
        }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        ending = .signalled(SIGKILL)
        return nil
    }

    /// Reads what is available within `milliseconds`; false when nothing came.
    private func readOnce(milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0, descriptor.revents & Int16(POLLIN) != 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress!, $0.count) }
        guard count > 0 else { return false }
        output.append(contentsOf: buffer[..<count])
        return true
    }

    private static func find(_ wanted: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !wanted.isEmpty else { return start }
        guard haystack.count >= wanted.count else { return nil }
        var index = start
        while index <= haystack.count - wanted.count {
            if haystack[index] == wanted[0] && Array(haystack[index..<(index + wanted.count)]) == wanted { return index }
            index += 1
        }
        return nil
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// The same terminal settings, field by field.
func sameSettings(_ a: termios, _ b: termios) -> Bool {
    var a = a, b = b
    return a.c_iflag == b.c_iflag && a.c_oflag == b.c_oflag && a.c_cflag == b.c_cflag && a.c_lflag == b.c_lflag
        && withUnsafeBytes(of: &a.c_cc) { x in withUnsafeBytes(of: &b.c_cc) { y in x.elementsEqual(y) } }
}
