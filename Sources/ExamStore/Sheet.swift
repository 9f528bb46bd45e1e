/// The first worksheet of a spreadsheet workbook, as a pack file or a broadsheet reads it: its name
/// and its cells by row (row 1 first), each a typed value as the workbook stores it.
///
/// ExamStore does not open workbooks itself: it is handed a `WorkbookReader` (ExamWorkbook's, for
/// .xlsx) and reads the sheet it gives through the same column declarations as a CSV file
/// (`SheetText`), so a workbook is read by exactly the rules a CSV file is.
public struct Sheet: Sendable, Equatable {
    public enum Cell: Sendable, Equatable {
        case blank
        case text(String)
        /// A number; a day serial when its column holds dates.
        case number(Double)
        case bool(Bool)
        /// A number shown as a date (a date format), already turned into a day.
        case date(Day)
        /// A formula's error value, such as `#N/A`.
        case error(String)
    }

    /// The sheet's name as its tab shows it (`Sheet1`).
    package var name: String
    /// Cells by row from row 1, each row from column A; missing cells at a row's end are blank.
    package var rows: [[Cell]]
    /// Whether day serials count from 1904-01-01 (a Mac workbook's date system) rather than 1900.
    package var dates1904: Bool

    package init(name: String, rows: [[Cell]], dates1904: Bool = false) {
        self.name = name
        self.rows = rows
        self.dates1904 = dates1904
    }

    /// The day of a day serial in this workbook's date system; nil when it is no day (below 1,
    /// 1900's day 60, which Excel counts as 29 February 1900, or past 9999).
    package func day(serial: Double) -> Day? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        if dates1904 { return Day(year: 1904, month: 1, day: 1)!.adding(days: whole) }
        // Serial 1 is 1900-01-01; Excel counts a 29 February 1900 as serial 60, so serials from 61 are one day later.
        guard whole >= 1, whole != 60 else { return nil }
        return Day(year: 1899, month: 12, day: whole < 60 ? 31 : 30)!.adding(days: whole)
    }

    /// The day serial of `day` in the 1900 system (what a workbook written by exq stores).
    package static func serial1900(_ day: Day) -> Double {
        let n = Int(day.number) - Int(Day(year: 1899, month: 12, day: 30)!.number)
        return Double(n < 61 ? n - 1 : n)
    }

    /// A sheet name from a file name (`at_risk` for `out/at_risk.xlsx`): without the characters a
    /// sheet's name may not hold (`[]:*?/\`), at most 31 characters.
    package static func name(forFile path: String) -> String {
        var base = Substring(path)
        if let slash = base.lastIndex(of: "/") { base = base[base.index(after: slash)...] }
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        let name = String(base.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        return name.isEmpty || name.hasPrefix("'") ? "Sheet1" : name
    }

    /// A cell's name: `B7` for column 1 (from 0) of row 7.
    package static func cellName(column: Int, row: Int) -> String { columnLetters(column) + String(row) }

    /// `A` for column 0, `Z`, `AA` ...
    package static func columnLetters(_ column: Int) -> String {
        var n = column + 1, letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters)
    }

    /// A number as a cell's text: whole numbers without a point, others in the fewest digits that read back.
    package static func numberText(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }
}

/// Reads the first worksheet of the workbook whose bytes are given (`path` names it in
/// diagnostics). A diagnostic with `cell` set to the sheet and cell when one is to blame, and to
/// "" when the file as a whole is (not a workbook, no sheet).
public typealias WorkbookReader = @Sendable (_ bytes: [UInt8], _ path: String) throws(Diagnostic) -> Sheet

/// A sheet (and a diagnostic) as bytes, for handing between exq and its workbook helper
/// (`exq-xlsx`, which links the libraries that read and write .xlsx so that exq itself starts
/// without them). A tag byte per item; texts and numbers as their UTF-8 or bit pattern.
package enum SheetCoding {
    static let magic = Array("exq-sheet 1\n".utf8)

    package static func encode(_ sheet: Sheet) -> [UInt8] {
        var out = magic
        text(sheet.name, &out)
        out.append(sheet.dates1904 ? 1 : 0)
        for row in sheet.rows {
            out.append(UInt8(ascii: "R"))
            for cell in row {
                switch cell {
                case .blank: out.append(UInt8(ascii: "_"))
                case .text(let s): out.append(UInt8(ascii: "T")); text(s, &out)
                case .number(let v): out.append(UInt8(ascii: "N")); word(v.bitPattern, &out)
                case .bool(let b): out.append(b ? UInt8(ascii: "Y") : UInt8(ascii: "F"))
                case .date(let d): out.append(UInt8(ascii: "D")); word(UInt64(UInt32(bitPattern: d.number)), &out)
                case .error(let e): out.append(UInt8(ascii: "E")); text(e, &out)
                }
            }
        }
        return out
    }

    /// The sheet encoded in `bytes`; nil when they are not one.
    package static func decode(_ bytes: [UInt8]) -> Sheet? {
        guard bytes.starts(with: magic) else { return nil }
        var i = magic.count
        guard let name = text(bytes, &i), i < bytes.count else { return nil }
        var sheet = Sheet(name: name, rows: [], dates1904: bytes[i] == 1)
        i += 1
        while i < bytes.count {
            let tag = bytes[i]
            i += 1
            switch tag {
            case UInt8(ascii: "R"): sheet.rows.append([])
            case _ where sheet.rows.isEmpty: return nil
            case UInt8(ascii: "_"): sheet.rows[sheet.rows.count - 1].append(.blank)
            case UInt8(ascii: "T"): guard let s = text(bytes, &i) else { return nil }; sheet.rows[sheet.rows.count - 1].append(.text(s))
            case UInt8(ascii: "N"): guard let w = word(bytes, &i) else { return nil }; sheet.rows[sheet.rows.count - 1].append(.number(Double(bitPattern: w)))
            case UInt8(ascii: "Y"): sheet.rows[sheet.rows.count - 1].append(.bool(true))
            case UInt8(ascii: "F"): sheet.rows[sheet.rows.count - 1].append(.bool(false))
            case UInt8(ascii: "D"):
                guard let w = word(bytes, &i) else { return nil }
                sheet.rows[sheet.rows.count - 1].append(.date(Day(number: Int32(bitPattern: UInt32(truncatingIfNeeded: w)))))
            case UInt8(ascii: "E"): guard let s = text(bytes, &i) else { return nil }; sheet.rows[sheet.rows.count - 1].append(.error(s))
            default: return nil
            }
        }
        return sheet
    }

    /// A diagnostic about a workbook: its cell, message and notes.
    package static func encode(_ d: Diagnostic) -> [UInt8] {
        var out = Array("exq-problem 1\n".utf8)
        text(d.cell ?? "", &out)
        text(d.message, &out)
        for note in d.notes { text(note, &out) }
        return out
    }

    package static func decodeProblem(_ bytes: [UInt8], path: String) -> Diagnostic? {
        let head = Array("exq-problem 1\n".utf8)
        guard bytes.starts(with: head) else { return nil }
        var i = head.count
        guard let cell = text(bytes, &i), let message = text(bytes, &i) else { return nil }
        var notes: [String] = []
        while i < bytes.count, let note = text(bytes, &i) { notes.append(note) }
        return Diagnostic(file: path, line: 1, column: 1, message: message, notes: notes, cell: cell)
    }

    static func text(_ s: String, _ out: inout [UInt8]) {
        let utf8 = Array(s.utf8)
        word(UInt64(utf8.count), &out)
        out += utf8
    }

    static func word(_ w: UInt64, _ out: inout [UInt8]) {
        for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: w >> (8 * k))) }
    }

    static func word(_ bytes: [UInt8], _ i: inout Int) -> UInt64? {
        guard i + 8 <= bytes.count else { return nil }
        var w: UInt64 = 0
        for k in 0..<8 { w |= UInt64(bytes[i + k]) << (8 * k) }
        i += 8
        return w
    }

    static func text(_ bytes: [UInt8], _ i: inout Int) -> String? {
        guard let n = word(bytes, &i), n <= UInt64(bytes.count - i) else { return nil }
        let s = String(decoding: bytes[i..<i + Int(n)], as: UTF8.self)
        i += Int(n)
        return s
    }
}
