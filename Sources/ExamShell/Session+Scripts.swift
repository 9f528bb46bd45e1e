import ExamStore
import ExamQuery

/// Scripts: statements read from a file (or stdin), multi-line statements kept whole.
extension Session {
    /// True while `text` is unfinished: it ends with `|`, or a bracket or quote is still open.
    package func needsMoreInput(_ text: String) -> Bool {
        var depth = 0, quote: Character?
        var lastSignificant: Character?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var escaped = false
            for c in line {
                if let q = quote {
                    // Inside quotes a backslash escapes the next character (`Lexer` reads `\"` as a quote).
                    if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == q { quote = nil }
                    lastSignificant = c
                    continue
                }
                if c == "#" { break }
                switch c {
                case "\"", "'": quote = c
                case "(": depth += 1
                case ")": depth -= 1
                default: break
                }
                if c != " " && c != "\t" { lastSignificant = c }
            }
            if quote != nil { continue }
        }
        // `expect result` typed or piped in takes the lines after it up to a blank line.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count >= 1, lines[0].trimmingSpaces().lowercased() == "expect result" {
            return lines.count == 1 || !(lines.last!.trimmingSpaces().isEmpty)
        }
        return quote != nil || depth > 0 || lastSignificant == "|"
    }

    /// One piece of a script: a statement with the line it starts on, a `##` narration line,
    /// a practice task, or a line that is out of place (reported as an error where it is run).
    package enum ScriptItem: Equatable {
        case statement(String, line: Int)
        case narration(String)
        case task(PracticeTask)
        case mistake(String, line: Int)
    }

    /// How deep `run FILE` may nest (a script that runs itself would otherwise overflow the stack).
    static let maximumRunDepth = 32

    /// Splits a script into whole statements and narration (see `ScriptReader`). A leading
    /// byte-order mark is dropped and CRLF line ends read as LF (a script saved on Windows).
    package func items(of script: String) -> [ScriptItem] {
        var reader = ScriptReader(session: self)
        var out: [ScriptItem] = []
        var text = Substring(script)
        if text.unicodeScalars.first == "\u{FEFF}" { text = Substring(text.unicodeScalars.dropFirst()) }
        for raw in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(raw)
            if line.unicodeScalars.last == "\r" { line = Substring(line.unicodeScalars.dropLast()) }
            out += reader.feed(String(line))
        }
        return out + reader.finish()
    }

    /// Runs statements read from standard input as they arrive (no terminal: no prompt), each
    /// reported at its line of `stdin`. The first failure stops unless `keepGoing`.
    package func runStandardInput(keepGoing: Bool) -> Bool {
        var reader = ScriptReader(session: self)
        var ok = true
        func run(_ items: [ScriptItem]) -> Bool {
            for item in items where !self.run(item, file: "stdin") {
                ok = false
                if !keepGoing { return false }
            }
            return true
        }
        while let line = readLine(strippingNewline: true) {
            if !run(reader.feed(line)) { return false }
        }
        _ = run(reader.finish())
        return ok
    }

    /// Runs a script's statements in order. The first failure stops it unless `keepGoing`.
    /// With `echo`, each statement (and narration) is printed before its output.
    /// Returns true when every statement succeeded.
    @discardableResult
    public func runScript(text: String, file: String, keepGoing: Bool = false, echo: Bool = false) -> Bool {
        var ok = true
        for item in items(of: text) where !run(item, file: file, echo: echo) {
            ok = false
            if !keepGoing { return false }
        }
        return ok
    }

    /// Runs one piece of a script: a statement; a practice task's expected statement (so that
    /// a script run or checked proves it runs); nothing for narration, printed only with `echo`.
    func run(_ item: ScriptItem, file: String, echo: Bool = false) -> Bool {
        switch item {
        case .narration(let words):
            if echo { console.out((words.isEmpty ? "##" : "## " + words) + "\n") }
            return true
        case .statement(let statement, let line):
            if echo { console.out("> " + Session.indented(statement) + "\n") }
            return run(statement, file: file, line: line)
        case .task(let task):
            if echo {
                console.out(task.question.split(separator: "\n", omittingEmptySubsequences: false).map { "?? " + $0 + "\n" }.joined())
                if let expected = task.expected { console.out("= " + Session.indented(expected) + "\n") }
            }
            return runExpected(of: task, file: file) != nil
        case .mistake(let message, let line):
            console.report(Diagnostic(file: file, line: line, column: 1, message: message, notes: []).description + "\n")
            return false
        }
    }

    /// A statement as shown after `> `: its later lines indented under the first.
    static func indented(_ statement: String) -> String {
        statement.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ")
    }

    /// Runs a task's expected statement, printing its answer as any statement does; the answer,
    /// or nil (reported) when the task has none, it is not a question, or it failed.
    func runExpected(of task: PracticeTask, file: String) -> Answer? {
        guard let expected = task.expected else {
            console.report(Diagnostic(file: file, line: task.line, column: 1, message: PracticeTask.noExpectedStatement,
                                      notes: [PracticeTask.noExpectedStatementNote]).description + "\n")
            return nil
        }
        guard !Session.isCommand(expected) else {
            console.report(Diagnostic(file: file, line: task.expectedLine, column: 1, message: PracticeTask.notAQuestion,
                                      notes: [PracticeTask.notAQuestionNote]).description + "\n")
            return nil
        }
        lastAnswer = nil
        guard run(expected, file: file, line: task.expectedLine) else { return nil }
        guard let answer = lastAnswer else {
            console.report(Diagnostic(file: file, line: task.expectedLine, column: 1, message: PracticeTask.noTable,
                                      notes: [PracticeTask.notAQuestionNote]).description + "\n")
            return nil
        }
        return answer
    }

    /// True when `statement` starts with a command's word (not a query).
    static func isCommand(_ statement: String) -> Bool {
        CommandRegistry.firstWordSet.contains(CommandRegistry.firstWord(statement.trimmingSpaces()))
    }

    /// `run FILE`: a script inside a session; its first error stops it and fails the `run`.
    func runScript(path: String) throws {
        guard !path.isEmpty else { throw failure("run what?", notes: ["name a script, such as: run Examples/results-day.exq"]) }
        guard runDepth < Session.maximumRunDepth else {
            throw failure("scripts run each other more than \(Session.maximumRunDepth) deep, so \(path) was not run",
                          notes: ["does a script run itself, or two run each other? (run FILE inside FILE)"])
        }
        let text = try FileSystem.readText(path)
        runDepth += 1
        defer { runDepth -= 1 }
        let (savedFile, savedLine) = (file, line)
        runningScriptFile += 1
        defer { (file, line) = (savedFile, savedLine); runningScriptFile -= 1 }
        if !runScript(text: text, file: path) {
            throw failure("the script \(path) stopped at its first error (above)")
        }
    }
}

extension Session: InteractiveHost {
    package var welcome: String {
        let data = store.candidates.count == 0 && store.source.isEmpty
            ? "no data loaded (load DIR, or start with --demo)"
            : "\(store.source.isEmpty ? "data" : store.source): \(Store.grouped(store.candidates.count)) candidates, \(Store.grouped(store.entries.count)) entries"
        return "exq · \(data). Type help to begin, Ctrl-D to leave."
    }

    package var prompt: String {
        "exq " + (series.map { $0 + " · " } ?? "") + today.short + "> "
    }

    package var continuationPrompt: String { "  ...> " }

    package func execute(_ statement: String) -> Bool { run(statement) }

    package func historyDidChange(_ entries: [String]) {}

    /// Completion aware of the cursor's place: commands and collections at the start, stages
    /// after `|`, fields of the source inside a stage (and a linked record's after `candidate.`),
    /// values after `=` or inside `in (` (with or without an opening quote), candidates after
    /// `why`, then the candidate's qualifications after `acknowledge 0042`, review ids after
    /// `update review`, help topics after `help`, settings after `set`, folders after `load`.
    package func completions(line: String, cursor: Int) -> [String] {
        let before = String(line.prefix(cursor))
        var wordStart = before.endIndex
        while wordStart > before.startIndex {
            let c = before[before.index(before: wordStart)]
            if c.isLetter || c.isNumber || c == "_" || c == "." || c == "/" || c == "-" || c == "*" { wordStart = before.index(before: wordStart) } else { break }
        }
        // An opening quote belongs to the word: the values offered come quoted.
        if wordStart > before.startIndex, "\"'".contains(before[before.index(before: wordStart)]) {
            wordStart = before.index(before: wordStart)
        }
        let word = String(before[wordStart...])
        let head = before[..<wordStart]
        let trimmedHead = head.trimmingSpaces()
        var options: [String]
        let lowerHead = trimmedHead.lowercased().split(separator: " ").joined(separator: " ")
        if lowerHead.hasSuffix("| save") || lowerHead == "statements to" { return FileSystem.completions(of: word) }
        let command = CommandRegistry.all.first { lowerHead == $0.name || lowerHead.hasPrefix($0.name + " ") && $0.completion == .candidates }
        if trimmedHead.isEmpty {
            options = CommandRegistry.firstWords + Collection.allCases.map(\.rawValue) + named.keys.sorted()
        } else if trimmedHead.hasSuffix("|") {
            options = Parser.stageNames
        } else if lowerHead == "set" {
            options = CommandRegistry.settings
        } else if lowerHead == "help" {
            options = CommandRegistry.firstWords + Help.topics.map(\.name) + CommandRegistry.settings
        } else if let family = Optional(CommandRegistry.all.filter { $0.words.count == 2 && $0.words[0] == lowerHead }), !family.isEmpty, lowerHead != "set" {
            options = family.map { $0.words[1] }
            // `load` takes a folder (a pack), `load broadsheet` a file: the word, then folders only.
            if let command, command.completion == .files {
                return Array(Set(options.filter { $0.hasPrefix(word) })).sorted() + FileSystem.completions(of: word).filter { $0.hasSuffix("/") }
            }
        } else if let command, command.completion == .files {
            // A data pack or a workspace is a folder: offer folders only.
            let folders = command.name == "load" || command.name == "open"
            return FileSystem.completions(of: word).filter { !folders || $0.hasSuffix("/") }
        } else if let command, command.completion == .candidates, lowerHead == command.name {
            options = store.candidates.number.map { store.pool[$0] } + Array(Set(store.candidates.surname.map { store.pool[$0] }))
            if store.hasSeveralCentres { options += (0..<Int32(store.candidates.count)).map { store.reference(candidate: $0) } }
        } else if let command, command.completion == .candidates, command.synopsis.contains("CANDIDATE QUALIFICATION"),
                  lowerHead.split(separator: " ").count == command.words.count + 1 {
            options = qualificationsForCompletion(candidate: String(trimmedHead.split(separator: " ").last!))
        } else if let command, command.name == "update review", lowerHead == command.name {
            options = store.reviews.id.map { store.pool[$0] }
        } else if let command, lowerHead == command.name, case .choices(let words) = command.completion {
            options = words
        } else if let command, command.completion == .collections {
            options = Collection.allCases.map(\.rawValue)
        } else if trimmedHead.hasSuffix("=") || trimmedHead.hasSuffix("!=") {
            return Session.matching(valuesForCompletion(trimmedHead), word)
        } else if let list = Session.openList(trimmedHead) {
            return Session.matching(valuesForCompletion(list + " ="), word)
        } else if let dot = word.lastIndex(of: ".") {
            let source = trimmedHead.split(separator: "|").first.map { String($0).trimmingSpaces().lowercased() } ?? ""
            var collection = Collection(rawValue: source)
            for part in word[..<dot].split(separator: ".") {
                collection = collection?.field(named: String(part))?.link?.0
            }
            let prefix = String(word[...dot])
            options = (collection?.fields.map { prefix + $0.name } ?? [])
        } else {
            let source = trimmedHead.split(separator: "|").first.map { String($0).trimmingSpaces().lowercased() } ?? ""
            let collection = Collection(rawValue: source)
            options = (collection?.fields.map(\.name) ?? []) + ["and", "or", "not", "in", "contains", "desc", "by", "as", "today", "this week", "is blank"]
        }
        return Array(Set(options.filter { $0.hasPrefix(word) && !$0.isEmpty })).sorted()
    }

    /// Quoted values that match what was typed, with its opening quote or without (`13` finds `"13X"`).
    static func matching(_ values: [String], _ word: String) -> [String] {
        let typed = word.first.map { "\"'".contains($0) } == true ? String(word.dropFirst()) : word
        return Array(Set(values.filter { $0.dropFirst().hasPrefix(typed) })).sorted()
    }

    /// For a head ending inside `FIELD in (a, b, `: the head up to FIELD; nil when no list is open.
    static func openList(_ head: String) -> String? {
        guard let open = head.ranges(of: " in (").last, !head[open.upperBound...].contains(")") else { return nil }
        let rest = head[open.upperBound...].trimmingSpaces()
        guard rest.isEmpty || rest.hasSuffix(",") else { return nil }
        return String(head[..<open.lowerBound])
    }

    /// The qualifications the named candidate is entered for (for `acknowledge 0042 <Tab>`).
    func qualificationsForCompletion(candidate name: String) -> [String] {
        guard let row = try? candidate(Word(name)) else { return [] }
        var codes: [String] = []
        for i in 0..<store.entries.count where store.entries.candidate[i] == row {
            codes.append(store.pool[store.qualifications.code[Int(store.entries.qualification[i])]])
        }
        return codes
    }

    func valuesForCompletion(_ head: String) -> [String] {
        let parts = head.dropLast(head.hasSuffix("!=") ? 2 : 1).trimmingSpaces().split(separator: " ")
        guard let fieldName = parts.last.map(String.init),
              let source = head.split(separator: "|").first.map({ String($0).trimmingSpaces().lowercased() }),
              let collection = Collection(rawValue: source), let field = collection.field(named: fieldName) else { return [] }
        // Only what the role may see: a completion list would otherwise tell withheld grades.
        let store = visibility.store
        let evaluator = Evaluator(store: store, today: today, series: series, source: SourceText(""))
        let all = (0..<Int32(collection.count(in: store))).map { $0 }
        let v = field.read(evaluator, all)
        var seen = Set<String>()
        for i in 0..<min(all.count, 200_000) {
            seen.insert(v.display(at: i, pool: store.pool, dates: .iso))
            if seen.count > 60 { return [] }
        }
        return seen.filter { !$0.isEmpty }.map { "\"\($0)\"" }
    }
}
