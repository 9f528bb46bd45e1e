import ExamQuery

/// `record FILE.exq` adds each statement that succeeds to FILE from now on; `record off`
/// (or `record stop`) stops.
struct RecordCommand: Command, Equatable {
    /// Nil for `record off`.
    var path: Word?

    static let info = CommandInfo(
        words: ["record"], synopsis: "record FILE.exq | record off",
        summary: "add each statement that succeeds to a script from now on",
        help: "A new file starts with what a replay needs (the clock, the data loaded now). To record to a file named off, quote it.\n  record training.exq\n  entries | where at_risk | count\n  record off",
        completion: .files, topics: ["recording"],
        parse: { r in
            if r.take("off") || r.take("stop") { try r.end(); return RecordCommand(path: nil) }
            let p = try r.word("a file, such as training.exq, or 'off'")
            try r.end()
            return RecordCommand(path: p)
        })

    var statement: String { "record " + (path?.quoted ?? "off") }

    func run(in session: Session) throws -> String? {
        guard let path else {
            guard let was = session.recording else { throw session.failure("not recording", notes: ["start with: record FILE.exq"]) }
            session.recording = nil
            session.console.err("Stopped recording to \(was)\n")
            return nil
        }
        try session.startRecording(to: path.text)
        return nil
    }
}
