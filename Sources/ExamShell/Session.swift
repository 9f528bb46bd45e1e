import Glibc
import ExamStore
import ExamRules
import ExamQuery
import ExamDemo

/// One exq session: the store, the clock, the settings, named queries and parameters.
///
/// Every statement, typed, given with `-c` or read from a script, goes through `run`. A
/// statement either succeeds whole or reports an error and changes nothing.
public final class Session {
    /// The whole store. Read it through `visibility.store` wherever a role's view matters.
    public var store: Store { didSet { storeGeneration &+= 1 } }
    var storeGeneration = 0
    var visibilityCache: (generation: Int, role: Role, real: Moment, session: Moment, value: Visibility)?
    var warnedUncovered = -1
    /// The clock when set (`--today`, `set today`); nil means the real date.
    public var fixedToday: Day?
    /// The series when set (`--series`, `set series`); nil means the calendar's current series.
    public var explicitSeries: String?
    public var format: OutputFormat = .table
    /// Rows a table shows before it says how many it cut; nil shows all.
    public var maxRows: Int? = 50
    public var params: [String: Value] = [:]
    public var named: [String: Pipeline] = [:]
    public var console = Console()
    /// `--timing`, `set timing on`: print each statement's load, plan and run times to stderr.
    public var timing = false
    var timings = StatementTiming()
    /// Where the statement being run comes from, for diagnostics.
    var file = "exq"
    var line = 1

    /// The state the session started in, as statements (`set today ...`), for `save session`.
    public var prelude: [String] = []
    /// The statements that succeeded, as they replay (a load with its fingerprint, `today`
    /// resolved in changes), for `save session` and `record`.
    public internal(set) var log: [String] = []
    /// The open workspace's journal, when there is one: every change goes through it.
    var journal: Journal?
    var workspace: String?
    /// True while a workspace's journal is replayed: nothing is journaled or logged again.
    var replaying = false
    /// Statements run inside `run FILE` are logged one by one, not the `run` itself.
    var depth = 0
    /// The file `record` appends to.
    var recording: String?
    /// The last answer, for `expect`.
    var lastAnswer: Answer?
    /// Who is using exq, for the results embargo (command line, else the workspace's settings).
    public var role: Role = .examsOfficer
    /// The role given on the command line (--role): it may lower the workspace's role, never raise it.
    public var commandLineRole: Role?
    /// The time of day when set (`--time`, `set time`), in minutes after midnight.
    public var fixedMinutes: Int?
    /// Scripts from files may write outside the current folder only with --allow-write.
    public var allowWrite = false
    /// How many script files are running now (`exq FILE`, `run FILE`, --check, --step).
    public var runningScriptFile = 0
    var warnedNoAudit = false
    /// The statement that loaded the data now held (`demo`, or `load "DIR" fingerprint ...`).
    var base: String?

    public init(store: Store = Store()) {
        self.store = store
    }

    public var today: Day { fixedToday ?? SystemClock.today() }
    public var series: String? { CurrentSeries.resolve(store: store, today: today, explicit: explicitSeries) }

    // MARK: Running statements

    /// Runs one statement; reports its errors; false when it failed.
    @discardableResult
    public func run(_ statement: String, file: String = "exq", line: Int = 1) -> Bool {
        self.file = file
        self.line = line
        let text = statement.trimmingSpaces()
        if text.isEmpty || text.hasPrefix("#") { return true }
        let outer = startTiming()
        defer { reportTiming(restoring: outer) }
        do {
            depth += 1
            defer { depth -= 1 }
            let logged = try dispatch(text)
            if let logged, depth == 1, !replaying {
                log.append(logged)
                try appendToRecording(logged)
            }
            console.flush()
            return true
        } catch let d as Diagnostic {
            console.report(d.description + "\n")
        } catch let list as DiagnosticList {
            for d in list.diagnostics { console.report(d.description + "\n") }
        } catch {
            console.report(failure("\(error)").description + "\n")
        }
        return false
    }

    /// A diagnostic about the whole statement (commands have no caret to draw unless given a span).
    func failure(_ message: String, notes: [String] = [], column: Int = 1, length: Int = 1, source: String? = nil) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, message: message, sourceLine: source, length: length, notes: notes)
    }

    static let commands = ["help", "describe", "load", "demo", "let", "set", "why", "statement", "statements", "acknowledge",
                           "unacknowledge", "add", "update", "export", "run", "expect", "save", "record", "open", "compact",
                           "quit", "exit"]

    /// Makes a change to the data: journals `statement` (synced to disk) when a workspace is
    /// open, then takes `changed` as the store. A journal that cannot be written refuses the change.
    func commit(_ statement: String, _ changed: Store) throws {
        if let journal, !replaying { try journal.append(statement) }
        store = changed
    }

    /// Runs a statement; returns the form to log (nil: not logged, such as `save session`).
    func dispatch(_ text: String) throws -> String? {
        let words = Words.split(text)
        let head = (text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).first.map(String.init) ?? "").lowercased()
        let rest = String(text.dropFirst(head.count)).trimmingSpaces()
        switch head {
        case "help": console.out(Help.text(for: rest, session: self))
        case "describe": try describe(rest)
        case "load": return try load(rest)
        case "demo": return try loadDemo(rest)
        case "let": try define(rest, text)
        case "set": return try set(rest, text)
        case "why": try why(rest)
        case "statement": try statement(rest)
        case "statements": try statements(rest)
        case "acknowledge", "unacknowledge": return try acknowledge(Array(words.dropFirst()), on: head == "acknowledge")
        case "add": return try addReview(Array(words.dropFirst()))
        case "update": return try update(rest)
        case "export": try exportPack(Array(words.dropFirst()))
        case "run": try runScript(path: rest.unquoted); return nil
        case "expect": try expect(rest)
        case "save" where words.count >= 2 && words[1].lowercased() == "session": try saveSession(Array(words.dropFirst(2))); return nil
        case "record": try record(Array(words.dropFirst())); return nil
        case "open": try openWorkspace(rest.unquoted); return nil
        case "compact": try compact(rest); return nil
        case "quit", "exit": throw failure("'\(head)' ends an interactive session; press Ctrl-D, or let the script end")
        default: try query(text)
        }
        return text
    }

    func query(_ text: String) throws {
        let source = SourceText(text, file: file, firstLine: line)
        var parser = try Parser(source)
        let pipeline = try parser.pipeline()
        if timing { timings.plan = SystemClock.seconds() - timings.started }
        let visible = visibility
        let evaluator = Evaluator(store: visible.store, today: today, series: series, params: params, named: named, source: source)
        evaluator.visibility = visible
        let output = try evaluator.run(pipeline)
        for w in evaluator.warnings { console.report(w.description + "\n") }
        if evaluator.readResults && visible.hidden > 0 { console.err(embargoNote(visible.hidden)) }
        if evaluator.readEmbargoed { try audit(text) }
        switch output {
        case .text(let t):
            lastAnswer = nil
            console.out(t + "\n")
        case .table(let table, let path):
            lastAnswer = table
            if let path {
                try save(table, to: path)
            } else {
                format.write(table, maxRows: format == .table ? maxRows : nil,
                             width: format == .table ? Console.screenWidth : nil) { console.out($0) }
            }
        }
    }

    func save(_ table: Answer, to path: String) throws {
        guard let fmt = OutputFormat(fileName: path) else {
            throw failure("cannot tell the format of '\(path)'", notes: ["name the file .csv, .json or .md"])
        }
        try checkWritable(path)
        try FileSystem.writeDurably(to: path) { write in try fmt.write(table, to: write) }
        console.out("Saved \(Store.grouped(table.rowCount)) \(table.rowCount == 1 ? "row" : "rows") to \(path)\n")
    }

    func define(_ rest: String, _ text: String) throws {
        guard let eq = rest.firstIndex(of: "=") else {
            throw failure("expected 'let NAME = QUERY'", notes: ["such as: let atrisk = entries | where at_risk"])
        }
        let name = rest[..<eq].trimmingSpaces()
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), name.first?.isLetter == true else {
            throw failure("'\(name)' cannot name a query", notes: ["use letters, digits and _, starting with a letter"])
        }
        guard Collection(rawValue: name.lowercased()) == nil else {
            throw failure("'\(name)' is a collection; choose another name for the query")
        }
        let offset = text.distance(from: text.startIndex, to: text.firstIndex(of: "=")!) + 1
        let body = String(text[text.index(after: text.firstIndex(of: "=")!)...])
        // Parse with the statement's own columns so carets point into the line as typed.
        let padded = String(repeating: " ", count: offset) + body
        let pipeline = try Parser.parse(padded, file: file, firstLine: line)
        // Check it runs now, so a mistake shows at `let` rather than at first use.
        let evaluator = Evaluator(store: visibility.store, today: today, series: series, params: params, named: named,
                                  source: SourceText(padded, file: file, firstLine: line))
        _ = try evaluator.run(pipeline)
        named[name] = pipeline
        console.err("Defined \(name): use it as a source, such as: \(name) | count\n")
    }

    func describe(_ rest: String) throws {
        let name = rest.lowercased()
        guard let c = Collection(rawValue: name) else {
            let all = Collection.allCases.map(\.rawValue)
            throw failure(name.isEmpty ? "describe what?" : "unknown collection '\(rest)'",
                          notes: [Suggestions.note(for: rest, in: all) ?? "collections: " + all.joined(separator: ", ")])
        }
        console.out("\(c.rawValue): \(c.meaning); \(Store.grouped(c.count(in: visibility.store))) loaded\n")
        let fields = c.fields
        let table = Answer(names: ["field", "type", "meaning"],
                                columns: [.string(fields.map { $0.name + ($0.link != nil ? ".…" : "") }),
                                          .string(fields.map { $0.kind.rawValue + ($0.derived ? ", rule" : "") }),
                                          .string(fields.map(\.meaning))],
                                rowCount: fields.count, pool: store.pool)
        console.out(OutputFormat.table.render(table, width: Console.screenWidth))
    }

    /// `load DIR [fingerprint F]`: replaces the data with the pack's, all or nothing. With a
    /// fingerprint (saved sessions, the journal), says first which files changed since.
    func load(_ rest: String) throws -> String {
        let words = Words.split(rest)
        guard let path = words.first, !path.isEmpty else { throw failure("load what?", notes: ["name a data pack folder, such as: load packs/riverside"]) }
        guard words.count == 1 || (words.count == 3 && words[1].lowercased() == "fingerprint") else {
            throw failure("expected 'load DIR', found more after the folder", notes: ["put quotes around a folder name with spaces: load \"my packs/riverside\""])
        }
        let started = SystemClock.seconds()
        if !replaying && isatty(2) == 1 { console.err("Loading \(path) … (Ctrl-C cancels)\n") }
        let recorded = words.count == 3 ? PackFingerprint(text: words[2]) : nil
        /// Said before anything is replayed over the pack (and before its errors, when it fails).
        func reportChanges(_ now: PackFingerprint?) {
            guard let recorded, let now, now != recorded else { return }
            console.report("\(file):\(line):1: warning: \(path) has changed since it was loaded here: \(now.changes(since: recorded).joined(separator: ", "))\n")
        }
        let loaded: PackLoad
        do {
            loaded = try PackImporter.load(directory: path)
        } catch {
            if recorded != nil { reportChanges(PackFingerprint.of(folder: path)) }
            throw error
        }
        reportChanges(loaded.fingerprint)
        for w in loaded.warnings where !replaying { console.report(w.description + "\n") }
        let statement = "load " + Session.quoted(path) + " fingerprint " + loaded.fingerprint.text
        try commit(statement, loaded.store)
        base = statement
        _ = Eligibility.standings(store: store)  // judged now, so the first question on results morning is as quick as the rest
        let seconds = SystemClock.seconds() - started
        timings.load += seconds
        if !replaying { console.err("Loaded \(store.summary) in \(Session.seconds(seconds))\n") }
        return statement
    }

    /// `demo`: replaces the data with the built-in demo centre.
    func loadDemo(_ rest: String) throws -> String {
        guard rest.isEmpty else { throw failure("'demo' takes nothing after it") }
        try commit("demo", DemoCentre.make())
        base = "demo"
        return "demo"
    }

    /// A word as a statement writes it: bare when it is safe, else in double quotes.
    static func quoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.allSatisfy { $0.isLetter || $0.isNumber || "_-./:".contains($0) }
        return plain ? word : "\"" + word + "\""
    }

    static func seconds(_ s: Double) -> String {
        let hundredths = Int((s * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100) s"
    }

    func set(_ rest: String, _ text: String) throws -> String? {
        let words = Words.split(rest)
        guard let what = words.first?.lowercased() else {
            throw failure("set what?", notes: ["set today 2024-08-22 · set series \"Summer 2024\" · set format csv · set rows all · set NAME = VALUE"])
        }
        let value = words.dropFirst().joined(separator: " ")
        if words.count >= 2, words[1] == "=" || rest.contains("=") && !["today", "time", "series", "format", "rows", "completion"].contains(what) {
            guard let eq = rest.firstIndex(of: "=") else { throw failure("expected 'set NAME = VALUE'") }
            let name = rest[..<eq].trimmingSpaces()
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw failure("'\(name)' cannot name a parameter", notes: ["use letters, digits and _"])
            }
            params[name] = Value.parse(rest[rest.index(after: eq)...].trimmingSpaces())
            return text
        }
        switch what {
        case "today":
            if value.lowercased() == "real" { fixedToday = nil; return text }
            guard let d = Day(parsing: value) else {
                throw failure("expected a date after 'set today', found '\(value)'", notes: ["write it as 2024-08-22 or 22/08/2024, or 'set today real' for the real date"])
            }
            fixedToday = d
        case "series":
            if value.lowercased() == "auto" || value.isEmpty {
                if let journal, !replaying { try journal.append("set series auto") }
                explicitSeries = nil
                return "set series auto"
            }
            let known = Set(store.calendar.series.map { store.pool[$0] } + store.entries.completion.map { store.pool[$0] })
            if !known.contains(value) {
                console.err("warning: no calendar event or entry names the series \"\(value)\"\(Suggestions.closest(to: value, in: known.sorted()).map { "; did you mean \"\($0)\"?" } ?? "")\n")
            }
            let statement = "set series " + Session.quoted(value)
            if let journal, !replaying { try journal.append(statement) }
            explicitSeries = value
            return statement
        case "time":
            if value.lowercased() == "real" { fixedMinutes = nil; return text }
            guard let m = Embargo.minutes(value) else {
                throw failure("expected a time after 'set time', such as 07:30, found '\(value)'", notes: ["or 'set time real' for the real time"])
            }
            fixedMinutes = m
        case "format":
            guard let f = OutputFormat(name: value) else {
                throw failure("unknown format '\(value)'", notes: ["formats: table, csv, json, markdown"])
            }
            format = f
        case "rows":
            if value.lowercased() == "all" { maxRows = nil; return text }
            guard let n = Int(value), n > 0 else { throw failure("expected a number of rows or 'all', found '\(value)'") }
            maxRows = n
        case "completion":
            return try setCompletion(Array(words.dropFirst()))
        case "timing":
            guard let on = ["on": true, "off": false][value.lowercased()] else { throw failure("expected 'set timing on' or 'set timing off'") }
            timing = on
        default:
            throw failure("unknown setting '\(what)'", notes: [Suggestions.note(for: what, in: ["today", "time", "series", "format", "rows", "completion"])
                ?? "settings: today, time, series, format, rows, completion; or a parameter: set NAME = VALUE"])
        }
        return text
    }
}

extension StringProtocol {
    /// Without one pair of surrounding quotes.
    var unquoted: String {
        let t = trimmingSpaces()
        if t.count >= 2, let f = t.first, f == "\"" || f == "'", t.last == f { return String(t.dropFirst().dropLast()) }
        return t
    }
}
