import Glibc
import CMalloc
import ExamStore
import ExamDemo
import ExamQuery
import ExamRules

/// What the command line asked for; `exq`'s main parses it, `Launch.run` carries it out.
package struct LaunchOptions: Sendable {
    package var pack: String?
    package var demo = false
    package var today: String?
    package var series: String?
    package var format: String?
    package var commands: [String] = []
    package var settings: [String] = []
    /// Scripts to run (one), or to check (`--check`, several).
    package var scripts: [String] = []
    package var workspace: String?
    package var check = false
    package var step = false
    /// `--practice SCRIPT`: ask the script's practice tasks.
    package var practice = false
    package var keepGoing = false
    package var echo = false
    package var exportPack: String?
    /// Skip ~/.exqrc.
    package var noRC = false
    /// `exams-officer`, `senior-leader` or `teacher`; else the workspace's settings.
    package var role: String?
    /// The time of day for the embargo, `HH:MM` (default: the real time).
    package var time: String?
    /// Let scripts from files write outside the current folder.
    package var allowWrite = false
    /// `--timing`: each statement's load, plan and run times on stderr.
    package var timing = false
    package init() {}
}

public enum Launch {
    /// Starts a session as `options` say and runs it: `-c` commands, a script, or the
    /// interactive shell. Returns the exit status: 0 success, 1 an error, 2 bad usage.
    package static func run(_ options: LaunchOptions) -> Int32 {
        keepFreedMemory()
        let console = Console()
        func usage(_ message: String) -> Int32 {
            console.err("exq: error: \(message)\nSee 'exq --help'.\n")
            return 2
        }
        if options.pack != nil && options.demo { return usage("--pack and --demo cannot be used together") }
        if !options.scripts.isEmpty && !options.commands.isEmpty { return usage("give a script or -c commands, not both") }
        if options.scripts.count > 1 && !options.check { return usage("give one script to run, or several with --check") }
        if options.check && options.scripts.isEmpty { return usage("--check needs scripts to check") }
        if options.step && options.scripts.count != 1 { return usage("--step needs one script to walk through") }
        if options.practice && options.scripts.count != 1 { return usage("--practice needs one script of practice tasks") }
        if [options.check, options.step, options.practice].filter({ $0 }).count > 1 {
            return usage("--check, --step and --practice cannot be used together")
        }
        if options.check { return check(options) }
        let session = Session()
        session.timing = options.timing
        if let code = prepare(session, options, usage: usage) { return code }
        if let dir = options.exportPack {
            return session.run("export pack \"\(dir)\"") ? 0 : 1
        }
        if !options.commands.isEmpty {
            var ok = true
            for c in options.commands where !session.run(c, file: "exq") {
                ok = false
                if !options.keepGoing { break }
            }
            console.flush()
            return ok ? 0 : 1
        }
        if let script = options.scripts.first {
            let text: String
            do { text = try FileSystem.readText(script) } catch { console.err("exq: error: \(error)\n"); return 1 }
            session.runningScriptFile = 1
            if options.step { return Walkthrough(session: session, text: text, file: script).run() }
            if options.practice { return Practice(session: session, text: text, file: script).run() }
            let ok = session.runScript(text: text, file: script, keepGoing: options.keepGoing, echo: options.echo)
            console.flush()
            return ok ? 0 : 1
        }
        if !options.noRC && isatty(0) == 1 { runStartupFile(session) }
        return interactive(session, keepGoing: options.keepGoing)
    }

    /// Keeps the memory a question frees for the next question, instead of giving it back to the
    /// system and taking it again page by page. A question over a million results works through
    /// columns of up to 20 MB; by default each is mapped afresh, and its pages faulted in and
    /// cleared again, on every question. Kept below 32 MB a column comes from the heap, and the
    /// heap is only trimmed past 256 MB free. Peak memory is the same; questions on the L pack
    /// answer in about two thirds of the time.
    public static func keepFreedMemory() {
        mallopt(M_MMAP_THRESHOLD, 32 << 20)
        mallopt(M_TRIM_THRESHOLD, 256 << 20)
    }

    /// `~/.exqrc`: statements run before the interactive shell's first prompt (a favourite
    /// format, named queries). Only the interactive shell reads it, so a script prints the same
    /// on every machine; its errors are reported and the shell starts anyway.
    static func runStartupFile(_ session: Session) {
        guard let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty else { return }
        let path = home + "/.exqrc"
        guard access(path, R_OK) == 0, let text = try? FileSystem.readText(path) else { return }
        session.runScript(text: text, file: path, keepGoing: true)
    }

    /// Sets the session up as the options say: the clock, format, parameters, then the
    /// workspace and the data. Returns an exit status when it cannot go on.
    static func prepare(_ session: Session, _ options: LaunchOptions, usage: (String) -> Int32) -> Int32? {
        if let t = options.today {
            guard let d = Day(parsing: t) else { return usage("--today expects a date such as 2024-08-22, found '\(t)'") }
            session.fixedToday = d
        }
        if let r = options.role {
            guard let role = Role(rawValue: r.lowercased()) else {
                return usage("--role expects " + Role.allCases.map(\.rawValue).joined(separator: ", ") + ", found '\(r)'")
            }
            session.role = role
            session.commandLineRole = role
        }
        if let t = options.time {
            guard let m = Embargo.minutes(t) else { return usage("--time expects a time such as 07:30, found '\(t)'") }
            session.fixedMinutes = m
            session.prelude.append("set time " + t)
        }
        session.allowWrite = options.allowWrite
        if let f = options.format {
            guard let fmt = OutputFormat(name: f) else { return usage("--format expects table, csv, json or markdown, found '\(f)'") }
            session.format = fmt
            session.prelude.append("set format " + f.lowercased())
        }
        for s in options.settings {
            guard let eq = s.firstIndex(of: "="), eq != s.startIndex else { return usage("--set expects name=value, found '\(s)'") }
            session.params[String(s[..<eq])] = Value.parse(String(s[s.index(after: eq)...]))
            session.prelude.append("set \(s[..<eq]) = \(s[s.index(after: eq)...])")
        }
        // A saved session keeps the clock it ran on, so its replay prints the same.
        session.prelude.insert("set today " + session.today.iso, at: 0)
        if let workspace = options.workspace {
            guard session.run(OpenCommand(folder: Word(workspace)).statement, file: "exq") else { return 1 }
            if (options.demo || options.pack != nil) && session.store.candidates.count > 0 {
                return usage("the workspace \(workspace) already holds data; open it without --demo or --pack (use load inside it to replace its data)")
            }
        }
        if let series = options.series {
            // From the command line the series is a setting of this run, not a change to journal.
            session.explicitSeries = series
            session.prelude.append(SetSeriesCommand(series: Word(series)).statement)
        }
        if options.demo {
            guard session.run("demo", file: "exq") else { return 1 }
        } else if let pack = options.pack {
            guard session.run(LoadCommand(folder: Word(pack)).statement, file: "exq") else { return 1 }
        }
        return nil
    }

    /// `--check FILE...`: runs each script in a session of its own, output unseen, and says
    /// which passed; the closing line counts them. Exit 1 when any failed.
    static func check(_ options: LaunchOptions) -> Int32 {
        let console = Console()
        var passed = 0, failed = 0
        for script in options.scripts {
            let session = Session()
            session.console.muted = true
            session.console.onlyErrors = true
            var o = options
            o.workspace = nil
            if let code = prepare(session, o, usage: { console.err("exq: error: \($0)\n"); return 2 }) { return code }
            guard let text = try? FileSystem.readText(script) else {
                console.out("FAIL \(script): cannot read it\n")
                failed += 1
                continue
            }
            session.runningScriptFile = 1
            if session.runScript(text: text, file: script) {
                console.out("PASS \(script)\n")
                passed += 1
            } else {
                console.out("FAIL \(script) (its error is above)\n")
                failed += 1
            }
        }
        console.out("\(passed) passed, \(failed) failed\n")
        console.flush()
        return failed == 0 ? 0 : 1
    }

    /// The shell on a terminal; from a pipe or file, statements as a script read as they come.
    static func interactive(_ session: Session, keepGoing: Bool) -> Int32 {
        guard isatty(0) == 1 else {
            let ok = session.runStandardInput(keepGoing: keepGoing)
            session.console.flush()
            return ok ? 0 : 1
        }
        session.paging = isatty(1) == 1
        let code = InteractiveLoop.standard(host: session).run()
        session.console.flush()
        return code
    }
}
