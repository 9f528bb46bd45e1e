import ArgumentParser
import ExamShell

/// The exq command line: parses arguments, then hands over to ExamShell.
struct Exq: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exq",
        abstract: "A shell for exams officers: entries, eligibility, results, post-results deadlines.",
        discussion: """
            Examples:
              exq --demo                            the shell on the demo centre
              exq --pack DIR -c "entries | where at_risk"
              exq --demo Examples/restricted-release.exq
              exq --demo --check Examples/*.exq     check scripts' expectations
              exq --demo --step Examples/course/03-a-level-results-day.exq
              exq --demo --practice Examples/course/01-june-at-risk.exq
              exq --workspace results-2024 --demo   changes journaled in a folder
              exq --workspace postgresql://db/exams a trust's shared workspace
              exq setup-roles                       the SQL for its PostgreSQL roles
              exq generate --candidates 100000 --seed 1 /tmp/pack-m
            """,
        version: ExqVersion.string,
        subcommands: [GenerateCommand.self])

    @Option(name: .long, help: ArgumentHelp("Load the data pack in this folder.", valueName: "DIR"))
    var pack: String?

    @Flag(name: .long, help: "Start on the built-in demo centre.")
    var demo = false

    @Option(name: .long, help: ArgumentHelp("The clock: today's date (default: the real date).", valueName: "YYYY-MM-DD"))
    var today: String?

    @Option(name: .long, help: ArgumentHelp("The current series (default: from the calendar).", valueName: "NAME"))
    var series: String?

    @Option(name: .long, help: ArgumentHelp("Output: table, csv, json or markdown.", valueName: "FORMAT"))
    var format: String?

    @Option(name: .customShort("c"), help: ArgumentHelp("Run this command, then exit (repeatable).", valueName: "COMMAND"))
    var command: [String] = []

    @Option(name: .customLong("set"), help: ArgumentHelp("Set a script parameter (repeatable).", valueName: "NAME=VALUE"))
    var settings: [String] = []

    @Flag(name: .long, help: "Go on after an error (the exit status is still 1).")
    var keepGoing = false

    @Flag(name: .long, help: "Print each statement of a script before its output.")
    var echo = false

    @Flag(name: .long, help: "Print each command's load, plan and run times to stderr (also: set timing on).")
    var timing = false

    @Option(name: .long, help: ArgumentHelp("Write the loaded data as a data pack to DIR, then exit.", valueName: "DIR"))
    var exportPack: String?

    @Option(name: .long, help: ArgumentHelp("exams-officer, senior-leader or teacher (default: the workspace's, else exams-officer).", valueName: "ROLE"))
    var role: String?

    @Option(name: .long, help: ArgumentHelp("The time of day for the results embargo (default: the real time).", valueName: "HH:MM"))
    var time: String?

    @Flag(name: .long, help: "Let a script from a file write outside the current folder.")
    var allowWrite = false

    @Flag(name: .customLong("no-rc"), help: "Do not run ~/.exqrc before the interactive shell.")
    var noRC = false

    @Option(name: .long, help: ArgumentHelp("Open (or create) a workspace, a folder or postgresql://HOST/DB: every change is journaled there.", valueName: "DIR"))
    var workspace: String?

    @Flag(name: .long, help: "Run the scripts, each in a session of its own, and say which passed.")
    var check = false

    @Flag(name: .long, help: "Walk through the script a statement at a time (Enter runs, s skips, q quits).")
    var step = false

    @Flag(name: .long, help: "Practise: answer the script's practice tasks (?? lines) yourself; each answer is checked.")
    var practice = false

    @Argument(help: ArgumentHelp("A script of statements to run (several with --check).", valueName: "SCRIPT"))
    var scripts: [String] = []

    func options() -> LaunchOptions {
        var o = LaunchOptions()
        o.pack = pack
        o.demo = demo
        o.today = today
        o.series = series
        o.format = format
        o.commands = command
        o.settings = settings
        o.scripts = scripts
        o.workspace = workspace
        o.check = check
        o.step = step
        o.practice = practice
        o.keepGoing = keepGoing
        o.echo = echo
        o.exportPack = exportPack
        o.noRC = noRC
        o.role = role
        o.time = time
        o.allowWrite = allowWrite
        o.timing = timing
        return o
    }
}

/// `exq generate`: writes a generated data pack. Listed as a subcommand (so `--help`, the man page
/// and the completion scripts show it) but chosen by the first argument: the root command's
/// `[SCRIPT]` would otherwise take the word `generate` as a script.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a generated centre (a trust past 2,000 candidates) as a data pack, the same for the same seed.")

    @Option(name: .long, help: ArgumentHelp("How many candidates.", valueName: "N"))
    var candidates: Int

    @Option(name: .long, help: ArgumentHelp("The seed: the same seed writes the same bytes.", valueName: "S"))
    var seed: UInt64 = 1

    @Argument(help: ArgumentHelp("The folder to write the pack into (created when missing).", valueName: "DIR"))
    var directory: String

    func validate() throws {
        guard candidates >= 1 else { throw ValidationError("--candidates must be at least 1") }
    }
}

/// `exq setup-roles`: the SQL for a trust's PostgreSQL roles (exq_officer, exq_senior, exq_teacher).
struct SetupRolesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exq setup-roles",
        abstract: "Print the SQL that creates exq's PostgreSQL roles (exq_officer, exq_senior, exq_teacher) and gives them their rights in a shared workspace.",
        discussion: """
            Examples:
              exq setup-roles | psql postgresql://db.trust.example/exams
              exq setup-roles --apply postgresql://postgres@db.trust.example/exams
            """)

    @Option(name: .long, help: ArgumentHelp("Run it on this database (as a superuser, or a login with CREATEROLE that owns it) instead of printing it.", valueName: "ADDRESS"))
    var apply: String?
}

/// Parses `command` from `arguments` and runs it (`exq`, or a subcommand such as `exq generate`);
/// bad usage prints the message and exits 2.
func parse<Command: ParsableCommand>(_ command: Command.Type, _ arguments: [String]?) -> Command {
    do {
        var parsed = try Command.parseAsRoot(arguments)
        guard let typed = parsed as? Command else { try parsed.run(); Command.exit() }
        return typed
    } catch {
        // Bad usage exits 2 (help and --version exit 0, as ArgumentParser decides).
        let code = Command.exitCode(for: error)
        if code == .success { Command.exit(withError: error) }
        if let exit = error as? ExitCode { Command.exit(withError: exit) }
        var stderr = StandardError()
        print(Command.fullMessage(for: error), to: &stderr)
        print("See '\(Command.configuration.commandName ?? "exq") --help'.", to: &stderr)
        Command.exit(withError: ExitCode(2))
    }
}

/// `exq generate ...`: its help as `exq generate`, bad usage exits 2.
func parseGenerate(_ arguments: [String]) -> GenerateCommand {
    do {
        return try GenerateCommand.parse(arguments)
    } catch {
        if GenerateCommand.exitCode(for: error) == .success {
            print(Exq.helpMessage(for: GenerateCommand.self))
            Exq.exit()
        }
        var stderr = StandardError()
        print("Error: " + GenerateCommand.message(for: error), to: &stderr)
        print("See 'exq generate --help'.", to: &stderr)
        Exq.exit(withError: ExitCode(2))
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "generate" {
    let g = parseGenerate(Array(arguments.dropFirst()))
    Exq.exit(withError: ExitCode(PackGeneration.run(candidates: g.candidates, seed: g.seed, directory: g.directory)))
}
if arguments.first == "setup-roles" {
    let s = parse(SetupRolesCommand.self, Array(arguments.dropFirst()))
    Exq.exit(withError: ExitCode(SetupRoles.run(apply: s.apply)))
}
let exq = parse(Exq.self, nil)
Exq.exit(withError: ExitCode(Launch.run(exq.options())))

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileOutput.stderr(string)
    }
}
