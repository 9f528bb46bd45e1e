/// A practice task in a script: the question (`??` lines), the statement that answers it (`=`,
/// continuing while unfinished, as any statement does) and its hints (`?hint` lines).
///
///     ?? Which candidates lack a mandatory unit?
///     = entries | where lacks_mandatory
///     ?hint lacks_mandatory is a rule field of entries: try describe entries
///
/// A script run or checked runs the expected statement (so `--check` proves it runs, and a
/// golden records its answer); `--practice` asks the trainee instead and compares the answers.
package struct PracticeTask: Equatable, Sendable {
    package var question: String
    /// The line of the first `??`.
    package var line: Int
    /// The expected statement, without its `=`; nil when the script gave none (an error).
    package var expected: String?
    package var expectedLine: Int
    package var hints: [String]

    package init(question: String, line: Int, expected: String? = nil, expectedLine: Int = 0, hints: [String] = []) {
        self.question = question
        self.line = line
        self.expected = expected
        self.expectedLine = expectedLine
        self.hints = hints
    }

    /// The error for a task with no expected statement.
    static let noExpectedStatement = "this practice task has no expected statement"
    static let noExpectedStatementNote = "write the statement that answers it on a line starting with '=' below the '??' line"
    static let notAQuestion = "a practice task's expected statement must be a question (a query such as entries | where at_risk)"
    static let notAQuestionNote = "a trainee's answer is compared with it row by row, so it must give a table"
    static let noTable = "a practice task's expected statement must give a table, not a chart"
}
