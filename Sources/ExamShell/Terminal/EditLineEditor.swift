import CEditLine
import Glibc

/// The line editor on a terminal, on libedit: emacs keys, UTF-8, a history file, Ctrl-R, and
/// Tab completion that asks the session and lists several matches in columns.
///
/// This is the only file that imports `CEditLine`. The prompt and the line go to standard output
/// when it is a terminal and to standard error otherwise, so that `exq > out.txt` keeps the
/// results clean.
package final class EditLineEditor: LineEditor {
    /// The most history entries kept, in memory and in the file.
    package static let historyLimit: Int32 = 1000

    private let editLine: OpaquePointer
    private let historyList: OpaquePointer
    private let historyPath: String?
    private let completer: (String, Int) -> [String]
    private var promptText: UnsafeMutablePointer<CChar>
    private var isClosed = false
    /// Set by the Ctrl-C key function during a read.
    private var wasInterrupted = false

    /// The history file: `$EXQ_HISTORY`, else `~/.exq_history`, else none.
    package static var defaultHistoryPath: String? {
        if let path = getenv("EXQ_HISTORY").map({ String(cString: $0) }), !path.isEmpty { return path }
        if let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty {
            return home.hasSuffix("/") ? home + ".exq_history" : home + "/.exq_history"
        }
        return nil
    }

    /// Starts libedit on standard input. `completer` is given the whole line and the cursor's
    /// character offset and returns whole replacement words for the word before the cursor.
    package init(historyPath: String? = EditLineEditor.defaultHistoryPath,
                completer: @escaping (String, Int) -> [String]) {
        EditLineEditor.useUTF8Locale()
        let output = isatty(STDOUT_FILENO) == 1 ? exq_standard_output() : exq_standard_error()
        editLine = el_init("exq", exq_standard_input(), output, exq_standard_error())
        historyList = history_init()
        self.historyPath = historyPath
        self.completer = completer
        promptText = strdup("")

        exq_history_set_size(historyList, EditLineEditor.historyLimit)
        exq_history_set_unique(historyList, 1)
        if let historyPath { exq_history_load(historyList, historyPath) }

        exq_el_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
        exq_el_set_prompt(editLine) { editLine in
            guard let editLine, let data = exq_el_client_data(editLine) else { return nil }
            return Unmanaged<EditLineEditor>.fromOpaque(data).takeUnretainedValue().promptText
        }
        exq_el_set_editor(editLine, "emacs")
        exq_el_set_history(editLine, historyList)
        exq_el_set_signal_handling(editLine, 1)
        exq_el_add_function(editLine, "exq-complete", "Complete the word before the cursor") { editLine, _ in
            guard let editLine, let data = exq_el_client_data(editLine) else { return UInt8(CC_ERROR) }
            return Unmanaged<EditLineEditor>.fromOpaque(data).takeUnretainedValue().complete()
        }
        exq_el_bind(editLine, "^I", "exq-complete")
        // Ctrl-C at the prompt is a key, not a signal: a signal that arrives while libedit is
        // drawing rather than reading is lost, and leaves the terminal in its normal mode.
        exq_el_set_editing_tty_mode(editLine, "-isig")
        exq_el_add_function(editLine, "exq-interrupt", "Throw the line away") { editLine, _ in
            guard let editLine, let data = exq_el_client_data(editLine) else { return UInt8(CC_ERROR) }
            return Unmanaged<EditLineEditor>.fromOpaque(data).takeUnretainedValue().interrupt()
        }
        exq_el_bind(editLine, "^C", "exq-interrupt")
        exq_el_bind(editLine, "^R", "em-inc-search-prev")
    }

    deinit {
        close()
        free(promptText)
    }

    /// Makes multibyte input work: the locale comes from the environment, and when its codeset
    /// is not UTF-8 (no LANG, or `LANG=C`) C.UTF-8 is used instead, or libedit drops every
    /// non-ASCII character (`Zoë` would arrive as `Zo`). Only LC_CTYPE is set, so that numbers
    /// and dates print the same whatever the user's locale.
    package static func useUTF8Locale() {
        setlocale(LC_CTYPE, "")
        if !isUTF8Codeset() {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
        }
    }

    private static func isUTF8Codeset() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }


    package func readLine(prompt: String) -> LineRead {
        guard !isClosed else { return .endOfInput }
        free(promptText)
        promptText = strdup(prompt)
        var count: Int32 = 0
        // Editing mode before the prompt shows: keys typed as soon as it appears are libedit's.
        exq_el_prepare_terminal(editLine, 1)
        wasInterrupted = false
        errno = 0
        let raw = el_gets(editLine, &count)
        if wasInterrupted { return .interrupted }
        guard let raw else {
            writeToTerminal("\n")
            // A signal that interrupted the read (not Ctrl-C: that is a key here) is not the end.
            return count < 0 && errno == EINTR ? .interrupted : .endOfInput
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    package func addHistory(_ statement: String) {
        guard !isClosed else { return }
        exq_history_enter(historyList, statement)
        saveHistory()
    }

    package var history: [String] {
        var entries: [String] = []
        var entry = exq_history_first(historyList)
        while let text = entry {
            entries.append(String(cString: text))
            entry = exq_history_next(historyList)
        }
        return entries.reversed()
    }

    package func saveHistory() {
        guard !isClosed, let historyPath else { return }
        exq_history_save(historyList, historyPath)
    }

    package func close() {
        guard !isClosed else { return }
        isClosed = true
        el_end(editLine)
        history_end(historyList)
    }

    /// Ctrl-C: shows `^C` after the line, ends the read, and makes it `.interrupted`.
    private func interrupt() -> UInt8 {
        wasInterrupted = true
        if let info = el_line(editLine)?.pointee {
            let afterCursor = Self.text(from: info.cursor, to: info.lastchar)
            el_cursor(editLine, Int32(afterCursor.unicodeScalars.count))
        }
        el_insertstr(editLine, "^C")
        el_push(editLine, "\n")
        return UInt8(CC_REFRESH)
    }

    // MARK: Completion

    /// Characters that end a word for completion: the session's completions replace the text
    /// after the last of these before the cursor.
    static let wordBoundaries: Set<Character> = [" ", "\t", "\n", "|", "=", "(", ")", ",", "<", ">", "!", ";"]

    /// Tab: one match replaces the word and adds a space; several insert their common prefix
    /// and are listed in columns below the line.
    private func complete() -> UInt8 {
        guard let info = el_line(editLine)?.pointee else { return UInt8(CC_ERROR) }
        let line = Self.text(from: info.buffer, to: info.lastchar)
        let beforeCursor = Self.text(from: info.buffer, to: info.cursor)
        let matches = completer(line, beforeCursor.count)
        let word = Self.wordBeforeCursor(beforeCursor)
        guard let first = matches.first else { return UInt8(CC_ERROR) }

        if matches.count == 1 {
            replaceWord(word, with: first.hasSuffix("/") ? first : first + " ")
            return UInt8(CC_REFRESH)
        }
        let common = Self.commonPrefix(of: matches)
        if common.count > word.count { replaceWord(word, with: common) }
        list(matches)
        return UInt8(CC_REDISPLAY)
    }

    private func replaceWord(_ word: Substring, with replacement: String) {
        // el_deletestr counts characters as libedit stores them: one per Unicode scalar.
        if !word.isEmpty { el_deletestr(editLine, Int32(word.unicodeScalars.count)) }
        el_insertstr(editLine, replacement)
    }

    /// Lists matches in columns, in the order given, down the columns as `ls` does.
    private func list(_ matches: [String]) {
        let shown = matches.prefix(200)
        let widest = shown.map(\.count).max() ?? 0
        let columnWidth = widest + 2
        let columns = max(1, (terminalWidth() - 1) / columnWidth)
        let rows = (shown.count + columns - 1) / columns
        var text = "\n"
        for row in 0..<rows {
            var lineText = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < shown.count else { break }
                let match = shown[index]
                lineText += match
                if (column + 1) * rows + row < shown.count {
                    lineText += String(repeating: " ", count: columnWidth - match.count)
                }
            }
            text += lineText + "\n"
        }
        if matches.count > shown.count { text += "(\(matches.count - shown.count) more)\n" }
        writeToTerminal(text)
    }

    private func terminalWidth() -> Int {
        var size = winsize()
        if let out = exq_el_output(editLine), ioctl(fileno(out), UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return 80
    }

    private func writeToTerminal(_ text: String) {
        guard let out = exq_el_output(editLine) ?? exq_standard_error() else { return }
        fputs(text, out)
        fflush(out)
    }

    static func text(from start: UnsafePointer<CChar>?, to end: UnsafePointer<CChar>?) -> String {
        guard let start, let end, end > start else { return "" }
        return start.withMemoryRebound(to: UInt8.self, capacity: end - start) {
            String(decoding: UnsafeBufferPointer(start: $0, count: end - start), as: UTF8.self)
        }
    }

    /// The word that ends at the end of `text`: everything after the last word boundary.
    static func wordBeforeCursor(_ text: String) -> Substring {
        if let boundary = text.lastIndex(where: { wordBoundaries.contains($0) }) {
            return text[text.index(after: boundary)...]
        }
        return text[...]
    }

    /// The longest prefix, in whole characters, that all the matches share.
    static func commonPrefix(of matches: [String]) -> String {
        guard var prefix = matches.first.map({ Array($0) }) else { return "" }
        for match in matches.dropFirst() {
            let characters = Array(match)
            var shared = 0
            while shared < min(prefix.count, characters.count), prefix[shared] == characters[shared] { shared += 1 }
            prefix.removeLast(prefix.count - shared)
        }
        return String(prefix)
    }
}
