import Foundation
import Testing
@testable import ExamShell

/// The command as installed: `--version`, `--help` listing `generate`, and the completion scripts
/// `./install` writes, all from the argument definitions.
@Suite struct InstalledCommandTests {
    @Test func versionPrintsTheOneVersionString() throws {
        let o = try ExqProcess.run(["--version"])
        #expect(o.status == 0)
        #expect(o.stdout == ExqVersion.string + "\n")
        #expect(!ExqVersion.string.isEmpty)
    }

    @Test func helpListsGenerate() throws {
        let o = try ExqProcess.run(["--help"])
        #expect(o.status == 0)
        let subcommands = o.stdout.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        #expect(o.stdout.contains("SUBCOMMANDS:"), "\(o.stdout)")
        #expect(subcommands.contains("generate "), "\(o.stdout)")
        #expect(o.stdout.contains("--version"))
    }

    @Test func generateHelpNamesItselfAsExqGenerate() throws {
        let o = try ExqProcess.run(["generate", "--help"])
        #expect(o.status == 0)
        #expect(o.stdout.contains("USAGE: exq generate --candidates <N> [--seed <S>] <DIR>"), "\(o.stdout)")
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsKnowTheOptionsAndGenerate(shell: String) throws {
        let o = try ExqProcess.run(["--generate-completion-script", shell])
        #expect(o.status == 0, "\(o.stderr)")
        // Each shell writes options its own way (`--demo`, fish's `-l 'demo'`).
        for word in ["demo", "pack", "today", "generate", "candidates", "seed"] {
            #expect(o.stdout.contains(word), "\(shell): \(word)")
        }
    }
}
