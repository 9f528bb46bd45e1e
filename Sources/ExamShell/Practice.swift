import ExamQuery

/// `exq --practice FILE.exq`: a script's practice tasks asked of a trainee.
///
/// Narration is shown and the script's statements run as in a walkthrough (its `expect` lines
/// silently). At each task the trainee types a statement; a question is run and its rows
/// compared with the expected statement's by their keys (`AnswerComparison`): `✓` when they are
/// the same rows, else `✗` with how many are missing and extra, and the hint. A command (say
/// `describe entries`) just runs. `hint` shows the hint, `show` the expected statement, `skip`
/// moves on; Ctrl-D stops. The closing line counts the tasks right first time, right after a
/// hint (or a wrong try, or `show`) and skipped; exit 0 when every task was answered right.
struct Practice {
    let session: Session
    let text: String
    let file: String

    /// How one task ended.
    enum Outcome { case firstTime, afterHelp, skipped }

    static let prompt = "answer> "
    static let keys = "Type a statement to answer it (hint, show, skip; Ctrl-D stops)."

    func run() -> Int32 {
        let console = session.console
        let input = StatementInput(host: session)
        defer { input.close() }
        let items = session.items(of: text)
        let total = items.filter { if case .task = $0 { return true } else { return false } }.count
        var outcomes: [Outcome] = []
        var narration: [String] = []
        var ok = true
        func showNarration() {
            if !narration.isEmpty { console.out("\n" + TextLayout.narration(narration)) }
            narration = []
        }
        items: for item in items {
            switch item {
            case .narration(let words):
                narration.append(words)
            case .statement(let statement, let line):
                if ExpectCommand.isExpectation(statement) {
                    if !session.run(statement, file: file, line: line) { ok = false }
                    continue
                }
                showNarration()
                console.out("\n> " + Session.indented(statement) + "\n")
                if !session.run(statement, file: file, line: line) { ok = false }
            case .mistake:
                _ = session.run(item, file: file)
                ok = false
            case .task(let task):
                showNarration()
                guard let outcome = ask(task, number: outcomes.count + 1, of: total, input: input) else {
                    console.out("\nStopped.\n")
                    break items
                }
                outcomes.append(outcome)
            }
        }
        showNarration()
        let first = outcomes.filter { $0 == .firstTime }.count
        let helped = outcomes.filter { $0 == .afterHelp }.count
        let skipped = outcomes.filter { $0 == .skipped }.count + (total - outcomes.count)
        console.out("\nEnd of \(file): \(total) \(total == 1 ? "task" : "tasks"): \(first) right first time, \(helped) right after a hint, \(skipped) skipped.\n")
        console.flush()
        return ok && first + helped == total ? 0 : 1
    }

    /// Asks one task until it is answered right or skipped; nil when the trainee stopped.
    func ask(_ task: PracticeTask, number: Int, of total: Int, input: StatementInput) -> Outcome? {
        let console = session.console
        // The expected answer as the data stands now, worked out unseen.
        let before = session.console
        session.console.muted = true
        session.console.onlyErrors = true
        let expected = session.runExpected(of: task, file: file)
        session.console = before
        guard let expected else { return .skipped }
        let hint = task.hints.isEmpty ? "no hint for this one: try show" : task.hints.joined(separator: "\n      ")
        console.out("\n" + TextLayout.wrapped("Task \(number) of \(total): " + task.question.split(separator: "\n").joined(separator: " "), hanging: 2))
        console.out(Practice.keys + "\n")
        var helped = false
        while true {
            let typed: String
            switch input.read(prompt: Practice.prompt) {
            case .endOfInput: return nil
            case .interrupted: continue
            case .line(let line): typed = line.trimmingSpaces()
            }
            switch typed.lowercased() {
            case "": continue
            case "skip", "s":
                console.out("Skipped.\n")
                return .skipped
            case "hint", "?":
                console.out("Hint: \(hint)\n")
                helped = true
                continue
            case "show":
                console.out("= " + Session.indented(task.expected ?? "") + "\n")
                helped = true
                continue
            default: break
            }
            input.remember(typed)
            if Session.isCommand(typed) {
                // A command helps (describe entries, help rules); it is not an answer.
                _ = session.run(typed, file: "answer")
                continue
            }
            session.lastAnswer = nil
            guard session.run(typed, file: "answer"), let given = session.lastAnswer else {
                console.out("✗ That gave no table to compare; try again, or type hint, show or skip.\n")
                continue
            }
            let comparison = AnswerComparison(expected: expected, given: given)
            if comparison.same {
                console.out("✓ Right: \(comparison.verdict)\n")
                return helped ? .afterHelp : .firstTime
            }
            console.out("✗ Not yet: \(comparison.verdict)\n")
            console.out("Hint: \(hint)\n")
            helped = true
        }
    }
}
