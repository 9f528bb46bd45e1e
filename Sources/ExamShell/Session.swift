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
    package var store: Store { didSet { storeGeneration &+= 1; knownCache = nil } }
    var knownCache: (day: Day, store: Store)?
    var storeGeneration = 0
    var visibilityCache: (generation: Int, role: Role, real: Moment, session: Moment, value: Visibility)?
    var warnedUncovered = -1
    /// The clock when set (`--today`, `set today`); nil means the real date.
    public var fixedToday: Day?
    /// The series when set (`--series`, `set series`); nil means the calendar's current series.
    package var explicitSeries: String?
    package var format: OutputFormat = .table
    /// How tables, statements, `why` and messages write dates (`set dates uk|iso`); CSV and JSON are always ISO.
    package var dates: DateStyle = .uk
    /// Rows a table shows before it says how many it cut; nil shows all.
    package var maxRows: Int? = 50
    package var params: [String: Value] = [:]
    package var named: [String: Pipeline] = [:]
    package var console = Console()
    /// `--timing`, `set timing on`: print each statement's load, plan and run times to stderr.
    package var timing = false
    /// `set pager off` turns paging off; it happens only when `paging` allows it too.
    package var pager = true
    /// True in the interactive shell on a terminal: the only place answers are paged.
    package var paging = false
    var timings = StatementTiming()
    /// Where the statement being run comes from, for diagnostics.
    var file = "exq"
    var line = 1
    /// The statement being run, for carets under the word at fault.
    var source = SourceText("")

    /// The state the session started in, as statements (`set today ...`), for `save session`.
    package var prelude: [String] = []
    /// The statements that succeeded, as they replay (a load with its fingerprint, `today`
    /// resolved in changes), for `save session` and `record`.
    package internal(set) var log: [String] = []
    /// The open workspace's journal, when there is one: every change goes through it.
    var journal: Journal?
    var workspace: String?
    /// The open shared workspace (PostgreSQL), when the workspace is one: changes go there.
    var shared: SharedWorkspace?
    /// The shared workspace whose changes are being replayed (it keeps the broadsheets they added).
    var replayedFrom: SharedWorkspace?
    /// The open workspace's lock, while this session holds it.
    var workspaceLock: WorkspaceLock?
    /// Set when another session holds the open workspace: nothing may change.
    var workspaceReadOnly = false
    /// Journal entries the last replay refused: `compact` would lose them, so it refuses.
    var refusedOnReplay = 0
    /// True while a workspace's journal is replayed: nothing is journaled or logged again.
    var replaying = false
    /// Statements run inside `run FILE` are logged one by one, not the `run` itself.
    var depth = 0
    /// The file `record` appends to.
    var recording: String?
    /// How many `run FILE` are running inside each other now.
    var runDepth = 0
    /// Where `recording` really leads, resolved when it started.
    var recordingTarget: String?
    /// The last answer, for `expect`.
    var lastAnswer: Answer?
    /// Who is using exq, for the results embargo (command line, else the workspace's settings).
    package var role: Role = .examsOfficer
    /// The role the session sees as (`set role`), never above `role`; nil: `role` itself.
    package var shownRole: Role?
    /// The role answers are made for: `shownRole` when set, but never above `role` (a workspace
    /// opened later may lower `role` below it).
    package var viewRole: Role { min(role, shownRole ?? role) }
    /// The role given on the command line (--role): it may lower the workspace's role, never raise it.
    package var commandLineRole: Role?
    /// The time of day when set (`--time`, `set time`), in minutes after midnight.
    package var fixedMinutes: Int?
    /// Scripts from files may write outside the current folder only with --allow-write.
    package var allowWrite = false
    /// How many script files are running now (`exq FILE`, `run FILE`, --check, --step).
    package var runningScriptFile = 0
    var warnedNoAudit = false
    /// The statement that loaded the data now held (`demo`, or `load "DIR" fingerprint ...`).
    var base: String?
    /// `base` as journaled (a load with the folder's full path), for `compact`.
    var journaledBase: String?

    public init(store: Store = Store()) {
        self.store = store
    }

    package var today: Day { fixedToday ?? SystemClock.today() }

    /// A date as a statement holds it (`2024-08-22`, `22/08/2024` or `""`) written for people in
    /// the session's `dates`; text that is not a date as it is.
    func shown(date text: String) -> String {
        Day(parsing: text).map { $0.text(dates) } ?? text
    }

    /// The store as it was on the clock's day (`StoreAsAt`: nothing dated after today, review
    /// outcomes applied to the grades); `visibility` is made from it.
    public var known: Store {
        let day = today
        if let cached = knownCache, cached.day == day { return cached.store }
        let view = StoreAsAt.view(store, on: day)
        knownCache = (day, view)
        return view
    }
    package var series: String? { CurrentSeries.resolve(store: store, today: today, explicit: explicitSeries) }

    /// What a load works out before the first question, so that the first question on results
    /// morning is as quick as the rest: every entry's eligibility, the store as at today, each of
    /// its results' (qualification, series) pair and grade on its scale (`GradePairs`), and which
    /// entries and results are of the current series. All are kept with the store until it changes.
    public func prepareForQuestions() {
        _ = Eligibility.standings(store: store)
        let view = known
        _ = Embargo.releases(store: view)
        _ = GradePairs.ofResults(view)
        var current = SeriesMatch(pool: view.pool, series: RuleContext(store: view, today: today, series: series).series)
        _ = current.entries(of: view)
        _ = current.results(of: view)
    }

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

    /// A diagnostic about the statement being run: at `word` with a caret when given, else at its start.
    func failure(_ message: String, at word: Word? = nil, notes: [String] = []) -> Diagnostic {
        guard let word, word.length > 0 else {
            return Diagnostic(file: file, line: line, column: 1, message: message, notes: notes)
        }
        return source.diagnostic(at: word.offset, length: word.length, message, notes: notes)
    }

    /// Makes a change to the data: journals `statement` (synced to disk) when a workspace is
    /// open, then takes `changed` as the store. A journal that cannot be written refuses the change.
    /// `review`: the id of the review the statement is about, whose outcome it may name unchanged.
    /// `broadsheet`: a broadsheet's fingerprint and bytes, which a shared workspace keeps.
    func commit(_ statement: String, _ changed: Store, review: String? = nil, broadsheet: (String, [UInt8])? = nil) throws {
        let base = Session.isBase(statement)
        // A shared workspace withholds from teachers' logins the journal rows that tell grades.
        let grades = shared == nil || base || replaying ? [] : SharedWorkspace.grades(from: store, to: changed, review: review)
        try journalChange(statement, base: base ? changed : nil, grades: grades, broadsheet: broadsheet)
        store = changed
    }

    /// Journals a change before it is made (when a workspace is open); refuses it when the
    /// workspace is open read-only.
    /// `base` is the new data of a load or the demo, which a shared workspace keeps in tables.
    func journalChange(_ statement: String, base: Store? = nil, grades: [SharedWorkspace.Grades] = [], broadsheet: (String, [UInt8])? = nil) throws {
        guard !replaying else { return }
        if let shared {
            try shared.append(statement, clock: today, base: base, grades: grades, broadsheet: broadsheet)
            return
        }
        if workspaceReadOnly, let workspace {
            throw failure("the workspace \(workspace) is open read-only (another exq session holds it), so nothing was changed",
                          notes: ["close the other session, then open the workspace again"])
        }
        if let journal { try journal.append(statement) }
    }

    /// The longest statement run: 4 MB.
    static let maximumStatementBytes = 4 << 20

    /// Runs a statement; returns the form to log (nil: not logged, such as `save session`).
    func dispatch(_ text: String) throws -> String? {
        guard text.utf8.count <= Session.maximumStatementBytes else {
            throw failure("this statement is \(Store.grouped(text.utf8.count)) bytes long; a statement may be at most \(Store.grouped(Session.maximumStatementBytes))",
                          notes: ["for a long list of values, load them as a pack file instead of typing them into 'in (...)'"])
        }
        let source = SourceText(text, file: file, firstLine: line)
        self.source = source
        let parsed = try CommandRegistry.parse(source)
        if let shared, !replaying {
            // A change applies the other sessions' changes under the lock, then is checked against them.
            if let parsed, parsed.info.changesData {
                return try shared.change { try catchUp(shared); return try parsed.command.run(in: self) }
            }
            try catchUp(shared)
        }
        if let parsed {
            return try parsed.command.run(in: self)
        }
        let head = CommandRegistry.firstWord(text)
        if Collection(rawValue: head) == nil, named[head] == nil,
           let slip = CommandRegistry.misspelt(source, sources: Collection.allCases.map(\.rawValue) + named.keys) { throw slip }
        try query(text)
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
        evaluator.dates = dates
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
                // Ctrl-C stops a long answer between pieces of it.
                let paged = pager && paging && !console.muted && Console.screenHeight != nil
                var text = ""
                do {
                    try format.write(table, maxRows: format == .table ? maxRows : nil,
                                     width: format == .table ? Console.screenWidth : nil, dates: dates) { (piece: String) throws(Interrupted) in
                        try Interruption.check()
                        if paged { text += piece } else { console.out(piece) }
                    }
                    if paged { console.page(text) }
                } catch {
                    console.out("\n")
                    throw failure("cancelled (Ctrl-C): the rest of the answer was not printed")
                }
            }
        }
    }

    func save(_ table: Answer, to path: String) throws {
        if path.lowercased().hasSuffix(".xlsx") {
            try checkWritable(path)
            let workbook = try WorkbookHelper.write(table.sheet(named: Sheet.name(forFile: path)), name: path)
            try FileSystem.writeDurably(bytesTo: path) { write in try write(workbook) }
            console.out("Saved \(Store.grouped(table.rowCount)) \(table.rowCount == 1 ? "row" : "rows") to \(path)\n")
            return
        }
        guard let fmt = OutputFormat(fileName: path) else {
            throw failure("cannot tell the format of '\(path)'", notes: ["name the file .csv, .json, .md or .xlsx"])
        }
        try checkWritable(path)
        try FileSystem.writeDurably(to: path) { write in try fmt.write(table, dates: dates, to: write) }
        console.out("Saved \(Store.grouped(table.rowCount)) \(table.rowCount == 1 ? "row" : "rows") to \(path)\n")
    }

    static func seconds(_ s: Double) -> String {
        let hundredths = Int((s * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100) s"
    }
}
