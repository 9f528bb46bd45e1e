import ExamStore
import Glibc

/// The signal handlers of an interactive run: Ctrl-C asks the running command to stop, and
/// SIGTERM or SIGHUP put the terminal back as it was found before exq ends.
///
/// At the prompt libedit catches Ctrl-C itself (it restores the terminal, then passes the signal
/// on to the handler installed here); during a command the terminal is in its normal mode and
/// the handler only sets `Interruption`, which long loops poll.
enum TerminalSignals {
    /// The terminal's settings when the run started, for the handlers to restore.
    nonisolated(unsafe) private static var savedSettings = termios()
    nonisolated(unsafe) private static var hasSavedSettings = false

    /// Remembers the terminal's settings and installs the handlers.
    static func install() {
        if isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &savedSettings) == 0 {
            hasSavedSettings = true
        }
        var interrupt = sigaction()
        interrupt.__sigaction_handler.sa_handler = { _ in Interruption.request() }
        sigemptyset(&interrupt.sa_mask)
        // Restart a command's reads and writes after Ctrl-C; the command notices the flag.
        interrupt.sa_flags = SA_RESTART
        sigaction(SIGINT, &interrupt, nil)

        var termination = sigaction()
        termination.__sigaction_handler.sa_handler = { signal in
            TerminalSignals.restoreTerminal()
            Glibc.signal(signal, SIG_DFL)
            raise(signal)
        }
        sigemptyset(&termination.sa_mask)
        termination.sa_flags = 0
        sigaction(SIGTERM, &termination, nil)
        sigaction(SIGHUP, &termination, nil)
    }

    /// Puts the terminal's settings back as they were at `install()`; safe in a signal handler.
    static func restoreTerminal() {
        if hasSavedSettings { tcsetattr(STDIN_FILENO, TCSADRAIN, &savedSettings) }
    }

    /// Restores the terminal and the default actions of the signals.
    static func uninstall() {
        restoreTerminal()
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        signal(SIGHUP, SIG_DFL)
    }
}
