import Glibc
import ExamStore
import ExamDemo
import ExamQuery

/// What the command line asked for; `exq`'s main parses it, `Launch.run` carries it out.
public struct LaunchOptions: Sendable {
    public var pack: String?
    public var demo = false
    public var today: String?
    public var series: String?
    public var format: String?
    public var commands: [String] = []
    public var settings: [String] = []
    public var script: String?
    public var keepGoing = false
    public var echo = false
    public var exportPack: String?
    /// `--timing`: each statement's load, plan and run times on stderr.
    public var timing = false
    public init() {}
}

public enum Launch {
    /// Starts a session as `options` say and runs it: `-c` commands, a script, or the
    /// interactive shell. Returns the exit status: 0 success, 1 an error, 2 bad usage.
    public static func run(_ options: LaunchOptions) -> Int32 {
        let console = Console()
        func usage(_ message: String) -> Int32 {
            console.err("exq: error: \(message)\nSee 'exq --help'.\n")
            return 2
        }
        if options.pack != nil && options.demo { return usage("--pack and --demo cannot be used together") }
        if options.script != nil && !options.commands.isEmpty { return usage("give a script or -c commands, not both") }
        let session = Session()
        session.timing = options.timing
        if let t = options.today {
            guard let d = Day(parsing: t) else { return usage("--today expects a date such as 2024-08-22, found '\(t)'") }
            session.fixedToday = d
        }
        if let f = options.format {
            guard let fmt = OutputFormat(name: f) else { return usage("--format expects table, csv, json or markdown, found '\(f)'") }
            session.format = fmt
        }
        for s in options.settings {
            guard let eq = s.firstIndex(of: "="), eq != s.startIndex else { return usage("--set expects name=value, found '\(s)'") }
            session.params[String(s[..<eq])] = Value.parse(String(s[s.index(after: eq)...]))
        }
        session.explicitSeries = options.series
        if options.demo {
            session.store = DemoCentre.make()
        } else if let pack = options.pack {
            guard session.run("load \"\(pack)\"", file: "exq") else { return 1 }
        }
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
        if let script = options.script {
            let text: String
            do { text = try FileSystem.readText(script) } catch { console.err("exq: error: \(error)\n"); return 1 }
            let ok = session.runScript(text: text, file: script, keepGoing: options.keepGoing, echo: options.echo)
            console.flush()
            return ok ? 0 : 1
        }
        return interactive(session, keepGoing: options.keepGoing, echo: options.echo)
    }

    /// The shell: libedit on a terminal, plain lines from a pipe (the first error stops those).
    static func interactive(_ session: Session, keepGoing: Bool, echo: Bool) -> Int32 {
        let code = InteractiveLoop.standard(host: session, keepGoing: keepGoing).run()
        session.console.flush()
        return code
    }
}
