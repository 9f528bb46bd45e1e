import ExamStore
import ExamRules

/// Results analysis stages: `grades` (distribution with cumulative percentages and national
/// figures) and `chart` (a terminal bar chart).
extension Evaluator {
    /// `grades [by KEY, ...]` (DOMAIN.md "Results analysis"): entries per grade, the percentage
    /// at each grade and cumulative at or above it, both of the graded results (`U` included; `X`
    /// and `Q` on lines of their own, outside the percentages; `8#` is an 8), beside the JCQ
    /// national cumulative figures of the series' own summer where known. Reads one series: the
    /// current one unless a `where` of the pipeline names `series`. With `by`, one table per group,
    /// stacked, the keys on every line; each group on one scale.
    func grades(_ frame: Frame, by keys: [Expr], seriesChosen: Bool, _ span: Span) throws(Diagnostic) -> Answer {
        guard frame.collection == .results else {
            throw error(span, "'grades' reads results", notes: ["start from results, such as: results | where qualification = \"J560\" | grades"])
        }
        var frame = frame
        let results = store.results, pool = store.pool
        var notes: [String] = []
        if !seriesChosen, let series, let id = pool.lookup(series) {
            var match = SeriesMatch(pool: pool, series: id)
            let before = frame.rows.count
            frame.rows = frame.rows.filter { match.matches(results.series[Int($0)]) }
            if frame.rows.count < before {
                let left = before - frame.rows.count
                notes.append("\(series), the current series: \(Store.grouped(left)) \(left == 1 ? "result" : "results") of other series left out (add: where series = \"...\" to choose one)")
            }
        }
        // One series: percentages of two series' results together answer nothing asked.
        var seriesNames: [String: String] = [:]
        for id in Set(frame.rows.map { results.series[Int($0)] }) {
            let name = pool[id]
            seriesNames[SeriesName.key(name)] = seriesNames[SeriesName.key(name)] ?? name
        }
        guard seriesNames.count <= 1 else {
            let names = seriesNames.values.sorted { (SeriesName.order($0) ?? 0) < (SeriesName.order($1) ?? 0) }
            throw error(span, "'grades' reads one series, but these results are of \(names.joined(separator: ", "))",
                        notes: ["choose one, such as: results | where series = \"\(names.last!)\" | grades"])
        }
        let year = seriesNames.values.first.flatMap(SeriesName.summerYear)
        let groups = try groups(frame, keys)
        let keyVectors = try keys.map { (e) throws(Diagnostic) in try evaluate(e, frame).expanded(count: frame.count) }
        let scaleOf = rowScales(.result, frame.rows)
        var members = [[Int]](repeating: [], count: groups.first.count)
        for (position, g) in groups.of.enumerated() { members[Int(g)].append(position) }
        if keys.isEmpty, frame.rows.isEmpty { members = [[]] }

        var keyCells: [Int] = []   // per line: the group's first position (for the key columns)
        var names: [String] = [], entries: [Double] = [], pct: [String] = [], cum: [String] = [], national: [String] = []
        var anyNational = false
        var footers: [String] = []
        for (g, positions) in members.enumerated() {
            let label = keys.isEmpty ? "" : keyVectors.map { $0.display(at: groups.first[g], pool: pool, dates: dates) }.joined(separator: " ") + ": "
            // The group's scale: one, or none known (its grades then listed as text).
            var scaleIndexes = Set(positions.map { scaleOf[$0] })
            if scaleIndexes.count > 1 {
                let qualificationNames = Set(positions.map { GradeScale.scale(store: store, qualification: results.qualification[Int(frame.rows[$0])])?.name
                    ?? pool[store.qualifications.type[Int(results.qualification[Int(frame.rows[$0])])]] })
                throw error(span, "'grades' needs \(keys.isEmpty ? "results" : "each group's results") on one grading scale, but \(label.isEmpty ? "these" : label.dropLast(2) + "'s") mix \(qualificationNames.sorted().joined(separator: ", "))",
                            notes: ["narrow them first, such as: results | where qualification = \"J560\" | grades, or: grades by qualification"])
            }
            let s = scaleIndexes.popFirst() ?? -1
            let scale = s >= 0 ? GradeScale.all[Int(s)] : nil
            var counts: [String: Int] = [:]
            for p in positions {
                let written = pool[results.grade[Int(frame.rows[p])]]
                counts[scale?.canonical(written) ?? written, default: 0] += 1
            }
            let order = scale?.grades ?? []
            // The scale's grades best first, then any others (X no result, Q pending) after.
            let others = counts.keys.filter { !order.contains($0) }.sorted(by: Evaluator.textOrder)
            let graded = order.reduce(0) { $0 + (counts[$1] ?? 0) }
            let figures = year.map { scale?.national(year: $0) ?? [] } ?? []
            if !figures.isEmpty { anyNational = true }
            var running = 0
            for grade in order + others {
                let n = counts[grade] ?? 0
                keyCells.append(groups.first.indices.contains(g) ? groups.first[g] : 0)
                names.append(grade)
                entries.append(Double(n))
                if order.contains(grade) {
                    running += n
                    pct.append(Evaluator.percent(Double(n), of: Double(graded)))
                    cum.append(Evaluator.percent(Double(running), of: Double(graded)))
                } else {
                    pct.append("")
                    cum.append("")
                }
                national.append(figures.first { $0.atOrAbove == grade }.map { Value.format($0.percent) + "%" } ?? "")
            }
            if let scale, !scale.points.isEmpty, graded > 0 {
                let points = positions.reduce(0.0) { $0 + (scale.points(for: pool[results.grade[Int(frame.rows[$1])]]) ?? 0) }
                let average = (points / Double(graded) * 100).rounded() / 100
                footers.append(label + "average points per graded entry: \(Value.format(average)) (\(scale.name) points; \(graded) graded \(graded == 1 ? "entry" : "entries"))")
            }
        }
        var headers = keys.map(\.defaultName) + ["grade", "entries", "percent", "cumulative"]
        var columns: [Vector] = keyVectors.map { $0.gather(keyCells) } + [.string(names), .number(entries), .string(pct), .string(cum)]
        if anyNational, let year {
            headers.append("national")
            columns.append(.string(national))
            notes.append("percentages are of graded results (X and Q apart); national: JCQ cumulative, UK, all subjects, summer \(year)")
        } else {
            notes.append("percentages are of graded results (X and Q apart)" + (year == nil ? "" : "; no national figures known for this series"))
        }
        var table = Answer(names: headers, columns: columns, rowCount: names.count, pool: pool)
        table.footer = (footers + notes).joined(separator: "\n")
        return table
    }

    /// A bar chart of a distribution: of `count by` / `grades` output, or of a field's values.
    func chart(_ frame: Frame, _ expr: Expr?, _ span: Span) throws(Diagnostic) -> String {
        var labels: [String] = [], values: [Double] = []
        var counts = true
        if let expr {
            let grouped = try group(frame, [expr], counting: true)
            labels = strings(grouped.columns[0], grouped.count)
            if case .number(let n) = grouped.columns[1] { values = n }
        } else if frame.collection == nil, let countAt = frame.names.firstIndex(where: { $0 == "count" || $0 == "entries" })
                    ?? frame.columns.firstIndex(where: { if case .number = $0 { return true } else { return false } }),
                  case .number(let n) = frame.columns[countAt] {
            // Counts, or else the first measure of `summarise` (an average, a share).
            let labelColumns = frame.names.indices.filter { $0 < countAt }
            labels = (0..<frame.count).map { r in labelColumns.map { strings(frame.columns[$0], frame.count)[r] }.joined(separator: " ") }
            values = n.map { $0.isNaN ? 0 : $0 }
            counts = frame.names[countAt] == "count" || frame.names[countAt] == "entries"
            if labelColumns.isEmpty { labels = [frame.names[countAt]] }
        } else {
            throw error(span, "'chart' needs counts to draw", notes: ["use it after 'count by', 'grades' or 'summarise', or name a field: chart grade"])
        }
        let total = values.reduce(0, +)
        // After `grades`, its own percentages (of graded results; none for X and Q).
        var shown: [String]? = nil
        if frame.collection == nil, let at = frame.names.firstIndex(of: "percent"), case .string(let p) = frame.columns[at] { shown = p }
        let width = 40
        let labelWidth = labels.map(\.count).max() ?? 0
        let top = values.max() ?? 0
        var lines: [String] = []
        for (row, (label, v)) in zip(labels, values).enumerated() {
            let eighths = top > 0 ? Int((v / top * Double(width * 8)).rounded()) : 0
            let bar = String(repeating: "█", count: eighths / 8) + (eighths % 8 > 0 ? String(["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]) : "")
            let pad = String(repeating: " ", count: labelWidth - label.count)
            let share = shown.map { $0[row] } ?? (counts ? Evaluator.percent(v, of: total) : "")
            lines.append("\(pad)\(label) │\(bar) \(Value.format(v))" + (share.isEmpty ? "" : " (\(share))"))
        }
        return lines.joined(separator: "\n")
    }
}
