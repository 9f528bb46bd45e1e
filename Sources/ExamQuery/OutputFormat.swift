import ExamStore

/// How answers are written: an aligned table for people, CSV, JSON or Markdown for other tools.
package enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json, markdown

    package init?(name: String) {
        switch name.lowercased() {
        case "table": self = .table
        case "csv": self = .csv
        case "json": self = .json
        case "markdown", "md": self = .markdown
        default: return nil
        }
    }

    /// The format a file name asks for by its extension (`.csv`, `.json`, `.md`).
    package init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".csv") { self = .csv } else if lower.hasSuffix(".json") { self = .json }
        else if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { self = .markdown } else { return nil }
    }

    /// Renders `table` whole (files, csv/json/markdown) or, for `.table`, up to `maxRows` rows
    /// in `width` columns of screen (nil = no limit). The text ends with a newline. Tables and
    /// Markdown, written for people, show dates in `dates`; CSV and JSON, for programs, always ISO.
    package func render(_ table: Answer, maxRows: Int? = nil, width: Int? = nil, dates: DateStyle) -> String {
        var out = ""
        write(table, maxRows: maxRows, width: width, dates: dates) { out += $0 }
        return out
    }

    /// Writes `table` as `render` would, handing the text to `emit` in pieces of about 64 KB, so
    /// that a large answer saved to a file or piped as csv or json is never held whole a second
    /// time as one String. `.table` is written whole: it is cut to `maxRows` rows for a screen.
    package func write<E: Error>(_ table: Answer, maxRows: Int? = nil, width: Int? = nil, dates: DateStyle,
                                to emit: (String) throws(E) -> Void) throws(E) {
        var out = ChunkedText()
        switch self {
        case .table: try out.append(TableText(table: table, maxRows: maxRows, width: width, dates: dates).text, emit)
        case .csv: try OutputFormat.csv(table, &out, emit)
        case .json: try OutputFormat.json(table, &out, emit)
        case .markdown: try OutputFormat.markdown(table, dates, &out, emit)
        }
        try out.flush(emit)
    }

    /// Whether a spreadsheet opening this text as a cell would run it as a formula: it starts
    /// with `=`, `+`, `-` or `@` (or a tab or carriage return, which some spreadsheets skip before one).
    package static func looksLikeFormula(_ s: String) -> Bool {
        guard let first = s.utf8.first else { return false }
        return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "@") || first == 9 || first == 13
    }

    /// The text of cell (`row`, `column`) for a spreadsheet: numbers, dates (ISO) and yes/no as they are;
    /// text that would run as a formula (a surname `=HYPERLINK(...)`, a phone number `+44 ...`)
    /// with a `'` in front, which spreadsheets read as "this is text" and do not show.
    static func spreadsheetCell(_ t: Answer, _ row: Int, _ column: Int) -> String {
        switch t.value(row, column) {
        case .text(let s): return spreadsheetText(s)
        case .number(let n): return Value.exact(n)
        default: return t.cell(row, column, dates: .iso)
        }
    }

    static func spreadsheetText(_ s: String) -> String { looksLikeFormula(s) ? "'" + s : s }

    static func csv<E: Error>(_ t: Answer, _ out: inout ChunkedText, _ emit: (String) throws(E) -> Void) throws(E) {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : s
        }
        try out.append(t.names.map { field(spreadsheetText($0)) }.joined(separator: ",") + "\n", emit)
        for r in 0..<t.rowCount {
            try out.append((0..<t.names.count).map { field(spreadsheetCell(t, r, $0)) }.joined(separator: ",") + "\n", emit)
        }
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    /// JSON is data for programs, not a spreadsheet: its text values are written exactly.
    static func json<E: Error>(_ t: Answer, _ out: inout ChunkedText, _ emit: (String) throws(E) -> Void) throws(E) {
        if t.rowCount == 0 { try out.append("[]\n", emit); return }
        try out.append("[\n", emit)
        for r in 0..<t.rowCount {
            let fields = (0..<t.names.count).map { c -> String in
                let v: String
                switch t.value(r, c) {
                case .blank: v = "null"
                case .bool(let b): v = b ? "true" : "false"
                case .number(let n): v = Value.exact(n)
                case .text(let s): v = jsonString(s)
                case .date(let d): v = jsonString(d.iso)
                }
                return jsonString(t.names[c]) + ": " + v
            }
            try out.append("  {" + fields.joined(separator: ", ") + "}" + (r == t.rowCount - 1 ? "\n" : ",\n"), emit)
        }
        try out.append("]\n", emit)
    }

    static func markdown<E: Error>(_ t: Answer, _ dates: DateStyle, _ out: inout ChunkedText, _ emit: (String) throws(E) -> Void) throws(E) {
        func cell(_ s: String) -> String {
            spreadsheetText(s).split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
                .split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ")
        }
        try out.append("| " + t.names.map(cell).joined(separator: " | ") + " |\n", emit)
        try out.append("|" + (0..<t.names.count).map { t.isNumeric($0) ? " ---: |" : " --- |" }.joined() + "\n", emit)
        for r in 0..<t.rowCount {
            try out.append("| " + (0..<t.names.count).map { c -> String in
                if case .text = t.value(r, c) { return cell(t.cell(r, c, dates: dates)) }
                return t.cell(r, c, dates: dates).split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
            }.joined(separator: " | ") + " |\n", emit)
        }
    }
}

extension Answer {
    /// The answer as a worksheet (`save FILE.xlsx`): the column names as a header row, then each
    /// row's values as they are: text as text (a candidate number keeps its zeros; text starting
    /// with `=` stays text, a workbook cell being a value, never a formula), numbers as numbers,
    /// dates as dates, yes/no as TRUE/FALSE.
    package func sheet(named name: String) -> Sheet {
        var rows: [[Sheet.Cell]] = [names.map { .text($0) }]
        rows.reserveCapacity(rowCount + 1)
        for r in 0..<rowCount {
            rows.append((0..<names.count).map { c in
                switch value(r, c) {
                case .blank: .blank
                case .bool(let b): .bool(b)
                case .number(let n): .number(n)
                case .text(let s): s.isEmpty ? .blank : .text(s)
                case .date(let d): d.isBlank ? .blank : .date(d)
                }
            })
        }
        return Sheet(name: name, rows: rows)
    }
}

/// Text gathered into pieces of about 64 KB, each handed to `emit` as it fills.
struct ChunkedText {
    static let pieceSize = 1 << 16
    var buffer = ""

    mutating func append<E: Error>(_ s: String, _ emit: (String) throws(E) -> Void) throws(E) {
        buffer += s
        if buffer.utf8.count >= Self.pieceSize { try flush(emit) }
    }

    mutating func flush<E: Error>(_ emit: (String) throws(E) -> Void) throws(E) {
        guard !buffer.isEmpty else { return }
        let piece = buffer
        buffer = ""
        try emit(piece)
    }
}

/// An aligned plain-text table. Numbers align right. When rows are cut it says so and how to
/// see all; when the screen is too narrow the widest cells are shortened with `…` and it says so,
/// so no column is ever dropped silently.
struct TableText {
    let table: Answer
    let maxRows: Int?
    let width: Int?
    let dates: DateStyle

    var text: String {
        let t = table
        // One value alone (a count) is shown bare.
        if t.rowCount == 1 && t.names.count == 1 { return t.cell(0, 0, dates: dates) + "\n" }
        if t.rowCount == 0 { return "(no rows)\n" }
        let shown = min(t.rowCount, maxRows ?? t.rowCount)
        var cells: [[String]] = (0..<shown).map { r in (0..<t.names.count).map { t.cell(r, $0, dates: dates).replacingNewlines() } }
        var widths = t.names.indices.map { c in max(t.names[c].count, cells.map { $0[c].count }.max() ?? 0) }
        var cut = false
        if let width {
            let gap = 2
            while widths.reduce(0, +) + gap * (widths.count - 1) > width {
                guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 6 else { break }
                widths[widest] -= 1
                cut = true
            }
        }
        func fit(_ s: String, _ w: Int) -> String { s.count <= w ? s : String(s.prefix(max(0, w - 1))) + "…" }
        func line(_ row: [String]) -> String {
            var parts: [String] = []
            for (c, s) in row.enumerated() {
                let f = fit(s, widths[c])
                let pad = String(repeating: " ", count: widths[c] - f.count)
                parts.append(t.isNumeric(c) ? pad + f : (c == row.count - 1 ? f : f + pad))
            }
            var text = parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        var out = line(t.names) + "\n"
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for i in 0..<cells.count { out += line(cells[i]) + "\n"; cells[i] = [] }
        if shown < t.rowCount {
            out += "showing \(Store.grouped(shown)) of \(Store.grouped(t.rowCount)) rows: add '| first N', or 'set rows all', or use --format csv to see all\n"
        }
        if let footer = t.footer { out += footer + "\n" }
        if cut { out += "(some cells are shortened with … to fit \(width ?? 0) columns; --format csv shows them whole)\n" }
        return out
    }
}

extension String {
    func replacingNewlines() -> String {
        contains("\n") ? split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ") : self
    }
}
