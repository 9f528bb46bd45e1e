import Glibc

/// `exq --step FILE.exq`: a training walkthrough. Shows each narration block and the next
/// statement, waits for Enter (`s` skips it, `q` quits), runs it and shows its output.
struct Walkthrough {
    let session: Session
    let text: String
    let file: String

    func run() -> Int32 {
        let console = session.console
        var narration: [String] = []
        var ok = true
        for item in session.items(of: text) {
            switch item {
            case .narration(let words):
                narration.append(words)
            case .statement(let statement, let line):
                if !narration.isEmpty {
                    console.out("\n" + narration.joined(separator: "\n") + "\n")
                    narration = []
                }
                console.out("\n> " + statement.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ") + "\n")
                console.err("[Enter] run it · s skip · q quit: ")
                console.flush()
                guard let answer = readLine() else { console.err("\n"); return ok ? 0 : 1 }
                switch answer.trimmingSpaces().lowercased() {
                case "q", "quit": return ok ? 0 : 1
                case "s", "skip": continue
                default: if !session.run(statement, file: file, line: line) { ok = false }
                }
            }
        }
        if !narration.isEmpty { console.out("\n" + narration.joined(separator: "\n") + "\n") }
        console.out("\nEnd of \(file).\n")
        console.flush()
        return ok ? 0 : 1
    }
}
