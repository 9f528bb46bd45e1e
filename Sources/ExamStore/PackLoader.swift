import Glibc

/// The state of one pack load: the store being built, the keys seen so far and the diagnostics.
///
/// The table readers are in `PackLoader+Tables.swift`, and how files and parts of files are read
/// on both cores in `PackLoader+Parallel.swift`; this file holds what they share: opening a file
/// and matching its header, stepping through rows, reading typed values from cells, resolving
/// keys, and recording diagnostics that point at the cell.
struct PackLoader {
    let directory: String
    var store: Store
    /// The line of each review row and the field of its `qualification` cell, for the checks
    /// that need every table (`checkReviewsHaveEntries`).
    var reviewLines: [Int32] = []
    var reviewQualificationField = -1
    var reviewNewGradeField = -1
    /// A check of ExamRules on each request row (`PackImporter.load(directory:into:reviewCheck:)`).
    var reviewCheck: (@Sendable (Store, Int) -> String?)?
    /// How messages write dates (the session's `set dates`).
    var dates: DateStyle = .uk
    var interner: ByteInterner
    var errors: [Diagnostic] = []
    var errorCount = 0
    var warnings: [Diagnostic] = []
    var warningCount = 0
    /// Where Ctrl-C stopped the load.
    var cancelledAt: (file: String, line: Int)?
    /// Files of at least this many bytes are read in two parts at once (`PackLoader+Parallel.swift`).
    var halvingBytes = PackImporter.halvingBytes
    /// Opens .xlsx pack files; nil when workbooks cannot be read here.
    var workbooks: WorkbookReader?
    /// The workbooks opened, as text, by path: shared by the copies of this loader that read
    /// parts of the pack (`open` runs on the loading thread only).
    let sheets = SheetTexts()

    /// Pack file name → name on disk (`Candidates.CSV` is found too).
    var diskNames: [String: String] = [:]
    /// The files' bytes by name, when the pack is given in memory rather than read from `directory`.
    var memoryFiles: [String: [UInt8]]?
    /// The pack's files read on another thread, ahead of the loaders (files on disk only).
    var readAhead: ReadAhead?
    /// Each pack file's hash (by its name on disk), taken from the bytes as they were read.
    var fileHashes: [String: String] = [:]
    /// Files whose header was read and matched; rows pointing into a file that failed are skipped
    /// quietly (its own errors say what is wrong).
    var loaded: Set<String> = []
    /// "file|what" pairs already reported once (a missing file, a missing centre column).
    var reportedOnce: Set<String> = []
    /// Whether candidates.csv, qualifications.csv and units.csv were loaded (`loaded` without
    /// hashing a file name on every row).
    var candidatesLoaded = false, qualificationsLoaded = false, unitsLoaded = false

    var candidateRows = KeyIndex()
    var candidateLines: [Int] = []
    /// The candidate row the last row of a file named: files list a candidate's rows together and
    /// candidates in candidates.csv's order, so the next row's candidate is mostly this one or the
    /// next, found without a random lookup in `candidateRows`.
    var lastCandidate: Int32 = -1
    /// The ids of the open file's recent values, by column (`CellCache`).
    var cells = CellCache(columns: 0)
    var qualificationRows = KeyIndex()
    var qualificationLines: [Int] = []
    /// (qualification row, unit code) → unit row.
    var unitRows = KeyIndex()
    var unitLines: [Int] = []
    /// The distinct centres of candidates.csv, in order of first appearance.
    var centres: [Int32] = []
    var knownCentres = Set<Int32>()

    /// Texts by id, for messages (a local interner's ids too).
    var pool: ByteInterner { interner }

    init(directory: String, pool: StringPool) {
        self.directory = directory
        store = Store(pool: pool)
        interner = ByteInterner(pool: pool)
    }

    /// Reads every file of the pack in load order.
    mutating func run() throws(Interrupted) {
        do {
            if let memoryFiles {
                for name in memoryFiles.keys where PackImporter.isPackFileName(name) { diskNames[name.lowercased()] = name }
            } else {
                diskNames = try PackImporter.listFiles(directory)
            }
        } catch {
            record(error)
            return
        }
        takeWorkbooks()
        guard diskNames["candidates.csv"] != nil else {
            record(Diagnostic(file: directory, line: 1, column: 1,
                              message: "no candidates.csv: a data pack needs at least candidates.csv"))
            return
        }
        let known = Set(PackSchema.files.map { $0.name })
        for (lower, name) in diskNames.sorted(by: { $0.key < $1.key }) where !known.contains(lower) {
            let hint = Suggestion.closest(to: lower, among: PackSchema.files.map { $0.name })
            record(Diagnostic(.warning, file: path(name), line: 1, column: 1,
                              message: "not a data-pack file; ignored", notes: hint.map { ["did you mean '\($0)'?"] } ?? []))
        }
        if memoryFiles == nil {
            let order = ["candidates.csv", "qualifications.csv", "units.csv", "entries.csv", "achievements.csv",
                         "results.csv", "reviews.csv", "calendar.csv", "certificates.csv", "centres.csv"]
            readAhead = ReadAhead(paths: order.compactMap { diskNames[$0].flatMap { $0.lowercased().hasSuffix(".csv") ? path($0) : nil } })
        }
        defer { readAhead?.finish() }
        try loadCandidates()
        readAhead?.proceed()
        try loadQualifications()
        try loadUnits()
        try loadInParallel(["entries.csv", "achievements.csv", "results.csv", "reviews.csv", "calendar.csv", "certificates.csv",
                            "centres.csv"])
        checkReviewsHaveEntries()
        checkReviewRows()
    }

    /// Lets `candidates.xlsx` stand for `candidates.csv` (each pack file may be a workbook); both
    /// at once is an error. A workbook that is no pack file keeps its own name (and is warned of).
    mutating func takeWorkbooks() {
        let known = Set(PackSchema.files.map { $0.name })
        for lower in diskNames.keys.sorted() where lower.hasSuffix(".xlsx") {
            let name = diskNames[lower]!
            let csv = String(lower.dropLast(5)) + ".csv"
            guard known.contains(csv) else { continue }
            diskNames[lower] = nil
            if let other = diskNames[csv] {
                record(Diagnostic(file: path(name), line: 1, column: 1,
                                  message: "the pack has both \(other) and \(name); which one holds cannot be guessed",
                                  notes: ["keep one of the two files"], cell: ""))
                continue
            }
            diskNames[csv] = name
        }
    }

    /// DOMAIN.md "Post-results requests": a request is about a qualification the candidate was
    /// entered for. Reported at the row's `qualification` cell; not checked when the pack already
    /// has errors (a row of entries.csv left out would make every request of it look unentered).
    mutating func checkReviewsHaveEntries() {
        guard errorCount == 0, store.reviews.count > 0, reviewLines.count == store.reviews.count, let name = diskNames["reviews.csv"] else { return }
        // The entries of candidates with requests only: requests are few, entries many.
        var requested = [Bool](repeating: false, count: store.candidates.count)
        for c in store.reviews.candidate where c >= 0 && Int(c) < requested.count { requested[Int(c)] = true }
        var entered = Set<Int64>()
        for e in 0..<store.entries.count {
            let c = store.entries.candidate[e]
            guard c >= 0, Int(c) < requested.count, requested[Int(c)] else { continue }
            entered.insert(Int64(c) << 32 | Int64(store.entries.qualification[e]))
        }
        var bytes: [UInt8]? = nil
        for r in 0..<store.reviews.count {
            let c = store.reviews.candidate[r], q = store.reviews.qualification[r]
            guard !entered.contains(Int64(c) << 32 | Int64(q)) else { continue }
            if bytes == nil { bytes = text(of: name) }
            let line = Int(reviewLines[r])
            let at = PackLoader.cell(bytes!, line: line, field: reviewQualificationField)
            let who = store.pool[store.candidates.number[Int(c)]] + " " + store.formalName(candidate: c)
            record(Diagnostic(file: path(name), line: line, column: at.column,
                              message: "\(who) has no entry for \(store.pool[store.qualifications.code[Int(q)]]): a request is about a qualification the candidate was entered for",
                              sourceLine: at.source, length: at.length,
                              notes: ["check the candidate and the entry code, or add the entry to entries.csv"]))
        }
    }

    /// The request rows `reviewCheck` finds fault with, each an error at its `new_grade` cell.
    mutating func checkReviewRows() {
        guard errorCount == 0, let check = reviewCheck, store.reviews.count > 0,
              reviewLines.count == store.reviews.count, let name = diskNames["reviews.csv"] else { return }
        var bytes: [UInt8]? = nil
        for r in 0..<store.reviews.count {
            guard let message = check(store, r) else { continue }
            if bytes == nil { bytes = text(of: name) }
            let line = Int(reviewLines[r])
            let at = PackLoader.cell(bytes!, line: line, field: reviewNewGradeField)
            record(Diagnostic(file: path(name), line: line, column: at.column, message: message,
                              sourceLine: at.source, length: at.length))
        }
    }

    /// Where field `field` of the row starting on line `line` (from 1) is: its column (from 1, in
    /// characters), the line's text and the cell's length; column 1 when the line has no such field.
    /// The text of pack file `name` (on disk): a CSV file's bytes, a workbook's sheet as CSV text.
    func text(of name: String) -> [UInt8] {
        sheets.byPath[path(name)]?.bytes ?? memoryFiles?[name] ?? (try? CSVReader.readFile(path(name))) ?? []
    }

    static func cell(_ bytes: [UInt8], line: Int, field: Int) -> (column: Int, source: String, length: Int) {
        var start = 0, n = 1
        while n < line, let nl = bytes[start...].firstIndex(of: 10) { start = nl + 1; n += 1 }
        let end = bytes[start...].firstIndex(of: 10) ?? bytes.count
        var text = String(decoding: bytes[start..<end], as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        var index = 0, quoted = false, column = 1, cellStart = 1, length = 0
        for ch in text {
            if ch == "\"" { quoted.toggle() }
            if ch == "," && !quoted {
                if index == field { break }
                index += 1; cellStart = column + 1; length = -1
            }
            column += 1; length += 1
        }
        guard index == field, field >= 0 else { return (1, text, 1) }
        return (cellStart, text, max(length, 1))
    }

    func path(_ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    // MARK: Diagnostics

    mutating func record(_ d: Diagnostic) {
        if d.severity == .error {
            errorCount += 1
            if errors.count < PackImporter.maximumDiagnostics { errors.append(d) }
        } else {
            warningCount += 1
            if warnings.count < PackImporter.maximumDiagnostics { warnings.append(d) }
        }
    }

    /// Whether another diagnostic of this severity would be shown (so suggestions are worth working out).
    func shows(_ severity: Diagnostic.Severity) -> Bool {
        (severity == .error ? errors.count : warnings.count) < PackImporter.maximumDiagnostics
    }

    /// A diagnostic pointing at field `field` of `table`'s current row (the row's start when the
    /// column is absent).
    mutating func report(_ table: PackTable, _ field: Int, _ message: String,
                         notes: [String] = [], severity: Diagnostic.Severity = .error) {
        // Past the cap only the count matters: finding the column costs a scan of the line, and
        // thousands of those over a long line would be quadratic.
        guard shows(severity) else {
            if severity == .error { errorCount += 1 } else { warningCount += 1 }
            return
        }
        let at = table.reader.location(of: field)
        record(Diagnostic(severity, file: table.path, line: at.line, column: at.column, message: message,
                          sourceLine: at.sourceLine, length: at.length, notes: notes))
    }

    /// The kept diagnostics, the last one noting how many more were found.
    static func capped(_ list: [Diagnostic], total: Int, what: String) -> [Diagnostic] {
        var out = list
        if total > out.count, !out.isEmpty {
            let more = total - out.count
            out[out.count - 1].notes.append("... and \(Store.grouped(more)) more \(more == 1 ? what : what + "s") not shown")
        }
        return out
    }

    // MARK: Files and rows

    /// Opens a pack file and matches its header; nil when the file is absent or unusable.
    mutating func open(_ name: String) -> PackTable? {
        guard let disk = diskNames[name], let columns = PackSchema.columns(of: name) else { return nil }
        let path = self.path(disk)
        var reader: CSVReader
        do {
            if disk.lowercased().hasSuffix(".xlsx") {
                guard let sheet = openWorkbook(disk, columns) else { return nil }
                reader = CSVReader(bytes: sheet.bytes, path: path)
                try reader.validate()
            } else if let bytes = memoryFiles?[disk] {
                reader = CSVReader(bytes: bytes, path: path)
                try reader.validate()
                fileHashes[disk] = PackFingerprint.hash(bytes)
            } else if let read = readAhead?.take(path) {
                let (ahead, hash) = try read.get()
                reader = ahead
                fileHashes[disk] = hash
            } else {
                reader = try CSVReader.open(path: path)
                fileHashes[disk] = PackFingerprint.hash(reader.bytes)
            }
            guard try reader.nextRecord() else {
                record(Diagnostic(name == "candidates.csv" ? .error : .warning, file: path, line: 1, column: 1,
                                  message: "empty file: expected a header row"))
                return nil
            }
        } catch {
            record(error)
            return nil
        }
        guard reader.fields.count <= PackImporter.maximumColumns else {
            record(Diagnostic(file: path, line: 1, column: 1,
                              message: "the header has \(Store.grouped(reader.fields.count)) columns; a pack file may have at most \(Store.grouped(PackImporter.maximumColumns))",
                              notes: ["is this a pack file? DATA-PACK.md lists the columns each file has"]))
            return nil
        }
        var table = PackTable(name: name, path: path, reader: reader, headerCount: reader.fields.count)
        let spellings = PackSchema.spellings(columns)
        var written: [String] = []
        for i in 0..<reader.fields.count {
            let header = reader.string(i)
            written.append(header)
            let normal = PackSchema.normalized(header)
            if normal.isEmpty { continue }
            if let name = spellings[normal] {
                if let first = table.columns[name] {
                    report(table, i, "column '\(name)' appears twice (first as column \(first + 1) '\(reader.string(first))')")
                } else {
                    table.columns[name] = i
                }
                continue
            }
            guard shows(.warning) else {
                report(table, i, "", severity: .warning)   // only counted
                continue
            }
            let hint = Suggestion.closest(to: normal, among: spellings.keys.sorted()).flatMap { spellings[$0] }
            let shown = header.utf8.count > 80 ? String(header.prefix(60)) + "…" : header
            report(table, i, "unknown column '\(shown)' in \(name); ignored",
                   notes: hint.map { ["did you mean '\($0)'?"] } ?? [], severity: .warning)
        }
        var complete = true
        for c in columns where c.required && table.columns[c.name] == nil {
            complete = false
            record(Diagnostic(file: path, line: 1, column: 1,
                              message: "missing required column '\(c.name)'; the header has: " + written.joined(separator: ", "),
                              sourceLine: reader.sourceLine(startingAt: reader.fields[0].lineStart)))
        }
        guard complete else { return nil }
        loaded.insert(name)
        switch name {
        case "candidates.csv": candidatesLoaded = true
        case "qualifications.csv": qualificationsLoaded = true
        case "units.csv": unitsLoaded = true
        default: break
        }
        forgetRows(of: table)
        return table
    }

    /// The first sheet of workbook `disk` as CSV text (`SheetText`), kept for diagnostics; nil
    /// (recorded) when it cannot be read or a cell holds an error value.
    mutating func openWorkbook(_ disk: String, _ columns: [PackSchema.Column]) -> SheetText? {
        let path = self.path(disk)
        guard let workbooks else {
            record(Diagnostic(file: path, line: 1, column: 1, message: "Excel workbooks cannot be read here",
                              notes: ["save it as CSV (comma separated) instead"], cell: ""))
            return nil
        }
        let text: SheetText
        do throws(Diagnostic) {
            let bytes: [UInt8]
            if let given = memoryFiles?[disk] { bytes = given } else { bytes = try CSVReader.readFile(path) }
            fileHashes[disk] = PackFingerprint.hash(bytes)
            text = SheetText(try workbooks(bytes, path), columns: columns)
        } catch {
            var d = error
            if d.cell == nil { d.cell = "" }
            record(d)
            return nil
        }
        for problem in text.problems {
            record(Diagnostic(file: path, line: 1, column: 1, message: problem.message, cell: problem.cell))
        }
        guard text.problems.isEmpty else { return nil }
        sheets.byPath[path] = text
        return text
    }

    /// Names the sheet and cell of each diagnostic about a workbook, in place of the line and
    /// column of its text (whose lines it need not show), and its rows as rows.
    func namingCells(_ list: [Diagnostic]) -> [Diagnostic] {
        guard !sheets.byPath.isEmpty else { return list }
        return list.map { d in
            guard d.cell == nil, let sheet = sheets.byPath[d.file] else { return d }
            var named = d
            named.cell = sheet.cell(line: d.line, column: d.column)
            named.sourceLine = nil
            named.message = d.message.replacing(" at line ", with: " at row ")
            return named
        }
    }

    /// Starts reading rows of `table` with nothing remembered of the rows of another file.
    mutating func forgetRows(of table: PackTable) {
        lastCandidate = -1
        cells = CellCache(columns: table.headerCount)
    }

    /// Steps to the next row with data; false at the end of the file or at a broken quote.
    /// Rows longer than the header are reported and skipped; fully empty rows are skipped.
    mutating func next(_ table: inout PackTable) throws(Interrupted) -> Bool {
        while true {
            do {
                guard try table.reader.nextRecord() else { return false }
            } catch {
                record(error)
                return false
            }
            if table.end != .max, let first = table.reader.fields.first {
                if first.start >= table.end {
                    table.reachedEnd = true
                    return false
                }
                // A quoted field ran past the end: this part goes on to the end of the file.
                if table.reader.offset > table.end { table.end = .max }
            }
            table.rows += 1
            if table.rows & 4095 == 0 && Interruption.isRequested {
                cancelledAt = (table.path, table.reader.recordLine)
                throw Interrupted()
            }
            let fields = table.reader.fields
            if fields.count > table.headerCount {
                if let extra = (table.headerCount..<fields.count).first(where: { !table.reader.isBlank($0) }) {
                    report(table, extra, "this row has \(Store.grouped(fields.count)) fields but the header has \(Store.grouped(table.headerCount))")
                    continue
                }
            }
            if fields.count < table.headerCount && table.reader.endsMidLine {
                report(table, fields.count - 1, "the file ends in the middle of a row: this row has \(Store.grouped(fields.count)) of the header's \(Store.grouped(table.headerCount)) fields",
                       notes: ["was the file cut short? export it again"])
                continue
            }
            if fields.count < table.headerCount {
                report(table, fields.count - 1, "this row has \(Store.grouped(fields.count)) \(fields.count == 1 ? "field" : "fields") but the header has \(Store.grouped(table.headerCount))",
                       notes: ["a cell left out shifts the ones after it; give every column a cell, blank if need be (a,,c)"])
                continue
            }
            if let long = fields.firstIndex(where: { $0.contentEnd - $0.contentStart > PackImporter.maximumCellBytes }) {
                let size = fields[long].contentEnd - fields[long].contentStart
                report(table, long, "this cell is \(Store.grouped(size)) bytes long; a pack's cells are at most \(Store.grouped(PackImporter.maximumCellBytes))",
                       notes: fields[long].quoted ? ["a quote opened here may close too late: check the quotes in the rows after it"] : [])
                continue
            }
            if fields.allSatisfy({ $0.contentStart == $0.contentEnd }) { continue }
            return true
        }
    }

    // MARK: Values

    mutating func text(_ t: PackTable, _ c: Int) -> Int32 {
        guard c >= 0 && c < t.reader.fields.count && c < t.headerCount, !t.reader.fields[c].escaped else {
            return t.reader.withValue(c) { interner.intern($0) }
        }
        let f = t.reader.fields[c]
        guard let key = t.reader.bytes.withUnsafeBufferPointer({ CellCache.key($0, f.contentStart, f.contentEnd, quoted: f.quoted) })
        else { return t.reader.withValue(c) { interner.intern($0) } }
        if let id = cells.id(c, key) { return id }
        let id = t.reader.withValue(c) { interner.intern($0) }
        cells.set(c, key, to: id)
        return id
    }

    /// A text cell that must not be blank; nil (reported) when it is.
    mutating func requiredText(_ t: PackTable, _ c: Int, _ what: String) -> Int32? {
        let id = text(t, c)
        if id == 0 { report(t, c, "expected \(what), found a blank"); return nil }
        return id
    }

    mutating func day(_ t: PackTable, _ c: Int, required: Bool = false) -> Day {
        let (blank, parsed) = t.reader.withValue(c) { ($0.isEmpty, Day(bytes: $0)) }
        if blank {
            if required { report(t, c, "expected a date such as 2024-08-22 or 22/08/2024, found a blank") }
            return .blank
        }
        guard let d = parsed else {
            report(t, c, "expected a date such as 2024-08-22 or 22/08/2024, found '\(t.reader.string(c))'")
            return .blank
        }
        return d
    }

    mutating func bool(_ t: PackTable, _ c: Int) -> Bool {
        let value: Bool? = t.reader.withValue(c) { b in
            if b.isEmpty { return false }
            guard b.count <= 5 else { return nil }
            var word: UInt64 = 0
            for x in b { word = word << 8 | UInt64(x >= 65 && x <= 90 ? x + 32 : x) }
            switch word {
            case 0x796573, 0x79, 0x74727565, 0x31: return true             // yes y true 1
            case 0x6e6f, 0x6e, 0x66616c7365, 0x30: return false             // no n false 0
            default: return nil
            }
        }
        if let value { return value }
        report(t, c, "expected yes or no (or y/n, true/false, 1/0), found '\(t.reader.string(c))'")
        return false
    }

    /// A whole number, 0 or more; `Store.noNumber` when blank (reported when `required`) or bad.
    mutating func whole(_ t: PackTable, _ c: Int, _ what: String, required: Bool = false) -> Int32 {
        let (blank, value): (Bool, Int32?) = t.reader.withValue(c) { b in
            if b.isEmpty { return (true, nil) }
            guard b.count <= 9 else { return (false, nil) }
            var v: Int32 = 0
            for x in b {
                guard x >= 48 && x <= 57 else { return (false, nil) }
                v = v * 10 + Int32(x - 48)
            }
            return (false, v)
        }
        if let value { return value }
        if blank {
            if required { report(t, c, "expected \(what) (a whole number), found a blank") }
        } else {
            report(t, c, "expected \(what) (a whole number, 0 or more), found '\(t.reader.string(c))'")
        }
        return Store.noNumber
    }

    /// An amount of money, `7.50` or `£7.50`, in pence; `Store.noNumber` when blank or bad.
    mutating func pence(_ t: PackTable, _ c: Int) -> Int32 {
        let (blank, value): (Bool, Int32?) = t.reader.withValue(c) { b in
            if b.isEmpty { return (true, nil) }
            var i = 0
            if b.count >= 2 && b[0] == 0xC2 && b[1] == 0xA3 { i = 2 }
            var pounds: Int32 = 0, digits = 0
            while i < b.count && b[i] >= 48 && b[i] <= 57 && digits < 7 {
                pounds = pounds * 10 + Int32(b[i] - 48); i += 1; digits += 1
            }
            var pennies: Int32 = 0
            if i < b.count && b[i] == 46 {
                i += 1
                var places = 0
                while i < b.count && b[i] >= 48 && b[i] <= 57 && places < 2 {
                    pennies = pennies * 10 + Int32(b[i] - 48); i += 1; places += 1
                }
                if places == 1 { pennies *= 10 }
                if places == 0 { return (false, nil) }
            }
            guard digits > 0 || pennies > 0, i == b.count else { return (false, nil) }
            return (false, pounds * 100 + pennies)
        }
        if let value { return value }
        if !blank { report(t, c, "expected an amount such as 7.50 or £7.50, found '\(t.reader.string(c))'") }
        return Store.noNumber
    }

    /// A candidate number as written (interned) and its value; nil (reported) when not 1 to 4 digits.
    mutating func candidateNumber(_ t: PackTable, _ c: Int) -> (written: Int32, key: Int32)? {
        guard let key = candidateKey(t, c) else { return nil }
        return (text(t, c), key)
    }

    /// The value of the candidate number in cell `c`; nil (reported) when not 1 to 4 digits.
    mutating func candidateKey(_ t: PackTable, _ c: Int) -> Int32? {
        let key: Int32? = t.reader.withValue(c) { b in
            guard b.count >= 1 && b.count <= 4 else { return nil }
            var v: Int32 = 0
            for x in b {
                guard x >= 48 && x <= 57 else { return nil }
                v = v * 10 + Int32(x - 48)
            }
            return v
        }
        guard let key else {
            if t.reader.isBlank(c) {
                report(t, c, "expected a candidate number, found a blank")
            } else {
                report(t, c, "expected a candidate number of 1 to 4 digits, found '\(t.reader.string(c))'")
            }
            return nil
        }
        return key
    }

    // MARK: Keys

    /// Reports, once per file, that `file` points into `target`, which the pack lacks; false then.
    mutating func has(_ target: String, for t: PackTable) -> Bool {
        if loaded.contains(target) { return true }
        if diskNames[target] == nil && reportedOnce.insert(t.name + "|" + target).inserted {
            record(Diagnostic(file: t.path, line: 1, column: 1,
                              message: "\(t.name) refers to \(target.dropLast(4)), but the pack has no \(target)"))
        }
        return false
    }

    /// The centre of rows of a file without a centre column: the pack's only centre; nil (reported)
    /// when the pack has several.
    mutating func defaultCentre(_ t: PackTable) -> Int32? {
        if centres.count <= 1 { return centres.first ?? 0 }
        if reportedOnce.insert(t.name + "|centre").inserted {
            let list = centres.prefix(5).map { pool[$0] }.joined(separator: ", ")
            record(Diagnostic(file: t.path, line: 1, column: 1,
                              message: "\(t.name) has no centre column, but the pack has \(centres.count) centres (\(list)); add a centre column"))
        }
        return nil
    }

    /// The centre of the current row: its centre cell, or the pack's only centre when blank or absent.
    mutating func centre(_ t: PackTable, _ c: Int) -> Int32? {
        if c < 0 { return defaultCentre(t) }
        let id = text(t, c)
        if id != 0 { return id }
        if centres.count <= 1 { return centres.first ?? 0 }
        report(t, c, "expected a centre number: the pack has \(centres.count) centres")
        return nil
    }

    /// The row of the candidate named in cell `c`; nil (reported) when unknown.
    mutating func candidate(_ t: PackTable, _ c: Int, centre: Int32) -> Int32? {
        guard candidatesLoaded || has("candidates.csv", for: t), let key = candidateKey(t, c) else { return nil }
        // The last row's candidate, or the one after it in candidates.csv: checked against the
        // candidate columns, which hold each key once (duplicates were not added).
        if lastCandidate >= 0 {
            var guess = Int(lastCandidate)
            let lastKey = store.candidates.key[guess]
            if lastKey != key || store.candidates.centre[guess] != centre { guess += key > lastKey ? Int(key - lastKey) : 1 }
            if guess < store.candidates.count && store.candidates.key[guess] == key && store.candidates.centre[guess] == centre {
                lastCandidate = Int32(guess)
                return lastCandidate
            }
        }
        if let row = candidateRows.value(centre, key) { lastCandidate = row; return row }
        let number = (written: text(t, c), key: key)
        var notes: [String] = []
        if let other = centres.first(where: { candidateRows[Store.CandidateKey(centre: $0, number: number.key)] != nil }) {
            notes.append("candidate \(pool[number.written]) is at centre \(pool[other])")
        }
        let at = centre != 0 && centres.count > 1 ? " at centre \(pool[centre])" : ""
        report(t, c, "unknown candidate '\(pool[number.written])'\(at): not in candidates.csv", notes: notes)
        return nil
    }

    /// The row of the qualification whose entry code is in cell `c`; nil (reported) when unknown.
    mutating func qualification(_ t: PackTable, _ c: Int) -> Int32? {
        guard qualificationsLoaded || has("qualifications.csv", for: t),
              let code = requiredText(t, c, "a qualification entry code") else { return nil }
        if let row = qualificationRows.value(code, 0) { return row }
        var notes: [String] = []
        if shows(.error), let hint = Suggestion.closest(to: pool[code], among: store.qualifications.code.map { pool[$0] }) {
            notes.append("did you mean '\(hint)'?")
        }
        report(t, c, "unknown qualification '\(pool[code])': not in qualifications.csv", notes: notes)
        return nil
    }

    /// The row of unit `c` of qualification row `qualification`; nil (reported) when unknown.
    mutating func unit(_ t: PackTable, _ c: Int, qualification: Int32) -> Int32? {
        guard unitsLoaded || has("units.csv", for: t), let code = requiredText(t, c, "a unit") else { return nil }
        if let row = unitRows.value(qualification, code) { return row }
        var notes: [String] = []
        if shows(.error) {
            let codes = (0..<store.units.count).filter { store.units.qualification[$0] == qualification }
                .map { pool[store.units.code[$0]] }
            if let hint = Suggestion.closest(to: pool[code], among: codes) { notes.append("did you mean '\(hint)'?") }
        }
        let q = pool[store.qualifications.code[Int(qualification)]]
        report(t, c, "unknown unit '\(pool[code])' of qualification \(q): not in units.csv", notes: notes)
        return nil
    }
}

/// The workbooks of a load, as text, by path (`PackLoader.sheets`).
final class SheetTexts: @unchecked Sendable {
    var byPath: [String: SheetText] = [:]
}

/// A value handed to other threads whose safe use the code around it guarantees.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// One open pack file: its reader positioned on a row, and where each known column is.
struct PackTable {
    let name: String
    let path: String
    var reader: CSVReader
    let headerCount: Int
    /// Canonical column name → field index.
    var columns: [String: Int] = [:]
    /// Rows read so far (the header not counted).
    var rows = 0
    /// Where this reader's part of the file ends (`loadInParallel`): a row starting here or later
    /// is the next part's. `reachedEnd` once a row was found there.
    var end = Int.max
    var reachedEnd = false

    init(name: String, path: String, reader: CSVReader, headerCount: Int) {
        self.name = name
        self.path = path
        self.reader = reader
        self.headerCount = headerCount
    }

    /// The field index of a column, -1 when the file does not have it.
    func column(_ name: String) -> Int { columns[name] ?? -1 }

    /// The line of the current row.
    var line: Int { reader.recordLine }
}

/// The parsed values of a closed vocabulary by interned id, so each distinct spelling is parsed once.
struct ChoiceCache<Value> {
    private var known: [Int32: Value?] = [:]

    mutating func value(_ id: Int32, in pool: ByteInterner, parse: (String) -> Value?) -> Value? {
        if let v = known[id] { return v }
        let v = parse(pool[id])
        known[id] = v
        return v
    }
}
