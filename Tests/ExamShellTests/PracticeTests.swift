import Foundation
import Glibc
import Testing

/// `--practice`: a script's tasks asked of a trainee, each answer compared with the expected
/// statement's by the rows' keys.
@Suite(.serialized)
struct PracticeTests {
    typealias Key = PseudoTerminal.Key

    /// Three tasks on the demo centre on 10 June 2024 (Summer 2024, before any results).
    static let script = """
        ## June. Some Cambridge Technicals candidates are at risk.
        set today 2024-06-10
        ?? Which candidates lack a mandatory unit?
        = entries | where lacks_mandatory
        ?hint lacks_mandatory is a rule field of entries: try describe entries
        ?? Which review requests have no consent yet (not service 3)?
        = reviews | where consent is blank and service != "3"
        ?hint consent is blank
        ?? How many candidates are there?
        = candidates | count

        """

    static func writeScript(_ text: String = PracticeTests.script) -> String {
        let directory = PseudoTerminal.temporaryDirectory()
        writeFile(directory + "/practice.exq", text)
        return directory
    }

    @Test func aTraineeAnswersWrongThenRightAsksAHintSkipsAndAnswersRightFirstTime() throws {
        let directory = Self.writeScript()
        let terminal = PseudoTerminal(arguments: ["--demo", "--practice", directory + "/practice.exq"],
                                      environment: PseudoTerminal.environment(directory: directory))
        try terminal.expect("June. Some Cambridge Technicals candidates are at risk.")
        try terminal.expect("Task 1 of 3: Which candidates lack a mandatory unit?")
        try terminal.expect("answer> ")
        // at_risk is not it: 0011 and 0143 are at risk for GLH alone; 0013 and 0029 are acknowledged.
        terminal.type("entries | where at_risk" + Key.enter)
        try terminal.expect("✗ Not yet: 2 rows missing, 2 extra")
        try terminal.expect("Hint: lacks_mandatory is a rule field of entries")
        try terminal.expect("answer> ")
        // Other columns, another order: the same rows.
        terminal.type("entries | where lacks_mandatory | sort candidate desc | show qualification, candidate" + Key.enter)
        try terminal.expect("✓ Right: the 10 rows expected (compared by candidate, qualification)")
        // The expected answer is worked out unseen: its warnings are not the trainee's.
        try terminal.expect("Task 2 of 3: Which review requests have no consent yet")
        #expect(!terminal.transcript.contains("warning"))
        try terminal.expect("answer> ")
        terminal.type("hint" + Key.enter)
        try terminal.expect("Hint: consent is blank")
        try terminal.expect("answer> ")
        terminal.type("skip" + Key.enter)
        try terminal.expect("Skipped.")
        try terminal.expect("Task 3 of 3: How many candidates are there?")
        try terminal.expect("answer> ")
        terminal.type("candidates | count" + Key.enter)
        try terminal.expect("✓ Right")
        try terminal.expect("3 tasks: 1 right first time, 1 right after a hint, 1 skipped.")
        // A task skipped: not all right, so exit status 1.
        #expect(terminal.waitForExit() == .exited(1))
        #expect(sameSettings(terminal.settingsNow(), terminal.settingsBefore))
    }

    @Test func showRevealsTheExpectedStatementAndACommandHelpsWithoutCounting() throws {
        let directory = Self.writeScript()
        let terminal = PseudoTerminal(arguments: ["--demo", "--practice", directory + "/practice.exq"],
                                      environment: PseudoTerminal.environment(directory: directory))
        try terminal.expect("answer> ")
        terminal.type("describe entries" + Key.enter)
        try terminal.expect("lacks_mandatory")
        try terminal.expect("answer> ")
        terminal.type("entries | where lacks_mandatory" + Key.enter)
        try terminal.expect("✓ Right")
        try terminal.expect("answer> ")
        terminal.type("show" + Key.enter)
        try terminal.expect("= reviews | where consent is blank and service != \"3\"")
        try terminal.expect("answer> ")
        terminal.type("reviews | where consent is blank and service != \"3\"" + Key.enter)
        try terminal.expect("✓ Right")
        try terminal.expect("answer> ")
        terminal.type("candidates | count" + Key.enter)
        try terminal.expect("3 tasks: 2 right first time, 1 right after a hint, 0 skipped.")
        #expect(terminal.waitForExit() == .exited(0))
    }

    @Test func tabCompletesAtThePracticePrompt() throws {
        let directory = Self.writeScript()
        let terminal = PseudoTerminal(arguments: ["--demo", "--practice", directory + "/practice.exq"],
                                      environment: PseudoTerminal.environment(directory: directory))
        try terminal.expect("answer> ")
        terminal.type("entries | where lacks_m")
        try terminal.expect("lacks_m")
        terminal.type(Key.tab)
        // libedit draws only what Tab added.
        try terminal.expect("andatory ")
        terminal.type(Key.enter)
        try terminal.expect("✓ Right")
        try terminal.expect("answer> ")
        terminal.type(Key.ctrlD)
        try terminal.expect("Stopped.")
        try terminal.expect("3 tasks: 1 right first time, 0 right after a hint, 2 skipped.")
        #expect(terminal.waitForExit() == .exited(1))
    }

    @Test func aScriptRunOrCheckedRunsEachTasksExpectedStatement() throws {
        let directory = Self.writeScript()
        let run = try ExqProcess.run(["--demo", directory + "/practice.exq"])
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix("\n300\n"))
        #expect(run.stdout.contains("0283 "))
        let check = try ExqProcess.run(["--demo", "--check", directory + "/practice.exq"])
        #expect(check.status == 0)
        #expect(check.stdout == "PASS \(directory)/practice.exq\n1 passed, 0 failed\n")
    }

    @Test func aTaskWithoutAnExpectedStatementFailsTheCheckAtItsLine() throws {
        let directory = Self.writeScript("candidates | count\n?? How many entries?\n?hint count\nentries | count\n")
        let check = try ExqProcess.run(["--demo", "--check", directory + "/practice.exq"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("practice.exq:2:1: error: this practice task has no expected statement"))
    }

    @Test func anExpectedStatementMustBeAQuestionThatRuns() throws {
        let command = Self.writeScript("?? Acknowledge him\n= acknowledge 0013 05835\n")
        let a = try ExqProcess.run(["--demo", "--check", command + "/practice.exq"])
        #expect(a.status == 1)
        #expect(a.stderr.contains("practice.exq:2:1: error: a practice task's expected statement must be a question"))
        let broken = Self.writeScript("?? Which entries?\n= entries | where at_rsk\n")
        let b = try ExqProcess.run(["--demo", "--check", broken + "/practice.exq"])
        #expect(b.status == 1)
        #expect(b.stderr.contains("practice.exq:2:17: error: unknown field 'at_rsk'"))
        let stray = Self.writeScript("= entries | count\n")
        let c = try ExqProcess.run(["--demo", "--check", stray + "/practice.exq"])
        #expect(c.status == 1)
        #expect(c.stderr.contains("practice.exq:1:1: error: an '=' line is the expected statement of a practice task"))
    }

    @Test func answersAreComparedByCountsWhenTheyHaveNoKeys() throws {
        let directory = Self.writeScript("set today 2024-06-10\n?? At-risk entries per qualification?\n= entries | where at_risk | count by qualification\n")
        let o = try ExqProcess.run(["--demo", "--practice", directory + "/practice.exq"],
                                   stdin: "entries | count by qualification\nentries | where at_risk | count by qualification\n")
        #expect(o.stdout.contains("✗ Not yet: 4 rows missing"))
        #expect(o.stdout.contains("✓ Right: the 4 rows expected (compared by qualification, count, share)"))
        #expect(o.status == 0)
    }

    @Test func stepRunsAStatementTypedAtItsPromptThenTheStep() throws {
        let directory = Self.writeScript("## Count the candidates.\ncandidates | count\nexpect value = 300\n## Then the entries.\nentries | count\n")
        // The trainee types a statement of their own first: it runs, and Enter then runs the step.
        let o = try ExqProcess.run(["--demo", "--step", directory + "/practice.exq"], stdin: "candidates | first 3 | count\n\nq\n")
        #expect(o.status == 0)
        #expect(o.stdout == "\nCount the candidates.\n\n> candidates | count\n3\n300\n\nThen the entries.\n\n> entries | count\n")
        // The expect line was no step of its own: two prompts for the first step, one for the second.
        #expect(o.stderr.components(separatedBy: "type a statement: ").count - 1 == 3)
    }
}
