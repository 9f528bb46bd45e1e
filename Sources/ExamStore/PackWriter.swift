import Glibc

/// Writes a store out as a data pack (DATA-PACK.md) that `PackImporter` reads back.
///
/// Canonical lower-case headers, ISO dates, RFC 4180 quoting where a value needs it (and for
/// values with spaces at either end, which the importer would trim), LF line ends, candidate
/// numbers as written, fees as `7.50`, booleans as `yes`/`no`. A file is written only for a table
/// that has rows, but candidates.csv always. A `centre` column is written in files other than
/// candidates.csv only when the store has more than one centre. Each file is fsynced.
///
/// Text that a spreadsheet would run as a formula (`=...`, `+44 ...`) is written exactly as held,
/// unlike `--format csv` and `save FILE.csv`, which put a `'` before it. A pack is the import
/// contract with exq and the MIS, not a report: a `'` would become part of the value in any other
/// importer, and the values came from the centre's own systems in the first place. Open a pack
/// in a spreadsheet with its import wizard (columns as text), not by double-clicking.
package enum PackWriter {
    /// A file written and its number of rows (the header not counted).
    package struct WrittenFile: Sendable, Equatable {
        package var name: String
        package var rows: Int
        package init(name: String, rows: Int) { self.name = name; self.rows = rows }
    }

    /// Writes all tables of `store` into `directory`, creating it (one level) when missing, all or
    /// nothing: every file is first written and synced in a temporary folder beside it (its name
    /// starts with `.`), then a new folder is renamed into place whole, or each file is renamed
    /// over its old self in an existing one (and a pack file the store now has no rows for is
    /// removed). A failure (a full disk) leaves the old pack as it was.
    ///
    /// With `workbook` (`export pack DIR --xlsx`), each file is an Excel workbook instead
    /// (`candidates.xlsx`), made by `workbook` from the file's sheet (`sheet(_:of:)`); a CSV file of
    /// the same name in the folder is removed, and the other way round, so the pack has one of each.
    package static func write(_ store: Store, to directory: String,
                              workbook: ((Sheet) throws(Diagnostic) -> [UInt8])? = nil) throws(DiagnosticList) -> [WrittenFile] {
        var target = directory
        while target.count > 1 && target.hasSuffix("/") { target.removeLast() }
        var info = stat()
        let exists = stat(target, &info) == 0
        if exists { guard info.st_mode & S_IFMT == S_IFDIR else { throw failure(directory, "not a folder") } }
        let slash = target.lastIndex(of: "/")
        let parent = slash.map { $0 == target.startIndex ? "/" : String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        var temporary = ""
        var made = false
        for attempt in 0..<100 {
            temporary = (parent == "/" ? "" : parent) + "/.\(name).exq-\(getpid())-\(attempt).tmp"
            if mkdir(temporary, 0o755) == 0 { made = true; break }
            if errno != EEXIST { break }
        }
        guard made else { throw failure(directory, "cannot create a folder beside it to write in: " + String(cString: strerror(errno))) }
        var writer = Writer(store: store)
        var written: [WrittenFile] = []
        var empty: [String] = []
        do throws(DiagnosticList) {
            for (file, rows) in writer.files() {
                guard rows > 0 || file == "candidates.csv" else { empty.append(file); continue }
                if let workbook {
                    let name = String(file.dropLast(4)) + ".xlsx"
                    let bytes: [UInt8]
                    do throws(Diagnostic) { bytes = try workbook(sheet(file, of: store)) } catch { throw DiagnosticList([error]) }
                    try save(bytes, to: temporary + "/" + name)
                    written.append(WrittenFile(name: name, rows: rows))
                } else {
                    try save(writer.output(file), to: temporary + "/" + file)
                    written.append(WrittenFile(name: file, rows: rows))
                }
            }
            syncFolder(temporary)
            if !exists {
                guard rename(temporary, target) == 0 else { throw failure(directory, "cannot create folder: " + String(cString: strerror(errno))) }
            } else {
                for file in written where rename(temporary + "/" + file.name, target + "/" + file.name) != 0 {
                    throw failure(target + "/" + file.name, "cannot write: " + String(cString: strerror(errno)))
                }
                for file in written { unlink(target + "/" + twin(file.name)) }
                for file in empty { unlink(target + "/" + file); unlink(target + "/" + twin(file)) }
                rmdir(temporary)
            }
        } catch {
            for file in written { unlink(temporary + "/" + file.name) }
            rmdir(temporary)
            throw error
        }
        syncFolder(target)
        syncFolder(parent)
        return written
    }

    /// `candidates.xlsx` for `candidates.csv`, and the other way round.
    static func twin(_ name: String) -> String {
        name.hasSuffix(".csv") ? String(name.dropLast(4)) + ".xlsx" : String(name.dropLast(5)) + ".csv"
    }

    /// Pack file `file` as a sheet named after it (`candidates`): the header and rows the CSV
    /// has, each cell typed by its column: dates as dates, numbers and money as numbers, yes/no as
    /// TRUE/FALSE, the rest (candidate numbers and codes too) as text.
    package static func sheet(_ file: String, of store: Store) -> Sheet {
        guard let declaration = PackSchema.file(file) else { return Sheet(name: "Sheet1", rows: []) }
        let types = Dictionary(declaration.headers.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
        var rows: [[Sheet.Cell]] = []
        var kinds: [String] = []
        declaration.records(store, centres: store.centres.count > 1) { values in
            if rows.isEmpty {
                kinds = values.map { types[$0] ?? "text" }
                rows.append(values.map { .text($0) })
                return
            }
            rows.append(values.enumerated().map { i, v in
                if v.isEmpty { return .blank }
                switch kinds[i] {
                case "date": return Day(parsing: v).map { .date($0) } ?? .text(v)
                case "number", "money": return Double(v).map { .number($0) } ?? .text(v)
                case "yes/no": return .bool(v == "yes")
                default: return .text(v)
                }
            })
        }
        return Sheet(name: String(file.dropLast(4)), rows: rows)
    }

    private static func syncFolder(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
    }

    /// The files `write` would write, by name, as bytes (for comparing two stores' contents).
    package static func files(_ store: Store) -> [String: [UInt8]] {
        var writer = Writer(store: store)
        var out: [String: [UInt8]] = [:]
        for (name, rows) in writer.files() where rows > 0 || name == "candidates.csv" { out[name] = writer.output(name) }
        return out
    }

    private static func failure(_ path: String, _ message: String) -> DiagnosticList {
        DiagnosticList([Diagnostic(file: path, line: 1, column: 1, message: message)])
    }

    /// Writes a new file (never through a link) and syncs it; a failure removes what was written.
    private static func save(_ bytes: [UInt8], to path: String) throws(DiagnosticList) {
        do throws(DiagnosticList) {
            try saveNew(bytes, to: path)
        } catch {
            unlink(path)
            throw error
        }
    }

    private static func saveNew(_ bytes: [UInt8], to path: String) throws(DiagnosticList) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(path, "cannot write: " + String(cString: strerror(errno))) }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                let message = String(cString: strerror(errno))
                close(fd)
                throw failure(path, "cannot write: " + message)
            }
            done += n
        }
        if fsync(fd) != 0 {
            let message = String(cString: strerror(errno))
            close(fd)
            throw failure(path, "cannot save to disk: " + message)
        }
        close(fd)
    }

    /// Builds each file's bytes; `files()` gives names and row counts, `output(name)` the text.
    private struct Writer {
        let store: Store
        var out: [UInt8] = []
        let centres: Bool

        init(store: Store) {
            self.store = store
            centres = store.centres.count > 1
        }

        func files() -> [(String, Int)] {
            PackSchema.files.map { ($0.name, $0.writtenRowCount(in: store)) }
        }

        mutating func output(_ name: String) -> [UInt8] {
            out = []
            PackSchema.file(name)?.records(store, centres: centres) { line($0) }
            return out
        }

        /// Appends one record, quoting the values that need it.
        mutating func line(_ values: [String]) {
            for (i, value) in values.enumerated() {
                if i > 0 { out.append(44) }
                let bytes = Array(value.utf8)
                let needsQuotes = bytes.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
                    || bytes.first == 32 || bytes.last == 32 || bytes.first == 9 || bytes.last == 9
                if needsQuotes {
                    out.append(34)
                    for b in bytes {
                        if b == 34 { out.append(34) }
                        out.append(b)
                    }
                    out.append(34)
                } else {
                    out.append(contentsOf: bytes)
                }
            }
            out.append(10)
        }
    }
}
