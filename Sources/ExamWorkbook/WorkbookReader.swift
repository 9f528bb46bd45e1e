import ExamStore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Excel workbooks (.xlsx: Office Open XML spreadsheets, ECMA-376): the first worksheet read
/// into a `Sheet`, and answers written as workbooks (`WorkbookWriter`).
///
/// A workbook is a zip archive (read with ZIPFoundation) of XML parts (read with Foundation's
/// XMLParser): `xl/workbook.xml` lists the sheets in tab order and the date system,
/// `xl/_rels/workbook.xml.rels` where each sheet's part is, `xl/sharedStrings.xml` the texts
/// cells point at by number, `xl/styles.xml` which cell styles show numbers as dates.
package enum Workbook {
    /// The largest part read, uncompressed: far past any pack's sheet, and a guard against a zip bomb.
    static let maximumPartBytes: UInt64 = 1 << 31

    /// The first worksheet of the workbook `bytes` (`path` names it in diagnostics), every cell typed.
    package static func firstSheet(_ bytes: [UInt8], path: String) throws(Diagnostic) -> Sheet {
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw refusal(path, bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0])
                ? "an old-style Excel file (.xls) or an encrypted workbook, not an .xlsx workbook"
                : "not an Excel workbook (.xlsx): it is not a zip archive",
                note: "open it in Excel or LibreOffice and save it as Excel Workbook (.xlsx), or as CSV")
        }
        guard let workbookXML = try part(archive, "xl/workbook.xml", path) else {
            throw refusal(path, "not an Excel workbook (.xlsx): it has no xl/workbook.xml",
                          note: "save it from a spreadsheet program as Excel Workbook (.xlsx)")
        }
        let book = WorkbookPart()
        try parse(workbookXML, book, path, "xl/workbook.xml")
        guard let first = book.sheets.first else {
            throw refusal(path, "the workbook has no worksheet", note: "a pack file's rows are on the workbook's first sheet")
        }
        let relations = Relations()
        if let rels = try part(archive, "xl/_rels/workbook.xml.rels", path) { try parse(rels, relations, path, "xl/_rels/workbook.xml.rels") }
        guard let target = relations.targets[first.relation] else {
            throw refusal(path, "the workbook's first sheet '\(first.name)' has no part in the archive")
        }
        let sheetPath = resolve(target)
        guard let sheetXML = try part(archive, sheetPath, path) else {
            throw refusal(path, "the workbook's first sheet '\(first.name)' has no part \(sheetPath) in the archive")
        }
        let strings = SharedStrings()
        let stringsPath = relations.sharedStrings.map(resolve) ?? "xl/sharedStrings.xml"
        if let xml = try part(archive, stringsPath, path) { try parse(xml, strings, path, stringsPath) }
        let styles = Styles()
        let stylesPath = relations.styles.map(resolve) ?? "xl/styles.xml"
        if let xml = try part(archive, stylesPath, path) { try parse(xml, styles, path, stylesPath) }
        let sheet = SheetPart(name: first.name, strings: strings.items, dateStyles: styles.dateStyles(),
                              dates1904: book.dates1904, path: path)
        try parse(sheetXML, sheet, path, sheetPath)
        if let problem = sheet.problem { throw problem }
        return Sheet(name: first.name, rows: sheet.rows, dates1904: book.dates1904)
    }

    /// A diagnostic about the file as a whole.
    static func refusal(_ path: String, _ message: String, note: String? = nil) -> Diagnostic {
        Diagnostic(file: path, line: 1, column: 1, message: message, notes: note.map { [$0] } ?? [], cell: "")
    }

    /// A part's path in the archive from a relation's target (relative to `xl/`, or absolute).
    static func resolve(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = ["xl"]
        for piece in target.split(separator: "/") {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    /// The bytes of part `name`, nil when the archive lacks it.
    static func part(_ archive: Archive, _ name: String, _ path: String) throws(Diagnostic) -> Data? {
        guard let entry = archive[name] else { return nil }
        guard entry.uncompressedSize <= maximumPartBytes else {
            throw refusal(path, "the workbook's part \(name) is too large to read (\(entry.uncompressedSize) bytes)")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            throw refusal(path, "the workbook is damaged: its part \(name) cannot be unpacked (\(error))",
                          note: "open it in Excel or LibreOffice and save it again")
        }
        return data
    }

    static func parse(_ data: Data, _ delegate: NSObject & XMLParserDelegate, _ path: String, _ part: String) throws(Diagnostic) {
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldProcessNamespaces = false
        if !parser.parse() {
            if let sheet = delegate as? SheetPart, let problem = sheet.problem { throw problem }
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "not well-formed XML"
            throw refusal(path, "the workbook is damaged: its part \(part) is not readable XML at line \(parser.lineNumber) (\(reason))",
                          note: "open it in Excel or LibreOffice and save it again")
        }
    }

    /// The local name of an element or attribute (`x:sheet` → `sheet`).
    static func local(_ name: String) -> Substring {
        guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
        return name[name.index(after: colon)...]
    }

    /// Text as stored in a part, with the `_xHHHH_` escapes of characters XML cannot hold undone.
    static func unescaped(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        var out = "", rest = Substring(s)
        while let start = rest.range(of: "_x") {
            out += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                out.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }
}

/// `xl/workbook.xml`: the sheets in tab order, and the date system.
final class WorkbookPart: NSObject, XMLParserDelegate {
    var sheets: [(name: String, relation: String)] = []
    var dates1904 = false

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch Workbook.local(element) {
        case "sheet":
            let relation = attributes.first { Workbook.local($0.key) == "id" }?.value ?? ""
            sheets.append((attributes["name"] ?? "Sheet\(sheets.count + 1)", relation))
        case "workbookPr":
            let v = attributes["date1904"]?.lowercased()
            dates1904 = v == "1" || v == "true"
        default: break
        }
    }
}

/// A `.rels` part: each relation's target by id, and the workbook's shared strings and styles.
final class Relations: NSObject, XMLParserDelegate {
    var targets: [String: String] = [:]
    var sharedStrings: String?
    var styles: String?

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard Workbook.local(element) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        targets[id] = target
        let type = attributes["Type"] ?? ""
        if type.hasSuffix("/sharedStrings") { sharedStrings = target }
        if type.hasSuffix("/styles") { styles = target }
    }
}

/// `xl/sharedStrings.xml`: each `<si>`'s text, its runs joined (phonetic guides left out).
final class SharedStrings: NSObject, XMLParserDelegate {
    var items: [String] = []
    private var current = "", inText = false, phonetic = 0

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch Workbook.local(element) {
        case "si": current = ""
        case "t": inText = phonetic == 0
        case "rPh": phonetic += 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch Workbook.local(element) {
        case "si": items.append(Workbook.unescaped(current))
        case "t": inText = false
        case "rPh": phonetic -= 1
        default: break
        }
    }
}

/// `xl/styles.xml`: which cell styles (`<cellXfs>`, by index) show numbers as dates.
final class Styles: NSObject, XMLParserDelegate {
    private var formats: [Int: String] = [:]
    private var cellStyleFormats: [Int] = []
    private var inCellXfs = false

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch Workbook.local(element) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }) { formats[id] = attributes["formatCode"] ?? "" }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: cellStyleFormats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if Workbook.local(element) == "cellXfs" { inCellXfs = false }
    }

    /// For each cell style, whether it shows a date.
    func dateStyles() -> [Bool] {
        cellStyleFormats.map { id in
            if let code = formats[id] { return Self.isDateFormat(code) }
            // The built-in formats that show dates (ECMA-376 18.8.30, and the East Asian ones).
            return (14...17).contains(id) || id == 22 || (27...36).contains(id) || (50...58).contains(id)
        }
    }

    /// Whether a number format shows a date: it has a day, month or year code outside quotes,
    /// escapes and `[...]` (colours, conditions, elapsed time).
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false, bracket = false, escaped = false
        for ch in code.lowercased() {
            if escaped { escaped = false; continue }
            switch ch {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            case "d", "y":
                // `m` alone may be minutes (h:mm): a date has a day or a year too.
                if !quoted && !bracket { return true }
            default: break
            }
        }
        return false
    }
}

/// A worksheet part: its `<c>` cells into rows of typed cells.
final class SheetPart: NSObject, XMLParserDelegate {
    let name: String
    let strings: [String]
    let dateStyles: [Bool]
    let dates1904: Bool
    let path: String
    var rows: [[Sheet.Cell]] = []
    /// The first cell found unreadable; parsing stops there.
    var problem: Diagnostic?

    private var row = 0, column = 0
    private var type = "", style = 0, reference = ""
    private var value = "", inline = "", inValue = false, inInlineText = false, phonetic = 0

    init(name: String, strings: [String], dateStyles: [Bool], dates1904: Bool, path: String) {
        self.name = name
        self.strings = strings
        self.dateStyles = dateStyles
        self.dates1904 = dates1904
        self.path = path
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch Workbook.local(element) {
        case "row":
            row = attributes["r"].flatMap { Int($0) } ?? row + 1
            column = 0
        case "c":
            reference = attributes["r"] ?? ""
            if let at = Self.position(reference) {
                if at.row > 0 { row = at.row }
                column = at.column
            }
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap { Int($0) } ?? 0
            value = ""; inline = ""
        case "v": inValue = true
        case "t": inInlineText = phonetic == 0
        case "rPh": phonetic += 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string } else if inInlineText { inline += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch Workbook.local(element) {
        case "v": inValue = false
        case "t": inInlineText = false
        case "rPh": phonetic -= 1
        case "c":
            let cell = self.cell()
            if problem != nil { parser.abortParsing(); return }
            if cell != .blank { put(cell) }
            column += 1
        default: break
        }
    }

    private var here: String { Sheet.cellName(column: column, row: max(row, 1)) }

    private func fail(_ message: String, note: String? = nil) {
        problem = Diagnostic(file: path, line: 1, column: 1, message: message, notes: note.map { [$0] } ?? [],
                             cell: name + "!" + here)
    }

    /// The current `<c>` as a typed cell.
    private func cell() -> Sheet.Cell {
        switch type {
        case "s":
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), index >= 0, index < strings.count else {
                fail("the cell points at shared string \(value.isEmpty ? "(none)" : value), but the workbook has \(strings.count)",
                     note: "the workbook is damaged: open it in Excel or LibreOffice and save it again")
                return .blank
            }
            return strings[index].isEmpty ? .blank : .text(strings[index])
        case "inlineStr":
            let text = Workbook.unescaped(inline)
            return text.isEmpty ? .blank : .text(text)
        case "str":
            let text = Workbook.unescaped(value)
            return text.isEmpty ? .blank : .text(text)
        case "b":
            return .bool(value.trimmingCharacters(in: .whitespaces) == "1" || value.lowercased() == "true")
        case "e":
            return .error(value)
        case "d":
            // An ISO 8601 date (strict Open XML): its day.
            let day = value.prefix(10)
            if let d = Day(parsing: String(day)) { return .date(d) }
            fail("expected a date such as 2024-08-22 in this date cell, found '\(value)'")
            return .blank
        default:
            let text = value.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return .blank }
            guard let number = Double(text), number.isFinite else {
                fail("expected a number in this cell, found '\(text)'",
                     note: "the workbook is damaged: open it in Excel or LibreOffice and save it again")
                return .blank
            }
            if style >= 0 && style < dateStyles.count && dateStyles[style] {
                let sheet = Sheet(name: name, rows: [], dates1904: dates1904)
                if let day = sheet.day(serial: number) { return .date(day) }
            }
            return .number(number)
        }
    }

    private func put(_ cell: Sheet.Cell) {
        guard row >= 1 else { return }
        if rows.count < row { rows += Array(repeating: [], count: row - rows.count) }
        if rows[row - 1].count <= column {
            rows[row - 1] += Array(repeating: .blank, count: column - rows[row - 1].count + 1)
        }
        rows[row - 1][column] = cell
    }

    /// `B7` → row 7, column 1 (from 0); a reference without a row gives row 0.
    static func position(_ reference: String) -> (row: Int, column: Int)? {
        var column = 0, row = 0, letters = 0
        for u in reference.utf8 {
            switch u {
            case 65...90: column = column * 26 + Int(u - 64); letters += 1
            case 97...122: column = column * 26 + Int(u - 96); letters += 1
            case 48...57: row = row * 10 + Int(u - 48)
            case 36: continue
            default: return nil
            }
            if letters > 3 || row > 1_048_576 { return nil }
        }
        return letters == 0 ? nil : (row, column - 1)
    }
}
