/// One self-contained HTML document for printing: no network, no scripts, its style inline, and
/// `@page` size A4, so a browser prints it on A4 whatever its paper default.
enum HTMLPage {
    /// Text as HTML text or an attribute value.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// The style every printed page shares; `extra` adds a document's own rules.
    static let style = """
        @page { size: A4; margin: 14mm 14mm 16mm 14mm; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #111; margin: 0; }
        h1 { font-size: 15pt; margin: 0 0 2mm 0; }
        h2 { font-size: 12pt; margin: 5mm 0 2mm 0; border-bottom: 0.4mm solid #333; padding-bottom: 1mm; }
        p { margin: 1mm 0; }
        table { border-collapse: collapse; margin: 2mm 0; }
        th, td { border: 0.2mm solid #999; padding: 0.8mm 2mm; text-align: left; vertical-align: top; }
        th { background: #eee; }
        td.n, th.n { text-align: right; }
        .note { color: #444; font-size: 8.5pt; }
        """

    /// A whole document: `title`, then `body` (HTML already escaped).
    static func document(title: String, extraStyle: String = "", body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        <style>
        \(style)
        \(extraStyle)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// A table from header cells and rows of cells (text, escaped here); columns in `numeric`
    /// align right.
    static func table(_ headers: [String], _ rows: [[String]], numeric: Set<Int> = []) -> String {
        var out = "<table>\n<tr>"
        for (i, h) in headers.enumerated() { out += numeric.contains(i) ? "<th class=\"n\">\(escape(h))</th>" : "<th>\(escape(h))</th>" }
        out += "</tr>\n"
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() { out += numeric.contains(i) ? "<td class=\"n\">\(escape(cell))</td>" : "<td>\(escape(cell))</td>" }
            out += "</tr>\n"
        }
        return out + "</table>\n"
    }
}
