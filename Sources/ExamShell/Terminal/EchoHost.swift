import ExamStore
import Glibc

/// A stand-in session for developing and testing the terminal layer before `Session` exists:
/// it prints each statement it is given. Delete this file once `Session` runs the loop.
///
/// - `fail` (alone) fails; `slow` runs until Ctrl-C and then says `cancelled (Ctrl-C)`.
/// - A statement whose text ends with `|` needs more input.
/// - Tab completes words from a fixed list.
public final class EchoHost: InteractiveHost {
    static let words = ["candidates", "certificates", "entries", "results", "reviews"]

    public init() {}

    public var welcome: String { "exq echo host: statements are printed, not run. Ctrl-D leaves." }
    public var prompt: String { "exq> " }
    public var continuationPrompt: String { "  ...> " }

    public func needsMoreInput(_ text: String) -> Bool {
        InteractiveLoop.trimmed(text).hasSuffix("|")
    }

    public func completions(line: String, cursor: Int) -> [String] {
        let before = line.prefix(cursor)
        let word = before.split(omittingEmptySubsequences: false, whereSeparator: { $0 == " " || $0 == "|" }).last ?? ""
        return Self.words.filter { $0.hasPrefix(word) }
    }

    public func execute(_ statement: String) -> Bool {
        switch InteractiveLoop.trimmed(statement) {
        case "fail":
            StandardStreams.writeError("error: fail always fails\n")
            return false
        case "slow":
            print("working")
            StandardStreams.flushOutput()
            while !Interruption.isRequested { usleep(10_000) }
            print(Interrupted().description)
            return false
        default:
            print("ran \(statement.debugDescription)")
            return true
        }
    }

    public func historyDidChange(_ entries: [String]) {}
}
