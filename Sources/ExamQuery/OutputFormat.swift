import ExamStore

/// How answers are written: an aligned table for people, CSV, JSON or Markdown for other tools.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json, markdown

    public init?(name: String) {
        switch name.lowercased() {
        case "table": self = .table
        case "csv": self = .csv
        case "json": self = .json
        case "markdown", "md": self = .markdown
        default: return nil
        }
    }

    /// The format a file name asks for by its extension (`.csv`, `.json`, `.md`).
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".csv") { self = .csv } else if lower.hasSuffix(".json") { self = .json }
        else if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { self = .markdown } else { return nil }
    }

    /// Renders `table` whole (files, csv/json/markdown) or, for `.table`, up to `maxRows` rows
    /// in `width` columns of screen (nil = no limit). The text ends with a newline.
    public func render(_ table: Answer, maxRows: Int? = nil, width: Int? = nil) -> String {
        switch self {
        case .table: return TableText(table: table, maxRows: maxRows, width: width).text
        case .csv: return OutputFormat.csv(table)
        case .json: return OutputFormat.json(table)
        case .markdown: return OutputFormat.markdown(table)
        }
    }

    static func csv(_ t: Answer) -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : s
        }
        var out = t.names.map(field).joined(separator: ",") + "\n"
        for r in 0..<t.rowCount {
            out += (0..<t.names.count).map { field(t.cell(r, $0)) }.joined(separator: ",") + "\n"
        }
        return out
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

    static func json(_ t: Answer) -> String {
        if t.rowCount == 0 { return "[]\n" }
        var rows: [String] = []
        for r in 0..<t.rowCount {
            let fields = (0..<t.names.count).map { c -> String in
                let v: String
                switch t.value(r, c) {
                case .blank: v = "null"
                case .bool(let b): v = b ? "true" : "false"
                case .number(let n): v = Value.format(n)
                case .text(let s): v = jsonString(s)
                case .date(let d): v = jsonString(d.iso)
                }
                return jsonString(t.names[c]) + ": " + v
            }
            rows.append("  {" + fields.joined(separator: ", ") + "}")
        }
        return "[\n" + rows.joined(separator: ",\n") + "\n]\n"
    }

    static func markdown(_ t: Answer) -> String {
        func cell(_ s: String) -> String {
            s.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
                .split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ")
        }
        var out = "| " + t.names.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + (0..<t.names.count).map { t.isNumeric($0) ? " ---: |" : " --- |" }.joined() + "\n"
        for r in 0..<t.rowCount {
            out += "| " + (0..<t.names.count).map { cell(t.cell(r, $0)) }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}

/// An aligned plain-text table. Numbers align right. When rows are cut it says so and how to
/// see all; when the screen is too narrow the widest cells are shortened with `…` and it says so,
/// so no column is ever dropped silently.
struct TableText {
    let table: Answer
    let maxRows: Int?
    let width: Int?

    var text: String {
        let t = table
        // One value alone (a count) is shown bare.
        if t.rowCount == 1 && t.names.count == 1 { return t.cell(0, 0) + "\n" }
        if t.rowCount == 0 { return "(no rows)\n" }
        let shown = min(t.rowCount, maxRows ?? t.rowCount)
        var cells: [[String]] = (0..<shown).map { r in (0..<t.names.count).map { t.cell(r, $0).replacingNewlines() } }
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
