import Testing
@testable import ExamShell

/// The loop's rules, driven by scripted lines instead of a terminal.
struct TerminalLoopTests {
    /// Gives the loop prepared reads, and records the prompts it was asked to show.
    final class ScriptedEditor: LineEditor {
        var reads: [LineRead]
        var prompts: [String] = []
        var history: [String] = []
        init(_ reads: [LineRead]) { self.reads = reads }
        func readLine(prompt: String) -> LineRead {
            prompts.append(prompt)
            return reads.isEmpty ? .endOfInput : reads.removeFirst()
        }
        func addHistory(_ statement: String) { history.append(statement) }
        func saveHistory() {}
        func close() {}
    }

    /// Records what it was asked to run; `bad` fails; a trailing `|` needs more.
    final class RecordingHost: InteractiveHost {
        var executed: [String] = []
        var welcome: String { "" }
        var prompt: String { "p> " }
        var continuationPrompt: String { "c> " }
        func needsMoreInput(_ text: String) -> Bool { text.hasSuffix("|") }
        func completions(line: String, cursor: Int) -> [String] { [] }
        func execute(_ statement: String) -> Bool { executed.append(statement); return statement != "bad" }
        func historyDidChange(_ entries: [String]) {}
    }

    @Test func continuationLinesMakeOneStatement() {
        let host = RecordingHost()
        let editor = ScriptedEditor([.line("entries |"), .line("where x |"), .line("count"), .line("results")])
        #expect(InteractiveLoop(host: host, editor: editor).run() == 0)
        #expect(host.executed == ["entries |\nwhere x |\ncount", "results"])
        #expect(editor.prompts == ["p> ", "c> ", "c> ", "p> ", "p> "])
        #expect(editor.history == ["entries |\nwhere x |\ncount", "results"])
    }

    @Test func ctrlCThrowsAwayAnUnfinishedStatement() {
        let host = RecordingHost()
        let editor = ScriptedEditor([.line("entries |"), .interrupted, .line("results")])
        #expect(InteractiveLoop(host: host, editor: editor).run() == 0)
        #expect(host.executed == ["results"])
    }

    @Test func blankLinesRunNothing() {
        let host = RecordingHost()
        let editor = ScriptedEditor([.line(""), .line("   "), .line("results")])
        #expect(InteractiveLoop(host: host, editor: editor).run() == 0)
        #expect(host.executed == ["results"])
    }

    @Test func aFailureAtTheTerminalDoesNotEndTheSession() {
        let host = RecordingHost()
        let editor = ScriptedEditor([.line("bad"), .line("c")])
        #expect(InteractiveLoop(host: host, editor: editor).run() == 0)
        #expect(host.executed == ["bad", "c"])
    }

    @Test func anUnfinishedStatementAtTheEndStillRuns() {
        let host = RecordingHost()
        let editor = ScriptedEditor([.line("entries |")])
        _ = InteractiveLoop(host: host, editor: editor).run()
        #expect(host.executed == ["entries |"])
    }

    @Test func historyIsNumberedWithLaterLinesIndented() {
        #expect(InteractiveLoop.numbered(["entries", "candidates |\ncount"]) == "  1  entries\n  2  candidates |\n     count\n")
        let many = (1...10).map { "s\($0)" }
        #expect(InteractiveLoop.numbered(many).hasPrefix("   1  s1\n"))
        #expect(InteractiveLoop.numbered(many).hasSuffix("  10  s10\n"))
    }

    @Test func completionReplacesTheWordAfterTheLastBoundary() {
        #expect(EditLineEditor.wordBeforeCursor("entries | where stat") == "stat")
        #expect(EditLineEditor.wordBeforeCursor("load data/ent") == "data/ent")
        #expect(EditLineEditor.wordBeforeCursor("where status=Ent") == "Ent")
        #expect(EditLineEditor.wordBeforeCursor("entries |") == "")
        #expect(EditLineEditor.commonPrefix(of: ["candidates", "certificates"]) == "c")
        #expect(EditLineEditor.commonPrefix(of: ["Zoë", "Zoëy"]) == "Zoë")
        #expect(EditLineEditor.commonPrefix(of: ["entries"]) == "entries")
    }
}
