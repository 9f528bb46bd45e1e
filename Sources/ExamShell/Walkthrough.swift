/// `exq --step FILE.exq`: a training walkthrough. Shows each narration block and the next
/// statement, waits for Enter (`s` skips it, `q` quits), runs it and shows its output. A
/// statement typed at the prompt instead is run, and the prompt comes back for the same step;
/// `expect` lines are checks, run without a step of their own. A practice task shows its
/// question; Enter then shows and runs the expected statement.
struct Walkthrough {
    let session: Session
    let text: String
    let file: String

    static let prompt = "[Enter] run it · s skip · q quit · or type a statement: "
    static let taskPrompt = "[Enter] show the answer · s skip · q quit · or type your own: "

    func run() -> Int32 {
        let console = session.console
        let input = StatementInput(host: session)
        defer { input.close() }
        var narration: [String] = []
        var ok = true
        for item in session.items(of: text) {
            let statement: String, line: Int, isTask: Bool
            var question: String? = nil
            switch item {
            case .narration(let words):
                narration.append(words)
                continue
            case .mistake:
                if !session.run(item, file: file) { ok = false }
                continue
            case .statement(let s, let l):
                if ExpectCommand.isExpectation(s) {
                    if !session.run(s, file: file, line: l) { ok = false }
                    continue
                }
                (statement, line, isTask) = (s, l, false)
            case .task(let task):
                guard let expected = task.expected else {
                    if !session.run(item, file: file) { ok = false }
                    continue
                }
                (statement, line, isTask) = (expected, task.expectedLine, true)
                question = task.question.split(separator: "\n").joined(separator: " ")
            }
            if !narration.isEmpty || isTask { console.out("\n") }
            if !narration.isEmpty { console.out(TextLayout.narration(narration)) }
            narration = []
            if let question { console.out(TextLayout.wrapped("Try it: " + question, hanging: 8)) }
            if !isTask { console.out("\n> " + Session.indented(statement) + "\n") }
            stepping: while true {
                switch input.read(prompt: isTask ? Walkthrough.taskPrompt : Walkthrough.prompt) {
                case .endOfInput: return ok ? 0 : 1
                case .interrupted: continue stepping
                case .line(let answer):
                    let typed = answer.trimmingSpaces()
                    switch typed.lowercased() {
                    case "q", "quit": return ok ? 0 : 1
                    case "s", "skip": break stepping
                    case "":
                        if isTask { console.out("> " + Session.indented(statement) + "\n") }
                        if !session.run(statement, file: file, line: line) { ok = false }
                        break stepping
                    default:
                        // The trainee's own statement: run it, then the same step again.
                        input.remember(typed)
                        _ = session.run(typed, file: "step")
                    }
                }
            }
        }
        if !narration.isEmpty { console.out("\n" + TextLayout.narration(narration)) }
        console.out("\nEnd of \(file).\n")
        console.flush()
        return ok ? 0 : 1
    }
}
