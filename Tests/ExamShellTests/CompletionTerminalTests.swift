import Foundation
import Glibc
import Testing

/// Tab completion cases and the pager, typed on a pseudo-terminal. Each completion is checked by
/// what the statement it completes then prints, so the test does not depend on how libedit
/// redraws the line.
@Suite(.serialized)
struct CompletionTerminalTests {
    typealias Key = PseudoTerminal.Key
    static let prompt = "> "

    func shell(_ arguments: [String] = ["--demo", "--today", "2024-08-21"], environment extra: [String: String] = [:]) throws -> PseudoTerminal {
        let directory = PseudoTerminal.temporaryDirectory()
        let terminal = PseudoTerminal(arguments: arguments,
                                      environment: PseudoTerminal.environment(directory: directory).merging(extra) { $1 })
        try terminal.expect(Self.prompt)
        return terminal
    }

    func leave(_ terminal: PseudoTerminal) throws {
        try terminal.expect(Self.prompt)
        terminal.type(Key.ctrlD)
        #expect(terminal.waitForExit() == .exited(0))
    }

    /// Types `typed`, waits for it, presses Tab.
    func complete(_ terminal: PseudoTerminal, _ typed: String) throws {
        terminal.type(typed)
        try terminal.expect(String(typed.suffix(3)))
        terminal.type(Key.tab)
    }

    @Test func aValueAfterAnOpeningQuoteIsOfferedQuoted() throws {
        let terminal = try shell()
        try complete(terminal, "candidates | where group = \"13")
        try terminal.expect("\"13X\"")
        try terminal.expect("\"13Y\"")
        try terminal.expect(Self.prompt)
        terminal.type("Y\" | count" + Key.enter)
        try terminal.expect("\r\n58\r\n")
        try leave(terminal)
    }

    @Test func aValueTypedWithoutItsQuoteGetsOne() throws {
        let terminal = try shell()
        try complete(terminal, "candidates | where group = 11")
        try terminal.expect("\"11D\"")
        try terminal.expect(Self.prompt)
        // The prefix became "11 (quote added): finishing it runs.
        terminal.type("C\" | count" + Key.enter)
        try terminal.expect("\r\n19\r\n")
        try leave(terminal)
    }

    @Test func valuesCompleteInsideInBrackets() throws {
        let terminal = try shell()
        try complete(terminal, "candidates | where group in (\"11A\", \"12")
        try terminal.expect("\"12Y\"")
        try terminal.expect(Self.prompt)
        terminal.type("X\") | count" + Key.enter)
        try terminal.expect("\r\n75\r\n")
        try leave(terminal)
    }

    @Test func helpTopicsCompleteAfterHelp() throws {
        let terminal = try shell()
        try complete(terminal, "help embar")
        terminal.type(Key.enter)
        try terminal.expect("From restricted release")
        try leave(terminal)
    }

    @Test func settingsCompleteAfterSet() throws {
        let terminal = try shell()
        try complete(terminal, "set pag")
        terminal.type("off" + Key.enter)
        try terminal.expect(Self.prompt)
        terminal.type("history" + Key.enter)
        try terminal.expect("set pager off")
        try leave(terminal)
    }

    @Test func theQualificationCompletesAfterACandidateInAcknowledge() throws {
        let terminal = try shell()
        // 0008 Grace Okafor is entered for 05835, H420 and H240.
        try complete(terminal, "acknowledge 0008 H")
        try terminal.expect("H240")
        try terminal.expect("H420")
        try terminal.expect(Self.prompt)
        terminal.type(Key.ctrlC)
        try terminal.expect(Self.prompt)
        try complete(terminal, "acknowledge 0008 0")
        terminal.type(Key.enter)
        try terminal.expect("Acknowledged 0008 OKAFOR: Grace for 05835")
        try leave(terminal)
    }

    @Test func dottedFieldsCompleteAfterTheLinkedRecord() throws {
        let terminal = try shell()
        try complete(terminal, "entries | where candidate.gro")
        terminal.type("= \"12Y\" | count" + Key.enter)
        // The 36 candidates of 12Y each have one entry (a Cambridge Technical completing 2025).
        try terminal.expect("\r\n36\r\n")
        #expect(!terminal.transcript.contains("error"))
        try leave(terminal)
    }

    @Test func reviewIdsCompleteAfterUpdateReview() throws {
        let terminal = try shell()
        try complete(terminal, "update review R03")
        try terminal.expect("R030")
        try terminal.expect("R032")
        try terminal.expect(Self.prompt)
        terminal.type(Key.ctrlC)
        try leave(terminal)
    }

    @Test func onlyFoldersCompleteAfterLoad() throws {
        let directory = PseudoTerminal.temporaryDirectory()
        #expect(try ExqProcess.run(["--demo", "--export-pack", directory + "/pack-2024"]).status == 0)
        writeFile(directory + "/pack-notes.txt", "not a pack\n")
        let terminal = try shell(["--today", "2024-08-21"])
        // pack-notes.txt starts the same way, but is no folder: the one match is pack-2024/.
        try complete(terminal, "load " + directory + "/pack")
        try terminal.expect("-2024/")
        terminal.type(Key.enter)
        try terminal.expect("300 candidates")
        #expect(!terminal.transcript.contains("pack-notes"))
        try leave(terminal)
    }

    // MARK: The pager

    /// The pager here marks each line it is given, so the test sees what went through it.
    static let markingPager = ["PAGER": "sed s/^/PAGED:/"]

    @Test func anAnswerTallerThanTheScreenGoesThroughThePager() throws {
        let terminal = try shell(environment: Self.markingPager)
        terminal.type("candidates | first 30 | show candidate" + Key.enter)
        try terminal.expect("PAGED:0030")
        try terminal.expect(Self.prompt)
        // One that fits the 24-line screen is printed as it is.
        terminal.type("candidates | first 3 | show candidate" + Key.enter)
        try terminal.expect("\r\n0003\r\n")
        #expect(terminal.transcript.components(separatedBy: "PAGED:").count - 1 == 32)
        try leave(terminal)
    }

    /// `why` and `statement` are answers too: 0012's why on 21 August is 29 lines, taller than
    /// the 24-line screen; 0021's statement (18 lines) fits and is printed as it is.
    @Test func aWhyTallerThanTheScreenGoesThroughThePagerAndAShortStatementDoesNot() throws {
        let terminal = try shell(environment: Self.markingPager)
        terminal.type("why 0012" + Key.enter)
        try terminal.expect("PAGED:0012 KELLY: Aoife")
        try terminal.expect("PAGED:  result: U, Summer 2024, provisional")
        try terminal.expect(Self.prompt)
        terminal.type("statement 0021" + Key.enter)
        try terminal.expect("Certificates confirm final results.\r\n")
        #expect(!terminal.transcript.contains("PAGED:PROVISIONAL"))
        #expect(terminal.transcript.contains("\r\nPROVISIONAL STATEMENT OF RESULTS\r\n"))
        try leave(terminal)
    }

    @Test func setPagerOffPrintsStraightToTheTerminal() throws {
        let terminal = try shell(environment: Self.markingPager)
        terminal.type("set pager off" + Key.enter)
        try terminal.expect(Self.prompt)
        terminal.type("candidates | first 30 | show candidate" + Key.enter)
        try terminal.expect("\r\n0030\r\n")
        #expect(!terminal.transcript.contains("PAGED:"))
        try leave(terminal)
    }

    @Test func aScriptIsNeverPaged() throws {
        let directory = PseudoTerminal.temporaryDirectory()
        writeFile(directory + "/tall.exq", "candidates | first 30 | show candidate\n")
        let terminal = PseudoTerminal(arguments: ["--demo", directory + "/tall.exq"],
                                      environment: PseudoTerminal.environment(directory: directory).merging(Self.markingPager) { $1 })
        try terminal.expect("0030\r\n")
        #expect(terminal.waitForExit() == .exited(0))
        #expect(!terminal.transcript.contains("PAGED:"))
    }
}
