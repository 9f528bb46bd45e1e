import ExamStore
import ExamRules
import ExamQuery

/// One exq session: the store, the clock, the settings, named queries and parameters.
///
/// Every statement, typed, given with `-c` or read from a script, goes through `run`. A
/// statement either succeeds whole or reports an error and changes nothing.
public final class Session {
    public var store: Store
    /// The clock when set (`--today`, `set today`); nil means the real date.
    public var fixedToday: Day?
    /// The series when set (`--series`, `set series`); nil means the calendar's current series.
    public var explicitSeries: String?
    public var format: OutputFormat = .table
    /// Rows a table shows before it says how many it cut; nil shows all.
    public var maxRows: Int? = 50
    public var params: [String: Value] = [:]
    public var named: [String: Pipeline] = [:]
    public let console = Console()
    /// Where the statement being run comes from, for diagnostics.
    var file = "exq"
    var line = 1

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
        do {
            try dispatch(text)
            console.flush()
            return true
        } catch let d as Diagnostic {
            console.err(d.description + "\n")
        } catch let list as DiagnosticList {
            console.err(list.description + "\n")
        } catch {
            console.err(failure("\(error)").description + "\n")
        }
        return false
    }

    /// A diagnostic about the whole statement (commands have no caret to draw unless given a span).
    func failure(_ message: String, notes: [String] = [], column: Int = 1, length: Int = 1, source: String? = nil) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, message: message, sourceLine: source, length: length, notes: notes)
    }

    static let commands = ["help", "describe", "load", "let", "set", "why", "statement", "statements", "acknowledge",
                           "unacknowledge", "add", "update", "export", "run", "quit", "exit"]

    func dispatch(_ text: String) throws {
        let words = Words.split(text)
        let head = (text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).first.map(String.init) ?? "").lowercased()
        let rest = String(text.dropFirst(head.count)).trimmingSpaces()
        switch head {
        case "help": console.out(Help.text(for: rest, session: self))
        case "describe": try describe(rest)
        case "load": try load(rest)
        case "let": try define(rest, text)
        case "set": try set(rest, text)
        case "why": try why(rest)
        case "statement": try statement(rest)
        case "statements": try statements(rest)
        case "acknowledge", "unacknowledge": try acknowledge(Array(words.dropFirst()), on: head == "acknowledge")
        case "add": try addReview(Array(words.dropFirst()))
        case "update": try updateReview(rest)
        case "export": try exportPack(Array(words.dropFirst()))
        case "run": try runScript(path: rest.unquoted)
        case "quit", "exit": throw failure("'\(head)' ends an interactive session; press Ctrl-D, or let the script end")
        default: try query(text)
        }
    }

    func query(_ text: String) throws {
        let source = SourceText(text, file: file, firstLine: line)
        var parser = try Parser(source)
        let pipeline = try parser.pipeline()
        let evaluator = Evaluator(store: store, today: today, series: series, params: params, named: named, source: source)
        let output = try evaluator.run(pipeline)
        for w in evaluator.warnings { console.err(w.description + "\n") }
        switch output {
        case .text(let t): console.out(t + "\n")
        case .table(let table, let path):
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
        let evaluator = Evaluator(store: store, today: today, series: series, params: params, named: named,
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
        console.out("\(c.rawValue): \(c.meaning); \(Store.grouped(c.count(in: store))) loaded\n")
        let fields = c.fields
        let table = Answer(names: ["field", "type", "meaning"],
                                columns: [.string(fields.map { $0.name + ($0.link != nil ? ".…" : "") }),
                                          .string(fields.map { $0.kind.rawValue + ($0.derived ? ", rule" : "") }),
                                          .string(fields.map(\.meaning))],
                                rowCount: fields.count, pool: store.pool)
        console.out(OutputFormat.table.render(table, width: Console.screenWidth))
    }

    func load(_ rest: String) throws {
        let path = rest.unquoted
        guard !path.isEmpty else { throw failure("load what?", notes: ["name a data pack folder, such as: load packs/riverside"]) }
        let started = SystemClock.seconds()
        let loaded = try PackImporter.load(directory: path)
        for w in loaded.warnings { console.err(w.description + "\n") }
        store = loaded.store
        let seconds = SystemClock.seconds() - started
        console.err("Loaded \(store.summary) in \(Session.seconds(seconds))\n")
    }

    static func seconds(_ s: Double) -> String {
        let hundredths = Int((s * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100) s"
    }

    func set(_ rest: String, _ text: String) throws {
        let words = Words.split(rest)
        guard let what = words.first?.lowercased() else {
            throw failure("set what?", notes: ["set today 2024-08-22 · set series \"Summer 2024\" · set format csv · set rows all · set NAME = VALUE"])
        }
        let value = words.dropFirst().joined(separator: " ")
        if words.count >= 2, words[1] == "=" || rest.contains("=") && !["today", "series", "format", "rows", "completion"].contains(what) {
            guard let eq = rest.firstIndex(of: "=") else { throw failure("expected 'set NAME = VALUE'") }
            let name = rest[..<eq].trimmingSpaces()
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw failure("'\(name)' cannot name a parameter", notes: ["use letters, digits and _"])
            }
            params[name] = Value.parse(rest[rest.index(after: eq)...].trimmingSpaces())
            return
        }
        switch what {
        case "today":
            if value.lowercased() == "real" { fixedToday = nil; return }
            guard let d = Day(parsing: value) else {
                throw failure("expected a date after 'set today', found '\(value)'", notes: ["write it as 2024-08-22 or 22/08/2024, or 'set today real' for the real date"])
            }
            fixedToday = d
        case "series":
            if value.lowercased() == "auto" || value.isEmpty { explicitSeries = nil; return }
            let known = Set(store.calendar.series.map { store.pool[$0] } + store.entries.completion.map { store.pool[$0] })
            if !known.contains(value) {
                console.err("warning: no calendar event or entry names the series \"\(value)\"\(Suggestions.closest(to: value, in: known.sorted()).map { "; did you mean \"\($0)\"?" } ?? "")\n")
            }
            explicitSeries = value
        case "format":
            guard let f = OutputFormat(name: value) else {
                throw failure("unknown format '\(value)'", notes: ["formats: table, csv, json, markdown"])
            }
            format = f
        case "rows":
            if value.lowercased() == "all" { maxRows = nil; return }
            guard let n = Int(value), n > 0 else { throw failure("expected a number of rows or 'all', found '\(value)'") }
            maxRows = n
        case "completion":
            try setCompletion(Array(words.dropFirst()))
        default:
            throw failure("unknown setting '\(what)'", notes: [Suggestions.note(for: what, in: ["today", "series", "format", "rows", "completion"])
                ?? "settings: today, series, format, rows, completion; or a parameter: set NAME = VALUE"])
        }
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s = s.dropLast() }
        return String(s)
    }

    /// Without one pair of surrounding quotes.
    var unquoted: String {
        let t = trimmingSpaces()
        if t.count >= 2, let f = t.first, f == "\"" || f == "'", t.last == f { return String(t.dropFirst().dropLast()) }
        return t
    }
}
