/// What one read of a line gave.
package enum LineRead: Equatable, Sendable {
    /// A line as typed, without its newline.
    case line(String)
    /// Ctrl-D on an empty line, or the end of the input stream.
    case endOfInput
    /// Ctrl-C at the prompt: the half-typed line was thrown away.
    case interrupted
}

/// Reads the lines of statements at a terminal (libedit; a scripted one in tests).
package protocol LineEditor: AnyObject {
    /// Reads one line after showing `prompt`.
    func readLine(prompt: String) -> LineRead
    /// Records one whole statement (a multi-line statement is one entry, newlines kept).
    func addHistory(_ statement: String)
    /// The statements recorded so far, oldest first.
    var history: [String] { get }
    /// Writes the history to its file, if it has one.
    func saveHistory()
    /// Gives the terminal back as it was found; safe to call more than once.
    func close()
}
