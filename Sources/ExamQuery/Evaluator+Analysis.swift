import ExamStore
import ExamRules

/// Results analysis stages: `grades` (distribution with cumulative percentages and national
/// figures) and `chart` (a terminal bar chart).
extension Evaluator {
    /// Entries per grade, percentage, cumulative percentage at or above each grade, and the JCQ
    /// national cumulative figure where DOMAIN.md gives one. Needs a `grade` field or column.
    func grades(_ frame: Frame, _ span: Span) throws(Diagnostic) -> Answer {
        guard frame.collection == .results else {
            throw error(span, "'grades' reads results", notes: ["start from results, such as: results | where qualification = \"J560\" | grades"])
        }
        var scales: [String: GradeScale?] = [:]
        for q in Set(frame.rows.map { store.results.qualification[Int($0)] }) {
            let s = GradeScale.scale(store: store, qualification: q)
            scales[s?.name ?? store.pool[store.qualifications.type[Int(q)]]] = s
        }
        guard scales.count <= 1 else {
            throw error(span, "'grades' needs results on one grading scale, but these mix \(scales.keys.sorted().joined(separator: ", "))",
                        notes: ["narrow them first, such as: results | where qualification = \"J560\" | grades"])
        }
        // Qualifications with no known scale list their grades in text order.
        let scale = scales.values.first ?? nil
        let order = scale?.grades ?? []
        var counts: [String: Int] = [:]
        for r in frame.rows { counts[store.pool[store.results.grade[Int(r)]], default: 0] += 1 }
        // The scale's grades best first, then any others (X no result, Q pending) after.
        let others = counts.keys.filter { !order.contains($0) }.sorted(by: Evaluator.textOrder)
        let graded = order.reduce(0) { $0 + (counts[$1] ?? 0) }
        let all = Double(frame.rows.count)
        var names: [String] = [], entries: [Double] = [], pct: [String] = [], cum: [String] = [], national: [String] = []
        var running = 0
        for g in order + others {
            let n = counts[g] ?? 0
            names.append(g)
            entries.append(Double(n))
            pct.append(Evaluator.percent(Double(n), of: all))
            if order.contains(g) {
                running += n
                cum.append(Evaluator.percent(Double(running), of: Double(graded)))
            } else {
                cum.append("")
            }
            national.append(scale?.nationalPercent(atOrAbove: g).map { Value.format($0) + "%" } ?? "")
        }
        var headers = ["grade", "entries", "percent", "cumulative"]
        var columns: [Vector] = [.string(names), .number(entries), .string(pct), .string(cum)]
        if let scale, !scale.national.isEmpty {
            headers.append("national")
            columns.append(.string(national))
        }
        var table = Answer(names: headers, columns: columns, rowCount: names.count, pool: store.pool)
        if let scale, !scale.points.isEmpty, graded > 0 {
            let points = scale.grades.reduce(0) { $0 + (counts[$1] ?? 0) * (scale.points(for: $1) ?? 0) }
            let average = (Double(points) / Double(graded) * 100).rounded() / 100
            table.footer = "average points per graded entry: \(Value.format(average)) (\(scale.name) points; \(graded) graded entries)"
        }
        return table
    }

    /// A bar chart of a distribution: of `count by` / `grades` output, or of a field's values.
    func chart(_ frame: Frame, _ expr: Expr?, _ span: Span) throws(Diagnostic) -> String {
        var labels: [String] = [], values: [Double] = []
        if let expr {
            let grouped = try group(frame, [expr], counting: true)
            labels = strings(grouped.columns[0], grouped.count)
            if case .number(let n) = grouped.columns[1] { values = n }
        } else if frame.collection == nil, let countAt = frame.names.firstIndex(where: { $0 == "count" || $0 == "entries" }),
                  case .number(let n) = frame.columns[countAt] {
            let labelColumns = frame.names.indices.filter { $0 < countAt }
            labels = (0..<frame.count).map { r in labelColumns.map { strings(frame.columns[$0], frame.count)[r] }.joined(separator: " ") }
            values = n
        } else {
            throw error(span, "'chart' needs counts to draw", notes: ["use it after 'count by' or 'grades', or name a field: chart grade"])
        }
        let total = values.reduce(0, +)
        let width = 40
        let labelWidth = labels.map(\.count).max() ?? 0
        let top = values.max() ?? 0
        var lines: [String] = []
        for (label, v) in zip(labels, values) {
            let eighths = top > 0 ? Int((v / top * Double(width * 8)).rounded()) : 0
            let bar = String(repeating: "█", count: eighths / 8) + (eighths % 8 > 0 ? String(["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]) : "")
            let pad = String(repeating: " ", count: labelWidth - label.count)
            lines.append("\(pad)\(label) │\(bar) \(Value.format(v)) (\(Evaluator.percent(v, of: total)))")
        }
        return lines.joined(separator: "\n")
    }
}
