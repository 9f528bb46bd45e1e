import Glibc

/// What a pack load gives back: a new store, ready to swap in, and the warnings to show.
public struct PackLoad: Sendable {
    public var store: Store
    package var warnings: [Diagnostic]
    /// What the pack files held, hashed as they were read.
    package var fingerprint: PackFingerprint
    package init(store: Store, warnings: [Diagnostic], fingerprint: PackFingerprint) {
        self.store = store
        self.warnings = warnings
        self.fingerprint = fingerprint
    }
}

/// Loads a data pack (a folder of CSV files, DATA-PACK.md) into a new `Store`, all or nothing.
///
/// Every error in the pack is collected (up to `maximumDiagnostics`, the last one then noting how
/// many more there were) and thrown together; the store is returned only when there were none, so
/// the caller swaps it in and a failed load changes nothing. Ctrl-C (`Interruption`) is polled every
/// 4,096 rows and ends the load with the single error "load cancelled (Ctrl-C): nothing was loaded".
public enum PackImporter {
    /// How many errors (and, separately, warnings) are kept; the rest are only counted.
    package static let maximumDiagnostics = 50
    /// The longest cell, in bytes, a pack may hold: far beyond any name, code or date, and short
    /// enough that a runaway quoted field (or a file that is not a pack) is reported, not interned.
    package static let maximumCellBytes = 65_536
    /// The most columns a pack file's header may have.
    package static let maximumColumns = 1_000
    /// Files of at least this many bytes are read in two parts at once, one per core.
    package static let halvingBytes = 1 << 20

    /// `reviewCheck`, where given, is asked about every request row once the pack is otherwise
    /// free of errors (the rules of ExamRules, such as a `new_grade` on its scale); a message it
    /// gives is an error at the row's `new_grade` cell. Messages write dates in `dates`.
    /// `workbooks`, where given, reads a pack file given as an Excel workbook (`candidates.xlsx`).
    public static func load(directory: String, into pool: StringPool = StringPool(),
                            workbooks: WorkbookReader? = nil,
                            reviewCheck: (@Sendable (Store, Int) -> String?)? = nil,
                            dates: DateStyle = .uk) throws(DiagnosticList) -> PackLoad {
        var loader = PackLoader(directory: directory, pool: pool)
        loader.reviewCheck = reviewCheck
        loader.workbooks = workbooks
        loader.dates = dates
        return try load(loader)
    }

    /// Loads a pack given as file name → bytes instead of a folder on disk, exactly as `load(directory:)`
    /// would load a folder holding those files (for tests and the fuzzers); diagnostics name
    /// `directory/FILE`. `halvingBytes` lowered, small files are read in two parts as large ones
    /// are, so that tests and the fuzzers can check that both ways load the same.
    package static func load(files: [String: [UInt8]], directory: String = "pack",
                            into pool: StringPool = StringPool(), workbooks: WorkbookReader? = nil,
                            halvingBytes: Int = PackImporter.halvingBytes) throws(DiagnosticList) -> PackLoad {
        var loader = PackLoader(directory: directory, pool: pool)
        loader.memoryFiles = files
        loader.workbooks = workbooks
        loader.halvingBytes = halvingBytes
        return try load(loader)
    }

    private static func load(_ start: PackLoader) throws(DiagnosticList) -> PackLoad {
        var loader = start
        let directory = loader.directory
        do {
            try loader.run()
        } catch {
            let at = loader.cancelledAt ?? (directory, 1)
            throw DiagnosticList([Diagnostic(file: at.file, line: at.line, column: 1,
                                             message: "load cancelled (Ctrl-C): nothing was loaded")])
        }
        if loader.errorCount > 0 {
            throw DiagnosticList(loader.namingCells(PackLoader.capped(loader.errors, total: loader.errorCount, what: "error")))
        }
        var store = loader.store
        BuiltInCalendar.add(to: &store)
        store.source = directory
        store.reindex()
        return PackLoad(store: store,
                        warnings: loader.namingCells(PackLoader.capped(loader.warnings, total: loader.warningCount, what: "warning")),
                        fingerprint: PackFingerprint(files: loader.fileHashes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
    }

    /// Whether a file may be part of a pack by its name: CSV, or an Excel workbook (not the
    /// `~$` lock file Excel leaves beside a workbook it has open).
    static func isPackFileName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".csv") || (lower.hasSuffix(".xlsx") && !lower.hasPrefix("~$"))
    }

    /// The CSV and workbook files in `directory`, by lower-cased name → name on disk; a diagnostic when the
    /// folder is missing or is not a folder.
    static func listFiles(_ directory: String) throws(Diagnostic) -> [String: String] {
        var info = stat()
        guard stat(directory, &info) == 0 else {
            throw Diagnostic(file: directory, line: 1, column: 1, message: "no such folder: a data pack is a folder of CSV files")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw Diagnostic(file: directory, line: 1, column: 1, message: "not a folder: a data pack is a folder of CSV files")
        }
        guard let dir = opendir(directory) else {
            throw Diagnostic(file: directory, line: 1, column: 1, message: "cannot open folder: " + String(cString: strerror(errno)))
        }
        defer { closedir(dir) }
        var names: [String: String] = [:]
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            let lower = name.lowercased()
            if isPackFileName(lower) { names[lower] = name }
        }
        return names
    }
}
