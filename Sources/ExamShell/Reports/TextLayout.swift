/// Text laid out for an 80-column terminal (`why`, `statement`, `statements to DIR`): long lines
/// wrapped at spaces with a hanging indent, tables narrowed by wrapping one column's cells.
/// Widths count characters, so a name such as `MÜLLER` takes one column a letter. Query answers
/// are not laid out here: they keep their own table (OutputFormat), shortened cells and all.
enum TextLayout {
    /// The width every line of `why` and of a statement fits in.
    static let width = 80

    /// `line` broken at spaces into lines of at most `width` characters, every line after the
    /// first indented by `hanging` spaces. A break never falls inside the first line's own
    /// indent; a word longer than a whole line is cut at the width.
    static func wrap(_ line: String, hanging: Int, width: Int = width) -> [String] {
        let hanging = min(hanging, width / 2)
        var out: [String] = []
        var rest = Array(line)
        var lead = rest.prefix { $0 == " " }.count
        while rest.count > width {
            var cut = width
            while cut > lead && rest[cut] != " " { cut -= 1 }
            var head = cut > lead ? rest[..<cut] : rest[..<width]
            var tail = rest[head.count...]
            while head.last == " " { head = head.dropLast() }
            while tail.first == " " { tail = tail.dropFirst() }
            out.append(String(head))
            if tail.isEmpty { return out }
            rest = Array(repeating: " ", count: hanging) + tail
            lead = hanging
        }
        out.append(String(rest))
        return out
    }

    /// `wrap` as text, each line ending with a newline.
    static func wrapped(_ line: String, hanging: Int) -> String {
        wrap(line, hanging: hanging).map { $0 + "\n" }.joined()
    }

    /// A walkthrough's narration (its `##` lines, without the marks) as paragraphs that fit
    /// `width`: the lines run on and wrap at spaces, so a script may break them anywhere; an
    /// empty `##` line starts a new paragraph. Ends with a newline.
    static func narration(_ lines: [String], width: Int = width) -> String {
        var out: [String] = [], paragraph: [String] = []
        func flush() {
            if !paragraph.isEmpty { out += wrap(paragraph.joined(separator: " "), hanging: 0, width: width) }
            paragraph = []
        }
        for line in lines {
            if line.isEmpty { flush(); out.append("") } else { paragraph.append(line) }
        }
        flush()
        return out.map { $0 + "\n" }.joined()
    }

    /// A table drawn as exq draws answers (names, a rule of `─`, two spaces between columns),
    /// fitted to `width` by wrapping the cells of column `wrapping` (never narrower than its
    /// name). A row's non-empty `notes` entry is written on the lines under it, from the second
    /// column on, wrapped to the width.
    static func table(_ names: [String], _ rows: [[String]], wrapping: Int, notes: [String] = [], width: Int = width) -> String {
        var widths = names.indices.map { c in max(names[c].count, rows.map { $0[c].count }.max() ?? 0) }
        let total = widths.reduce(0, +) + 2 * (widths.count - 1)
        if total > width { widths[wrapping] = max(names[wrapping].count, widths[wrapping] - (total - width)) }
        func lines(_ cells: [String]) -> String {
            let wrapped = cells.indices.map { c in c == wrapping ? wrap(cells[c], hanging: 0, width: widths[c]) : [cells[c]] }
            var out = ""
            for l in 0..<(wrapped.map(\.count).max() ?? 0) {
                let parts = wrapped.indices.map { c -> String in
                    let s = l < wrapped[c].count ? wrapped[c][l] : ""
                    return s + String(repeating: " ", count: max(0, widths[c] - s.count))
                }
                out += trimmed(parts.joined(separator: "  ")) + "\n"
            }
            return out
        }
        var out = lines(names) + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        let noteIndent = widths[0] + 2
        for (r, row) in rows.enumerated() {
            out += lines(row)
            if r < notes.count, !notes[r].isEmpty {
                out += wrapped(String(repeating: " ", count: noteIndent) + notes[r], hanging: noteIndent)
            }
        }
        return out
    }

    private static func trimmed(_ s: String) -> String {
        var s = Substring(s)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
