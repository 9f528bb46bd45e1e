import Glibc
import Testing

/// The real exq binary on a pseudo-terminal, typed at as a person would.
///
/// Each test starts `exq --demo --today 2024-08-21` and checks what the session prints.
@Suite(.serialized)
struct TerminalTests {
    /// The end of every prompt, the first and the continuation ones.
    static let prompt = "> "
    static let continuationPrompt = "...> "
    static let arguments = ["--demo", "--today", "2024-08-21"]

    typealias Key = PseudoTerminal.Key

    @Test func tabCompletesTheWordBeforeTheCursor() throws {
        let directory = PseudoTerminal.temporaryDirectory()
        let terminal = PseudoTerminal(arguments: Self.arguments, environment: PseudoTerminal.environment(directory: directory))
        try terminal.expect(Self.prompt)
        terminal.type("cand")
        try terminal.expect("cand")
        terminal.type(Key.tab + "| count" + Key.enter)
        try terminal.expect("\r\n300\r\n")
        try terminal.expect(Self.prompt)
        terminal.type(Key.ctrlD)
        #expect(terminal.waitForExit() == .exited(0))
        #expect(historyEntries(directory) == ["candidates | count"])
    }

    @Test func tabListsSeveralMatches() throws {
        let directory = PseudoTerminal.temporaryDirectory()
        let terminal = PseudoTerminal(arguments: Self.arguments, environment: PseudoTerminal.environment(directory: directory))
        try terminal.expect(Self.prompt)
        terminal.type("c" + Key.tab)
        try terminal.expect("candidates")
        try terminal.expect("certificates")
        try terminal.expect(Self.prompt)  // the line is drawn again below the list
        terminal.type(Key.ctrlC)
        try terminal.expect(Self.prompt)
        terminal.type(Key.ctrlD)
        #expect(terminal.waitForExit() == .exited(0))
        #expect(historyEntries(directory) ?? [] == [])
    }

    @Test func upRecallsTheLastStatement() throws {
        let directory = PseudoTerminal.temporaryDirectory()
        let terminal = PseudoTerminal(arguments: Self.arguments, environment: PseudoTerminal.environment(directory: directory))
        try terminal.expect(Self.prompt)
        terminal.type("candidates | count" + Key.enter)
        try terminal.expect("\r\n300\r\n")
        try terminal.expect(Self.prompt)
        terminal.type(Key.up)
        try terminal.expect("candidates | count")
        terminal.type(String(repeating: Key.backspace, count: 5) + "first 2 | count" + Key.enter)
        try terminal.expect("\r\n2\r\n")
        try terminal.expect(Self.prompt)
        terminal.type(Key.ctrlD)
        #expect(terminal.waitForExit() == .exited(0))
        #expect(historyEntries(directory) == ["candidates | count", "candidates | first 2 | count"])
    }

    @Test func ctrlRFindsAnEarlierStatement() throws {
        let directory = PseudoTerminal.temporaryDirectory()
        let terminal = PseudoTerminal(arguments: Self.arguments, environment: PseudoTerminal.environment(directory: directory))
        try terminal.expect(Self.prompt)
        terminal.type("candidates | first 7 | count" + Key.enter)
        try terminal.expect("\r\n7\r\n")
        try terminal.expect(Self.prompt)
        terminal.type("candidates | count" + Key.enter)
        try terminal.expect("\r\n300\r\n")
        try terminal.expect(Self.prompt)
        terminal.type(Key.ctrlR + "first")
        try terminal.expect("first")
        terminal.type(Key.enter)
        try terminal.expect("\r\n7\r\n")
        try terminal.expect(Self.prompt)
        terminal.type(Key.ctrlD)
        #expect(terminal.waitForExit() == .exited(0))
        #expect(historyEntries(directory) == ["candidates | first 7 | count", "candidates | count", "candidates | first 7 | count"])
    }

    @Test func ctrlCClearsAHalfTypedLine() throws {
        let directory = PseudoTerminal.temporaryDirectory()
        let terminal = PseudoTerminal(arguments: Self.arguments, environment: PseudoTerminal.environment(directory: directory))
        try terminal.expect(Self.prompt)
        terminal.type("certif")
        try terminal.expect("certif")
        terminal.type(Key.ctrlC)
        try terminal.expect(Self.prompt)
        terminal.type(Key.enter)
        try terminal.expect(Self.prompt)
        terminal.type("candidates | count" + Key.enter)
        try terminal.expect("\r\n300\r\n")
        try terminal.expect(Self.prompt)
        terminal.type(Key.ctrlD)
        #expect(terminal.waitForExit() == .exited(0))
        // Had "certif" run, the session would have said it is no collection.
        #expect(!terminal.transcript.contains("unknown collection"))
        #expect(historyEntries(directory) == ["candidates | count"])
    }

    @Test func aStatementEndingWithABarContinuesAndRunsWhole() throws {
        let directory = PseudoTerminal.temporaryDirectory()
        let terminal = PseudoTerminal(arguments: Self.arguments, environment: PseudoTerminal.environment(directory: directory))
        try terminal.expect(Self.prompt)
        terminal.type("candidates |" + Key.enter)
        try terminal.expect(Self.continuationPrompt)
        terminal.type("count" + Key.enter)
        try terminal.expect("\r\n300\r\n")
        try terminal.expect(Self.prompt)
        terminal.type(Key.ctrlD)
        #expect(terminal.waitForExit() == .exited(0))
        #expect(historyEntries(directory) == ["candidates |\ncount"])

        // The next session finds it whole: `history` lists it, Up brings it back as one.
        let next = PseudoTerminal(arguments: Self.arguments, environment: PseudoTerminal.environment(directory: directory))
        try next.expect(Self.prompt)
        next.type("history" + Key.enter)
        try next.expect("1  candidates |\r\n     count\r\n")
        try next.expect("2  history")
        try next.expect(Self.prompt)
        next.type(Key.up + Key.up + Key.enter)
        try next.expect("\r\n300\r\n")
        try next.expect(Self.prompt)
        next.type(Key.ctrlD)
        #expect(next.waitForExit() == .exited(0))
        #expect(historyEntries(directory) == ["candidates |\ncount", "history", "candidates |\ncount"])
    }

    /// With `LANG=C` too: exq falls back to C.UTF-8, or libedit would drop `ë` and `ü`.
    @Test(arguments: ["C.UTF-8", "C"])
    func nonASCIINamesSurviveEditing(language: String) throws {
        let directory = PseudoTerminal.temporaryDirectory()
        let terminal = PseudoTerminal(arguments: Self.arguments, environment: PseudoTerminal.environment(directory: directory, language: language))
        try terminal.expect(Self.prompt)
        let tail = "\" | show surname | first 1"
        terminal.type("candidates | where forenames = \"Zoëë" + tail)
        try terminal.expect("first 1")
        // Back over the tail, then delete one "ë": the demo's Zoë is 0001 Zoë Müller.
        terminal.type(String(repeating: Key.left, count: tail.count) + Key.backspace + Key.enter)
        try terminal.expect("\r\nMüller\r\n")
        try terminal.expect(Self.prompt)
        terminal.type(Key.ctrlD)
        #expect(terminal.waitForExit() == .exited(0))
        #expect(!terminal.transcript.contains("no record has"))
        #expect(historyEntries(directory) == ["candidates | where forenames = \"Zoë\" | show surname | first 1"])
    }

    @Test func ctrlDExitsAndLeavesTheTerminalAsItWas() throws {
        let directory = PseudoTerminal.temporaryDirectory()
        let terminal = PseudoTerminal(arguments: Self.arguments, environment: PseudoTerminal.environment(directory: directory))
        try terminal.expect(Self.prompt)
        // While exq edits a line the terminal is in its raw mode, so the comparison below means something.
        #expect(!sameSettings(terminal.settingsNow(), terminal.settingsBefore))
        terminal.type("candidates | count" + Key.enter)
        try terminal.expect("\r\n300\r\n")
        try terminal.expect(Self.prompt)
        terminal.type(Key.ctrlD)
        #expect(terminal.waitForExit() == .exited(0))
        #expect(sameSettings(terminal.settingsNow(), terminal.settingsBefore))
    }

    @Test func sigtermAtThePromptLeavesTheTerminalAsItWas() throws {
        let directory = PseudoTerminal.temporaryDirectory()
        let terminal = PseudoTerminal(arguments: Self.arguments, environment: PseudoTerminal.environment(directory: directory))
        try terminal.expect(Self.prompt)
        terminal.type("cand")
        try terminal.expect("cand")
        kill(terminal.pid, SIGTERM)
        #expect(terminal.waitForExit() == .signalled(SIGTERM))
        #expect(sameSettings(terminal.settingsNow(), terminal.settingsBefore))
    }

    @Test func theWelcomeSaysHowToLeave() throws {
        let directory = PseudoTerminal.temporaryDirectory()
        let terminal = PseudoTerminal(arguments: Self.arguments, environment: PseudoTerminal.environment(directory: directory))
        try terminal.expect("the demo centre: 300 candidates")
        try terminal.expect("Ctrl-D")
        try terminal.expect(Self.prompt)
        terminal.type(Key.ctrlD)
        #expect(terminal.waitForExit() == .exited(0))
    }
}

/// The statements in the history file of `directory`, oldest first, decoded from libedit's
/// format (a `_HiStOrY_V2_` line, then one entry a line with spaces, newlines and backslashes
/// written as octal escapes).
func historyEntries(_ directory: String) -> [String]? {
    guard access(directory + "/history", F_OK) == 0 else { return nil }
    let bytes = Array(readFile(directory + "/history").utf8)
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    if lines.last == [] { lines.removeLast() }
    guard lines.first == Array("_HiStOrY_V2_".utf8) else { return nil }
    return lines.dropFirst().map { line in
        var decoded: [UInt8] = []
        var index = 0
        while index < line.count {
            if line[index] == UInt8(ascii: "\\"), index + 3 < line.count,
               let value = UInt8(String(decoding: line[(index + 1)...(index + 3)], as: UTF8.self), radix: 8) {
                decoded.append(value)
                index += 4
            } else if line[index] == UInt8(ascii: "\\"), index + 1 < line.count, line[index + 1] == UInt8(ascii: "\\") {
                decoded.append(UInt8(ascii: "\\"))
                index += 2
            } else {
                decoded.append(line[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }
}
