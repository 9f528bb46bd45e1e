import Glibc
import Testing
import ExamDemo
@testable import ExamShell

/// What the shell does before the first prompt and around it: ~/.exqrc, colour, path completion.
@Suite(.serialized)
struct ShellStartupTests {
    typealias Key = PseudoTerminal.Key
    static let arguments = ["--demo", "--today", "2024-08-21"]

    func writeRC(_ directory: String, _ text: String) {
        let fd = open(directory + "/.exqrc", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        _ = text.withCString { write(fd, $0, strlen($0)) }
        close(fd)
    }

    @Test func theStartupFileRunsBeforeTheFirstPrompt() throws {
        let directory = PseudoTerminal.temporaryDirectory()
        writeRC(directory, "let mine = candidates | first 2\nset format csv\n")
        let terminal = PseudoTerminal(arguments: Self.arguments, environment: PseudoTerminal.environment(directory: directory))
        try terminal.expect("> ")
        terminal.type("mine | show candidate" + Key.enter)
        try terminal.expect("candidate\r\n0001\r\n0002\r\n")
        try terminal.expect("> ")
        terminal.type(Key.ctrlD)
        #expect(terminal.waitForExit() == .exited(0))
    }

    @Test func noRCSkipsIt() throws {
        let directory = PseudoTerminal.temporaryDirectory()
        writeRC(directory, "let mine = candidates | first 2\n")
        let terminal = PseudoTerminal(arguments: Self.arguments + ["--no-rc"], environment: PseudoTerminal.environment(directory: directory))
        try terminal.expect("> ")
        terminal.type("mine | count" + Key.enter)
        try terminal.expect("unknown collection or query 'mine'")
        try terminal.expect("> ")
        terminal.type(Key.ctrlD)
        #expect(terminal.waitForExit() == .exited(0))
    }

    @Test(arguments: [false, true])
    func errorsAreRedOnATerminalUnlessNoColour(noColour: Bool) throws {
        let directory = PseudoTerminal.temporaryDirectory()
        var environment = PseudoTerminal.environment(directory: directory)
        if noColour { environment["NO_COLOR"] = "1" }
        let terminal = PseudoTerminal(arguments: Self.arguments, environment: environment)
        try terminal.expect("> ")
        terminal.type("entires | count" + Key.enter)
        try terminal.expect("did you mean 'entries'?")
        try terminal.expect("> ")
        #expect(terminal.transcript.contains("\u{1B}[31m") == !noColour)
        terminal.type(Key.ctrlD)
        #expect(terminal.waitForExit() == .exited(0))
    }

    @Test func pathsCompleteAfterLoadRunAndSave() throws {
        let directory = PseudoTerminal.temporaryDirectory()
        mkdir(directory + "/packs", 0o755)
        writeRC(directory, "")
        let session = Session(store: DemoCentre.make())
        #expect(session.completions(line: "load \(directory)/pa", cursor: "load \(directory)/pa".count) == ["\(directory)/packs/"])
        #expect(session.completions(line: "run \(directory)/.ex", cursor: "run \(directory)/.ex".count) == ["\(directory)/.exqrc"])
        let save = "entries | where at_risk | save \(directory)/p"
        #expect(session.completions(line: save, cursor: save.count) == ["\(directory)/packs/"])
    }

    @Test func completionKnowsWhereTheCursorIs() {
        let session = Session(store: DemoCentre.make())
        #expect(session.completions(line: "ent", cursor: 3) == ["entries"])
        #expect(session.completions(line: "entries | wh", cursor: 12) == ["where"])
        #expect(session.completions(line: "entries | where at_", cursor: 19) == ["at_risk"])
        #expect(session.completions(line: "reviews | where service = ", cursor: 26).contains("\"2P\""))
        #expect(session.completions(line: "why 001", cursor: 7).contains("0012"))
    }
}
