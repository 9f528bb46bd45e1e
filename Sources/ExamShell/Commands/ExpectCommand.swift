/// `expect rows = 3`, `expect value = "M"`, `expect result` and the CSV below: checks the last answer.
struct ExpectCommand: Command, Equatable {
    /// What follows `expect`, as written (with the indented CSV of `expect result`).
    var check: String

    static let info = CommandInfo(
        words: ["expect"], synopsis: "expect rows|value OP VALUE | expect result",
        summary: "check the last answer in a script (training checkpoints, guarded analyses)",
        help: """
            expect rows = 3            expect rows > 0            expect value = "M"
            expect result              then the answer as CSV, indented, on the lines below
              id
              R004
            A failed expectation is an error at the script's line; exq --check FILE... runs scripts and says which pass.
              entries | where at_risk | count
              expect rows = 1
              expect value > 0
            """,
        parse: { r in ExpectCommand(check: r.rest()) })

    var statement: String { "expect " + check }

    /// True for a statement that is an `expect` check (a walkthrough runs it without a step).
    static func isExpectation(_ statement: String) -> Bool {
        CommandRegistry.firstWord(statement.trimmingSpaces()) == "expect"
    }

    func run(in session: Session) throws -> String? {
        try session.expect(check)
        return statement
    }
}
