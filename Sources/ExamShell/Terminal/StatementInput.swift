import Glibc
import ExamStore

/// Reads whole statements for a walkthrough or a practice run: on a terminal with the line editor
/// (Tab completion, history, Ctrl-C clears the line), otherwise a line at a time with the prompt
/// on standard error, so that piped output stays clean.
package final class StatementInput {
    private let host: InteractiveHost
    private let editor: LineEditor?

    package init(host: InteractiveHost) {
        self.host = host
        if isatty(STDIN_FILENO) == 1 {
            TerminalSignals.install()
            editor = EditLineEditor { [weak host] line, cursor in host?.completions(line: line, cursor: cursor) ?? [] }
        } else {
            editor = nil
        }
    }

    deinit { close() }

    /// One whole statement after `prompt`, continuing while the host says it is unfinished.
    package func read(prompt: String) -> LineRead {
        StandardStreams.flushOutput()
        return Self.statement(prompt: prompt, host: host) { shown in
            if let editor { return editor.readLine(prompt: shown) }
            StandardStreams.writeError(shown)
            let read = Swift.readLine(strippingNewline: true).map { LineRead.line($0) } ?? .endOfInput
            if read == .endOfInput { StandardStreams.writeError("\n") }
            return read
        }
    }

    /// One whole statement from `readLine`, asked with `prompt` and then the host's continuation
    /// prompt while the host says it is unfinished; `.interrupted` when Ctrl-C threw the lines
    /// away. An unfinished statement at the end still comes back, so the session can say what is
    /// missing. The shell's loop reads its statements the same way.
    static func statement(prompt: String, host: InteractiveHost, readLine: (String) -> LineRead) -> LineRead {
        var lines: [String] = []
        while true {
            switch readLine(lines.isEmpty ? prompt : host.continuationPrompt) {
            case .line(let line):
                lines.append(line)
                let text = lines.joined(separator: "\n")
                if !host.needsMoreInput(text) { return .line(text) }
            case .interrupted:
                Interruption.clear()
                return .interrupted
            case .endOfInput:
                return lines.isEmpty ? .endOfInput : .line(lines.joined(separator: "\n"))
            }
        }
    }

    /// Keeps a statement the trainee typed in the history (Up brings it back).
    package func remember(_ statement: String) {
        editor?.addHistory(statement)
    }

    /// Gives the terminal back as it was found; safe to call more than once.
    package func close() {
        guard let editor else { return }
        editor.close()
        TerminalSignals.uninstall()
    }
}
