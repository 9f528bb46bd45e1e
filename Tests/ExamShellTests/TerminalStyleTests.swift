import Testing
@testable import ExamShell

struct TerminalStyleTests {
    @Test func colourOnlyOnATerminalWithoutNoColour() {
        #expect(Style.allowsColour(outputIsTerminal: true, noColour: nil))
        #expect(Style.allowsColour(outputIsTerminal: true, noColour: ""))
        #expect(!Style.allowsColour(outputIsTerminal: true, noColour: "1"))
        #expect(!Style.allowsColour(outputIsTerminal: false, noColour: nil))
    }

    @Test func plainStyleLeavesTextAlone() {
        let plain = Style(usesColour: false)
        #expect(plain.bold("Zoë") == "Zoë")
        #expect(plain.red("error") == "error")
    }

    @Test func colourWrapsAndResets() {
        let colour = Style(usesColour: true)
        #expect(colour.red("error") == "\u{1B}[31merror\u{1B}[0m")
        #expect(colour.bold("x") == "\u{1B}[1mx\u{1B}[0m")
        #expect(colour.dim("x") == "\u{1B}[2mx\u{1B}[0m")
    }
}
