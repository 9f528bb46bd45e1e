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
public enum PackWriter {
    /// A file written and its number of rows (the header not counted).
    public struct WrittenFile: Sendable, Equatable {
        public var name: String
        public var rows: Int
        public init(name: String, rows: Int) { self.name = name; self.rows = rows }
    }

    /// Writes all tables of `store` into `directory`, creating it (one level) when missing.
    public static func write(_ store: Store, to directory: String) throws(DiagnosticList) -> [WrittenFile] {
        var info = stat()
        if stat(directory, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw failure(directory, "not a folder") }
        } else if mkdir(directory, 0o755) != 0 {
            throw failure(directory, "cannot create folder: " + String(cString: strerror(errno)))
        }
        var writer = Writer(store: store)
        var written: [WrittenFile] = []
        for (name, rows) in writer.files() where rows > 0 || name == "candidates.csv" {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            try save(writer.output(name), to: path)
            written.append(WrittenFile(name: name, rows: rows))
        }
        return written
    }

    /// The files `write` would write, by name, as bytes (for comparing two stores' contents).
    public static func files(_ store: Store) -> [String: [UInt8]] {
        var writer = Writer(store: store)
        var out: [String: [UInt8]] = [:]
        for (name, rows) in writer.files() where rows > 0 || name == "candidates.csv" { out[name] = writer.output(name) }
        return out
    }

    private static func failure(_ path: String, _ message: String) -> DiagnosticList {
        DiagnosticList([Diagnostic(file: path, line: 1, column: 1, message: message)])
    }

    private static func save(_ bytes: [UInt8], to path: String) throws(DiagnosticList) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
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
