import ExamStore
import Glibc

/// Reads statements and hands them to the session, until Ctrl-D or the end of the input.
///
/// A welcome on stderr, prompts, continuation lines while the statement is unfinished,
/// history, Ctrl-C that clears the line or cancels the running command, and the terminal
/// restored on every way out. A failed statement is reported and the session goes on. (Without
/// a terminal exq reads its input as a script instead: `Session.runStandardInput`.)
package final class InteractiveLoop {
    private let host: InteractiveHost
    private let editor: LineEditor

    package init(host: InteractiveHost, editor: LineEditor) {
        self.host = host
        self.editor = editor
    }

    /// The loop on libedit, for standard input that is a terminal.
    package static func standard(host: InteractiveHost) -> InteractiveLoop {
        let editor = EditLineEditor { [weak host] line, cursor in
            host?.completions(line: line, cursor: cursor) ?? []
        }
        return InteractiveLoop(host: host, editor: editor)
    }

    /// Runs until Ctrl-D or the end of the input; returns the exit status (0).
    package func run() -> Int32 {
        TerminalSignals.install()
        defer {
            editor.close()
            TerminalSignals.uninstall()
        }
        StandardStreams.writeError(host.welcome + "\n")
        reading: while true {
            StandardStreams.flushOutput()
            let statement: String
            switch readStatement() {
            case .line(let text): statement = text
            case .interrupted: continue
            case .endOfInput: break reading
            }
            let entry = statement.trimmingSpaces()
            if entry.isEmpty { continue }
            editor.addHistory(entry)
            host.historyDidChange(editor.history)
            if entry == "history" {
                print(Self.numbered(editor.history), terminator: "")
                continue
            }
            Interruption.clear()
            _ = host.execute(statement)
            Interruption.clear()
        }
        StandardStreams.flushOutput()
        return 0
    }

    /// One whole statement (`StatementInput.statement`).
    private func readStatement() -> LineRead {
        StatementInput.statement(prompt: host.prompt, host: host) { editor.readLine(prompt: $0) }
    }

    /// The history as `history` prints it: numbered, oldest first, a multi-line statement's
    /// later lines indented under its first.
    static func numbered(_ entries: [String]) -> String {
        let width = String(entries.count).count
        let indent = String(repeating: " ", count: width + 4)
        var text = ""
        for (index, entry) in entries.enumerated() {
            let number = String(index + 1)
            text += "  " + String(repeating: " ", count: width - number.count) + number + "  "
            text += entry.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indent)
            text += "\n"
        }
        return text
    }
}
