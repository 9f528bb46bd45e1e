/// A worksheet written out as the CSV text of a pack file, so that the pack reader reads a
/// workbook by the same code, rules and column declarations as a CSV file; and the way back from
/// a place in that text (line, column) to the cell it came from (`Sheet1!B7`).
///
/// Row N of the sheet is line N of the text (every row is written, blank ones as blank fields),
/// and column A field 0. A cell's value is written as the column its header names reads it:
/// - a number in a date column is a day serial, written as its date (2024-08-22);
/// - a whole number in the `candidate` column is written with four digits (42 → 0042), and in
///   the `centre` column with five: spreadsheets drop the leading zeros of numbers;
/// - money is written to the penny; other numbers as they are (12, 7.5);
/// - a date (a number with a date format) as its date, TRUE/FALSE as words, text as it is;
/// - a formula's error value (`#N/A`) is an error at its cell.
package struct SheetText: Sendable {
    /// The sheet's name, for cell names.
    package let sheet: String
    /// The text, as a CSV file's bytes.
    package private(set) var bytes: [UInt8] = []
    /// Cells that cannot be read (a formula's error value), at their cells.
    package private(set) var problems: [(cell: String, message: String)] = []
    /// For each line of the text (from line 1): its sheet row, the field it starts in, and
    /// whether it starts inside a quoted field (a cell holding a line break goes on over lines).
    private var lines: [(row: Int, field: Int, quoted: Bool)] = []

    private enum Kind { case plain, date, digits(Int), money }

    package init(_ sheet: Sheet, columns: [PackSchema.Column]) {
        self.sheet = sheet.name
        let header = sheet.rows.first ?? []
        let width = (header.lastIndex { $0 != .blank } ?? -1) + 1
        guard width > 0 else { return }
        let spellings = PackSchema.spellings(columns)
        var kinds: [Kind] = []
        for cell in header.prefix(width) {
            let name = spellings[PackSchema.normalized(Self.text(cell))]
            let column = columns.first { $0.name == name }
            switch (name, column?.type) {
            case ("candidate", _): kinds.append(.digits(4))
            case ("centre", _): kinds.append(.digits(5))
            case (_, "date"): kinds.append(.date)
            case (_, "money"): kinds.append(.money)
            default: kinds.append(.plain)
            }
        }
        bytes.reserveCapacity(sheet.rows.count * width * 8)
        for (r, row) in sheet.rows.enumerated() {
            lines.append((r + 1, 0, false))
            let fields = max(width, (row.lastIndex { $0 != .blank } ?? -1) + 1)
            for c in 0..<fields {
                if c > 0 { bytes.append(44) }
                let cell = c < row.count ? row[c] : .blank
                let text = r == 0 ? Self.text(cell) : value(cell, c < kinds.count ? kinds[c] : .plain, sheet, row: r + 1, column: c)
                append(text, row: r + 1, field: c)
            }
            bytes.append(10)
        }
    }

    /// A header cell's text.
    private static func text(_ cell: Sheet.Cell) -> String {
        switch cell {
        case .blank: ""
        case .text(let s): s
        case .number(let v): Sheet.numberText(v)
        case .bool(let b): b ? "TRUE" : "FALSE"
        case .date(let d): d.iso
        case .error(let e): e
        }
    }

    private mutating func value(_ cell: Sheet.Cell, _ kind: Kind, _ sheet: Sheet, row: Int, column: Int) -> String {
        switch (cell, kind) {
        case (.number(let v), .date):
            if let day = sheet.day(serial: v) { return day.iso }
            problems.append((sheet.name + "!" + Sheet.cellName(column: column, row: row),
                             "expected a date, found the number \(Sheet.numberText(v)), which is no date"))
            return ""
        case (.number(let v), .digits(let n)) where v >= 0 && v == v.rounded() && v < 1e9:
            let digits = String(Int(v))
            return String(repeating: "0", count: max(0, n - digits.count)) + digits
        case (.number(let v), .money):
            let pence = (v * 100).rounded()
            return abs(v * 100 - pence) < 1e-6 ? Sheet.numberText(pence / 100) : Sheet.numberText(v)
        case (.error(let e), _):
            problems.append((sheet.name + "!" + Sheet.cellName(column: column, row: row),
                             "expected a value, found the spreadsheet error \(e): the formula in this cell failed"))
            return ""
        default:
            return Self.text(cell)
        }
    }

    /// Appends a field, quoted when it holds a comma, a quote or a line break (a line break,
    /// whichever way written, as one LF: each starts a line of the text).
    private mutating func append(_ text: String, row: Int, field: Int) {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(34)
        var previous: UInt8 = 0
        for b in utf8 {
            switch b {
            case 34: bytes.append(34); bytes.append(34)
            case 13: bytes.append(10); lines.append((row, field, true))
            case 10 where previous == 13: break
            case 10: bytes.append(10); lines.append((row, field, true))
            default: bytes.append(b)
            }
            previous = b
        }
        bytes.append(34)
    }

    /// The cell at character `column` of line `line` of the text (`Sheet1!B7`); the sheet's name
    /// alone when the line is past the text.
    package func cell(line: Int, column: Int) -> String {
        guard line >= 1 && line <= lines.count else { return sheet }
        let start = lines[line - 1]
        var offset = 0, n = 1
        while n < line, let nl = bytes[offset...].firstIndex(of: 10) { offset = nl + 1; n += 1 }
        var field = start.field, quoted = start.quoted, at = 1
        let end = bytes[offset...].firstIndex(of: 10) ?? bytes.count
        for scalar in String(decoding: bytes[offset..<end], as: UTF8.self).unicodeScalars {
            if at >= column { break }
            if scalar == "\"" { quoted.toggle() } else if scalar == "," && !quoted { field += 1 }
            at += 1
        }
        return sheet + "!" + Sheet.cellName(column: field, row: start.row)
    }
}
