import Glibc
import ExamStore
import ExamRules

/// `load broadsheet FILE series SERIES`: adds the results of an MIS broadsheet (CSV or .xlsx; a
/// row per candidate, a column per qualification, a grade in each cell; ExamRules' `Broadsheet`),
/// all or nothing. Journaled with the file's full path and fingerprint, like `load`.
struct LoadBroadsheetCommand: Command, Equatable {
    var file: Word
    var series: Word
    var fingerprint: Word?

    static let info = CommandInfo(
        words: ["load", "broadsheet"], synopsis: "load broadsheet FILE series SERIES",
        summary: "add the results of an MIS broadsheet (CSV or .xlsx: a row per candidate, a column per qualification; all or nothing)",
        help: "Candidates by number, CENTRE/NUMBER or UCI; columns headed by entry code or title; a blank cell is no result.\n  load broadsheet Examples/broadsheet-summer-2025.csv series \"Summer 2025\"",
        changesData: true, completion: .files, topics: ["broadsheet"],
        parse: { try LoadBroadsheetCommand(&$0) })

    init(file: Word, series: Word, fingerprint: Word? = nil) {
        self.file = file
        self.series = series
        self.fingerprint = fingerprint
    }

    init(_ r: inout CommandReader) throws {
        file = try r.word("a broadsheet file, such as results.xlsx or results.csv")
        try r.expect("series")
        series = try r.word("a series, such as \"Summer 2024\"")
        if r.take("fingerprint") { fingerprint = try r.word("a fingerprint") }
        try r.end()
    }

    var statement: String {
        "load broadsheet " + file.quoted + " series " + series.quoted + (fingerprint.map { " fingerprint " + $0.quoted } ?? "")
    }

    func run(in session: Session) throws -> String? {
        let path = file.text
        guard SeriesName.isComplete(series.text) else {
            throw session.failure("expected a series such as \"Summer 2024\" or \"November 2024\", found '\(series.text)'", at: series)
        }
        let bytes: [UInt8]
        // A shared workspace keeps the file: another session replays it from there, wherever the file was.
        if session.replaying, let shared = session.replayedFrom, let fingerprint, let kept = try shared.broadsheet(fingerprint.text) {
            bytes = kept
        } else {
            do { bytes = try CSVReader.readFile(path) } catch { throw DiagnosticList([error]) }
        }
        let hash = PackFingerprint.hash(bytes)
        if let fingerprint, fingerprint.text != hash {
            session.console.report("\(session.file):\(session.line):1: warning: \(path) has changed since its results were added here\n")
        }
        let grid = try Self.grid(bytes, path: path)
        var changed = session.store
        let added: Broadsheet.Added
        switch Broadsheet.add(grid.rows, series: series.text, to: &changed) {
        case .success(let a): added = a
        case .failure(let f):
            let shown = f.problems.prefix(PackImporter.maximumDiagnostics).map(grid.diagnostic)
            var list = Array(shown)
            if f.problems.count > list.count {
                list[list.count - 1].notes.append("... and \(Store.grouped(f.problems.count - list.count)) more errors not shown")
            }
            throw DiagnosticList(list)
        }
        let full = FileSystem.resolvedPath(path) ?? path
        let journaled = LoadBroadsheetCommand(file: Word(full), series: series, fingerprint: Word(hash)).statement
        try session.commit(journaled, changed, broadsheet: (hash, bytes))
        if !session.replaying {
            var line = "Added \(Store.grouped(added.results)) \(added.results == 1 ? "result" : "results") for \(series.text) "
                + "(\(Store.grouped(added.candidates)) candidates, \(added.qualifications) qualifications) from \(path)"
            if added.alreadyHeld > 0 { line += "; \(Store.grouped(added.alreadyHeld)) were held already" }
            session.console.out(line + "\n")
        }
        return LoadBroadsheetCommand(file: file, series: series, fingerprint: Word(hash)).statement
    }

    /// A broadsheet's cells as text, and where each is for diagnostics.
    struct Grid {
        var rows: [[String]] = []
        /// A workbook's sheet name; nil for CSV.
        var sheet: String?
        let path: String
        /// CSV: each row's line, and each cell's column and length, and the line's text.
        var places: [(line: Int, columns: [(Int, Int)], source: String?)] = []

        func diagnostic(_ p: Broadsheet.Problem) -> Diagnostic {
            if let sheet {
                return Diagnostic(file: path, line: p.row + 1, column: p.column + 1, message: p.message, notes: p.notes,
                                  cell: sheet + "!" + Sheet.cellName(column: p.column, row: p.row + 1))
            }
            guard p.row < places.count else { return Diagnostic(file: path, line: 1, column: 1, message: p.message, notes: p.notes) }
            let place = places[p.row]
            let at = p.column < place.columns.count ? place.columns[p.column] : (1, 1)
            return Diagnostic(file: path, line: place.line, column: at.0, message: p.message, sourceLine: place.source,
                              length: at.1, notes: p.notes)
        }
    }

    /// The cells of a broadsheet file: an .xlsx workbook's first sheet (numbers as their digits,
    /// so a grade 7 typed as a number is `7`), or a CSV file's records.
    static func grid(_ bytes: [UInt8], path: String) throws -> Grid {
        var grid = Grid(path: path)
        if path.lowercased().hasSuffix(".xlsx") {
            let sheet: Sheet
            do { sheet = try WorkbookHelper.read(bytes, path) } catch { throw DiagnosticList([error]) }
            grid.sheet = sheet.name
            var problems: [Diagnostic] = []
            grid.rows = sheet.rows.enumerated().map { r, row in
                row.enumerated().map { c, cell in
                    switch cell {
                    case .blank: return ""
                    case .text(let s): return s
                    case .number(let v): return Sheet.numberText(v)
                    case .bool(let b): return b ? "TRUE" : "FALSE"
                    case .date(let d): return d.iso
                    case .error(let e):
                        problems.append(Diagnostic(file: path, line: r + 1, column: c + 1,
                                                   message: "expected a value, found the spreadsheet error \(e): the formula in this cell failed",
                                                   cell: sheet.name + "!" + Sheet.cellName(column: c, row: r + 1)))
                        return ""
                    }
                }
            }
            if !problems.isEmpty { throw DiagnosticList(problems) }
            return grid
        }
        var reader = CSVReader(bytes: bytes, path: path)
        do {
            try reader.validate()
            while try reader.nextRecord() {
                grid.rows.append((0..<reader.fields.count).map { reader.string($0) })
                let columns = (0..<reader.fields.count).map { i -> (Int, Int) in let at = reader.location(of: i); return (at.column, at.length) }
                let first = reader.location(of: 0)
                grid.places.append((first.line, columns, first.sourceLine))
            }
        } catch {
            throw DiagnosticList([error])
        }
        return grid
    }
}
