import ExamStore
import Glibc

/// stdout and stderr as C streams of exq's own (libc's globals are not concurrency-safe in Swift 6).
nonisolated(unsafe) let standardOutput: UnsafeMutablePointer<FILE> = fdopen(1, "w")
nonisolated(unsafe) let standardError: UnsafeMutablePointer<FILE> = fdopen(2, "w")

/// Where a session writes: results to stdout, everything else (errors, warnings, status) to stderr.
package struct Console: Sendable {
    /// While true, results are not printed (a workspace's replay, `--check`); errors still are.
    package var muted = false
    /// While true, errors are the only thing printed: no warnings, notes or status lines
    /// (`--check`, which prints each script's PASS or FAIL and its errors; a practice task's
    /// expected answer, worked out unseen).
    package var onlyErrors = false

    package init() {}

    package func out(_ text: String) {
        if !muted { fputs(text, standardOutput) }
    }

    /// Errors and warnings: `error:` in red and `warning:` in bold on a terminal, plain elsewhere
    /// and whenever NO_COLOR is set.
    package func report(_ text: String) {
        if onlyErrors, !text.contains("error:") { return }
        guard Console.errorStyle.usesColour else { return write(text) }
        var t = text
        if let r = t.firstRange(of: ": error: ") { t.replaceSubrange(r, with: ": " + Console.errorStyle.red(Console.errorStyle.bold("error:")) + " ") }
        else if let r = t.firstRange(of: ": warning: ") { t.replaceSubrange(r, with: ": " + Console.errorStyle.bold("warning:") + " ") }
        write(t)
    }

    static let errorStyle = Style(usesColour: Style.allowsColour(outputIsTerminal: isatty(2) == 1,
                                                                 noColour: getenv("NO_COLOR").map { String(cString: $0) }))

    /// Status lines and notes on stderr (not while `onlyErrors`).
    package func err(_ text: String) {
        if !onlyErrors { write(text) }
    }

    private func write(_ text: String) {
        fflush(standardOutput)
        fputs(text, standardError)
        fflush(standardError)
    }

    package func flush() {
        fflush(standardOutput)
        fflush(standardError)
    }

    /// The height of the terminal on stdout, or nil when stdout is not a terminal.
    package static var screenHeight: Int? {
        guard isatty(1) != 0 else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return 24 }
        return Int(size.ws_row)
    }

    /// Prints `text`, through the pager (`$PAGER`, else `less -SRFX`) when it is taller than
    /// the terminal, leaving a line for the prompt. A pager that cannot start, or is left
    /// early, costs nothing: the answer is printed, or the rest of it dropped.
    package func page(_ text: String) {
        guard !muted else { return }
        let lines = text.utf8.lazy.filter { $0 == 10 }.count
        guard let height = Console.screenHeight, lines > height - 1 else { return out(text) }
        let chosen = getenv("PAGER").map { String(cString: $0) }?.trimmingSpaces() ?? ""
        let command = chosen.isEmpty ? "less -SRFX" : chosen
        flush()
        // A pager quit before the end closes the pipe: that must not end exq.
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        guard let pipe = popen(command, "w") else { return out(text) }
        fputs(text, pipe)
        pclose(pipe)
    }

    /// The width of the terminal on stdout, or nil when stdout is not a terminal (files, pipes,
    /// tests): then tables are never narrowed, so output is the same on every machine.
    package static var screenWidth: Int? {
        guard isatty(1) != 0 else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}

/// The real date, from the system clock in local time: the clock when no `--today` is given.
package enum SystemClock {
    package static func today() -> Day {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }

    /// Seconds from a monotonic clock, for timing loads.
    package static func seconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// Raw writes for the executable's own messages.
package enum FileOutput {
    package static func stderr(_ s: String) { fputs(s, standardError); fflush(standardError) }
}
