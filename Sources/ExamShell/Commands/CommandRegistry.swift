import ExamStore
import ExamQuery

/// Every command of the shell. Parsing, `help`, Tab completion, did-you-mean for a misspelt
/// command or setting, and journal replay all read this list; there is no other.
enum CommandRegistry {
    static let all: [CommandInfo] = [
        HelpCommand.info, DescribeCommand.info, LoadCommand.info, DemoCommand.info, LetCommand.info,
        LoadBroadsheetCommand.info,
        SetTodayCommand.info, SetTimeCommand.info, SetRoleCommand.info, SetSeriesCommand.info, SetFormatCommand.info, SetDatesCommand.info, SetRowsCommand.info,
        SetTimingCommand.info, SetPagerCommand.info, SetCompletionCommand.info, SetParameterCommand.info,
        WhyCommand.info, StatementCommand.info, StatementsCommand.info, ReportCommand.info,
        AcknowledgeCommand.acknowledgeInfo, AcknowledgeCommand.unacknowledgeInfo,
        AddReviewCommand.info, UpdateReviewCommand.info, UpdateCertificateCommand.info,
        ExportPackCommand.info, RunCommand.info, ExpectCommand.info, SaveSessionCommand.info, RecordCommand.info,
        OpenCommand.info, CompactCommand.info, HistoryCommand.info, QuitCommand.quitInfo, QuitCommand.exitInfo,
    ]

    /// The words a statement can start with to be a command (not a query).
    static let firstWords: [String] = {
        var seen: [String] = []
        for info in all where !seen.contains(info.words[0]) { seen.append(info.words[0]) }
        return seen
    }()

    static let firstWordSet = Set(firstWords)

    /// The statement's first word, lowercased, read without the lexer: most statements are
    /// queries, and this tells them from commands at the cost of a few characters.
    static func firstWord(_ text: String) -> String {
        String(text.prefix { $0.isLetter || $0.isNumber || $0 == "_" }).lowercased()
    }

    /// The settings: the second words of `set ...` commands.
    static var settings: [String] {
        all.filter { $0.words.count == 2 && $0.words[0] == "set" }.map { $0.words[1] }
    }

    /// The command `help NAME` is about: by its name, its last word (`help timing`), or a topic word.
    static func lookup(_ name: String) -> CommandInfo? {
        let n = name.lowercased().split(separator: " ").joined(separator: " ")
        return all.first { $0.name == n } ?? all.first { $0.words.count > 1 && $0.words.last == n && $0.words[0] == "set" }
            ?? all.first { $0.topics.contains(n) } ?? all.first { $0.words[0] == n }
    }

    struct Parsed {
        var info: CommandInfo
        var command: any Command
    }

    /// The command `source` states, or nil when it does not start with a command's word (a query).
    static func parse(_ source: SourceText) throws -> Parsed? {
        guard firstWordSet.contains(firstWord(source.text)) else { return nil }
        var reader = try CommandReader(source)
        guard reader.current.kind == .word else { return nil }
        let first = reader.current.text.lowercased()
        let candidates = all.filter { $0.words[0] == first }
        guard !candidates.isEmpty else { return nil }
        let head = reader.advance()
        let second = reader.current.kind == .word ? reader.current.text.lowercased() : nil
        let info: CommandInfo
        if let second, let match = candidates.first(where: { $0.words.count == 2 && $0.words[1] == second }) {
            _ = reader.advance()
            info = match
        } else if first == "set" {
            guard second != nil, reader.tokens[reader.position + 1].kind == .symbol, reader.tokens[reader.position + 1].text == "=" else {
                guard let w = reader.peekWord() else {
                    throw reader.error("set what?", notes: ["settings: " + settings.joined(separator: ", ") + "; or a parameter: set NAME = VALUE"])
                }
                throw reader.error("unknown setting '\(w.text)'", at: w,
                                   notes: [Suggestions.note(for: w.text, in: settings)
                                            ?? "settings: " + settings.joined(separator: ", ") + "; or a parameter: set NAME = VALUE"])
            }
            info = SetParameterCommand.info
        } else if let one = candidates.first(where: { $0.words.count == 1 }) {
            info = one
        } else {
            let seconds = candidates.map { $0.words[1] }
            let what = reader.peekWord()
            throw reader.error(what.map { "'\(head.text) \($0.text)' is not a command" } ?? "\(head.text) what?",
                               notes: (what.flatMap { Suggestions.note(for: $0.text, in: seconds) }.map { [$0] } ?? [])
                                + ["such as: " + candidates.map(\.synopsis).joined(separator: " · ")])
        }
        reader.usage = info.synopsis
        return Parsed(info: info, command: try info.parse(&reader))
    }

    /// For a statement that is neither a command nor a query's source: the command it was
    /// probably meant to be (`statment 0011`), as a diagnostic; nil when none is close.
    static func misspelt(_ source: SourceText, sources: [String]) -> Diagnostic? {
        let lower = firstWord(source.text)
        guard !lower.isEmpty, !sources.contains(lower),
              let close = Suggestions.closest(to: lower, in: firstWords + sources), firstWords.contains(close),
              let reader = try? CommandReader(source), reader.current.kind == .word else { return nil }
        let word = reader.current.text
        guard !sources.contains(word) else { return nil }
        return reader.error("unknown command '\(word)'", at: reader.current.offset, length: reader.current.length,
                            notes: ["did you mean '\(close)'?"])
    }
}
