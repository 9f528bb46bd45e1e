import ExamStore
import Foundation
import ZIPFoundation

extension Workbook {
    /// `sheet` as an .xlsx workbook of one sheet: row 1 a bold header, frozen, with a filter over
    /// every column; each column as wide as its longest value (within bounds). Every cell is a
    /// value, never a formula: text (an inline string, formatted as text so that numbers such as
    /// a candidate number keep their leading zeros, and a text starting with `=` stays text),
    /// numbers as numbers, dates as dates shown DD/MM/YYYY, yes/no as TRUE/FALSE.
    /// The same sheet gives the same bytes (the parts carry a fixed date).
    package static func write(_ sheet: Sheet) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", rootRelations),
            ("xl/workbook.xml", workbook(sheet)),
            ("xl/_rels/workbook.xml.rels", workbookRelations),
            ("xl/styles.xml", styles),
            ("xl/worksheets/sheet1.xml", worksheet(sheet)),
        ]
        let fixed = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01, the first date a zip can hold
        for (name, xml) in parts {
            let data = Data(xml.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixed,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data ?? Data())
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static let contentTypes = declaration + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        </Types>
        """

    static let rootRelations = declaration + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(relationships)/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    static let workbookRelations = declaration + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(relationships)/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="\(relationships)/styles" Target="styles.xml"/>\
        </Relationships>
        """

    /// Cell styles by index: 0 general (numbers, TRUE/FALSE), 1 the header (bold text), 2 a date
    /// (DD/MM/YYYY), 3 text.
    static let styles = declaration + """
        <styleSheet xmlns="\(main)">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="4">\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        </cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """

    /// The range the sheet's cells cover (`A1:H10`).
    static func range(_ sheet: Sheet) -> String {
        let columns = max(1, sheet.rows.map(\.count).max() ?? 1)
        return "A1:" + Sheet.cellName(column: columns - 1, row: max(1, sheet.rows.count))
    }

    static func workbook(_ sheet: Sheet) -> String {
        let name = escaped(sheet.name)
        let quoted = "'" + sheet.name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
        let absolute = range(sheet).split(separator: ":").map { ref -> String in
            let letters = ref.prefix { $0.isLetter }
            return "$" + letters + "$" + ref.dropFirst(letters.count)
        }.joined(separator: ":")
        return declaration + """
            <workbook xmlns="\(main)" xmlns:r="\(relationships)">\
            <workbookPr/><bookViews><workbookView/></bookViews>\
            <sheets><sheet name="\(name)" sheetId="1" r:id="rId1"/></sheets>\
            <definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\(escaped(quoted))!\(absolute)</definedName></definedNames>\
            </workbook>
            """
    }

    static func worksheet(_ sheet: Sheet) -> String {
        let columns = sheet.rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 8, count: columns)
        for row in sheet.rows {
            for (c, cell) in row.enumerated() { widths[c] = max(widths[c], shownLength(cell)) }
        }
        var out = declaration + "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationships)\">"
        out += "<dimension ref=\"\(range(sheet))\"/>"
        out += "<sheetViews><sheetView workbookViewId=\"0\">"
        if sheet.rows.count > 1 {
            out += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            out += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
        }
        out += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if columns > 0 {
            out += "<cols>"
            for (c, w) in widths.enumerated() {
                out += "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(min(60, w) + 2)\" customWidth=\"1\"/>"
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            out += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let ref = Sheet.cellName(column: c, row: r + 1)
                switch cell {
                case .blank: continue
                case .text(let s), .error(let s):
                    out += "<c r=\"\(ref)\" s=\"\(r == 0 ? 1 : 3)\" t=\"inlineStr\"><is>" + textElement(s) + "</is></c>"
                case .number(let v) where v.isFinite:
                    out += "<c r=\"\(ref)\"" + (r == 0 ? " s=\"1\"" : "") + "><v>\(Sheet.numberText(v))</v></c>"
                case .number: continue
                case .bool(let b):
                    out += "<c r=\"\(ref)\"" + (r == 0 ? " s=\"1\"" : "") + " t=\"b\"><v>\(b ? 1 : 0)</v></c>"
                case .date(let d):
                    if d.isBlank { continue }
                    out += "<c r=\"\(ref)\" s=\"2\"><v>\(Sheet.numberText(Sheet.serial1900(d)))</v></c>"
                }
            }
            out += "</row>"
        }
        out += "</sheetData>"
        if !sheet.rows.isEmpty && columns > 0 { out += "<autoFilter ref=\"\(range(sheet))\"/>" }
        out += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        return out + "</worksheet>"
    }

    /// About how many characters a cell shows.
    static func shownLength(_ cell: Sheet.Cell) -> Int {
        switch cell {
        case .blank: 0
        case .text(let s), .error(let s): s.count
        case .number(let v): Sheet.numberText(v).count
        case .bool: 5
        case .date: 10
        }
    }

    /// A `<t>` element holding `s`, its spaces kept.
    static func textElement(_ s: String) -> String {
        let keep = s.first == " " || s.last == " " || s.contains("\n") || s.contains("  ")
        return (keep ? "<t xml:space=\"preserve\">" : "<t>") + escaped(s) + "</t>"
    }

    /// `s` as XML text: markup characters as entities; characters XML cannot hold, and a `_x`
    /// that would read as such an escape, as `_xHHHH_`.
    static func escaped(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        let scalars = Array(s.unicodeScalars)
        for (i, u) in scalars.enumerated() {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n": out.unicodeScalars.append(u)
            case "_" where i + 1 < scalars.count && scalars[i + 1] == "x": out += "_x005F_"
            default:
                if u.value < 0x20 || (0xFFFE...0xFFFF).contains(u.value) {
                    let h = String(u.value, radix: 16, uppercase: true)
                    out += "_x" + String(repeating: "0", count: 4 - h.count) + h + "_"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }
}
