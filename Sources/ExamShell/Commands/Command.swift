import ExamStore
import ExamQuery

/// One statement of the shell that is not a query, as a value: parsed from the statement's
/// tokens, run against a session, and written back as its canonical statement.
///
/// A command's type carries its `CommandInfo` (name, help, completion, whether it changes data);
/// `CommandRegistry` lists them, and help, completion, did-you-mean and replay read the registry.
protocol Command {
    /// The one text that replays this command, every value written by `Lexer.quoted`.
    var statement: String { get }
    /// Runs the command. Returns the statement to log (for `save session`, `record` and, for a
    /// change, the journal), with anything that depends on the moment resolved (`today` as a
    /// date, a new review's id); nil when it is not logged (`save session`, `record`, `open`).
    func run(in session: Session) throws -> String?
}

/// What completes the word after a command's name on Tab.
enum ArgumentCompletion: Sendable, Equatable {
    case none, files, candidates, collections, settings, topics
    /// One of these words (`set dates uk|iso`).
    case choices([String])
}

/// What the registry knows of a command.
struct CommandInfo: Sendable {
    /// The words that start it: `["why"]`, `["add", "review"]`, `["set", "today"]`.
    var words: [String]
    /// How it is written: `why CANDIDATE`.
    var synopsis: String
    /// One line for the list `help` prints.
    var summary: String
    /// What `help NAME` says after the synopsis. Indented lines starting with the command are
    /// examples, and a test runs each on the demo centre.
    var help: String
    /// True for a change to the data: only these are journaled, and a journal may hold nothing else.
    var changesData = false
    var completion: ArgumentCompletion = .none
    /// Other words `help` finds it by (`help timing` for `set timing`).
    var topics: [String] = []
    /// Reads the rest of the statement (the reader is past `words`).
    var parse: @Sendable (inout CommandReader) throws -> any Command

    var name: String { words.joined(separator: " ") }
}

/// A value as a statement gives it, with where it was written (for a caret). Two words are
/// equal when their text is: where they were written is not part of the value.
struct Word: Equatable, CustomStringConvertible {
    var text: String
    var offset = 0
    var length = 0

    init(_ text: String, offset: Int = 0, length: Int = 0) {
        self.text = text
        self.offset = offset
        self.length = length
    }

    static func == (a: Word, b: Word) -> Bool { a.text == b.text }
    var description: String { text }
    var quoted: String { Lexer.quoted(text) }
    var isEmpty: Bool { text.isEmpty }
}

/// A date as a command takes it: a day, `today` (resolved when the command runs), or blank (`""`).
enum DateValue: Equatable {
    case day(Day)
    case today
    case blank

    func resolved(today: Day) -> Day {
        switch self {
        case .day(let d): return d
        case .today: return today
        case .blank: return .blank
        }
    }

    /// As a statement writes it: `2024-08-22`, `today` or `""`.
    var text: String {
        switch self {
        case .day(let d): return d.iso
        case .today: return "today"
        case .blank: return "\"\""
        }
    }
}
