/// What the interactive loop needs from a session; `Session` conforms.
///
/// The loop (line editing, history, completion display, Ctrl-C, Ctrl-D) lives in Terminal/;
/// everything that knows the language or the store lives on the other side of this protocol.
package protocol InteractiveHost: AnyObject {
    /// The one-line welcome printed when an interactive session starts.
    var welcome: String { get }
    /// The prompt for a new statement, e.g. `exq Summer 2024 · Wed 21 Aug> `.
    var prompt: String { get }
    /// The prompt for a continuation line of a multi-line statement.
    var continuationPrompt: String { get }
    /// True when `text` so far is unfinished: it ends with `|`, or a bracket or quote is open.
    func needsMoreInput(_ text: String) -> Bool
    /// Completions for the word that ends at `cursor` (a character offset into `line`): each is
    /// the whole replacement word. The loop shows several; it inserts the common prefix.
    func completions(line: String, cursor: Int) -> [String]
    /// Runs one whole statement, printing its output and errors itself. False when it failed.
    func execute(_ statement: String) -> Bool
    /// The lines of history to show for `history` are the loop's; this is called with them.
    func historyDidChange(_ entries: [String])
}
