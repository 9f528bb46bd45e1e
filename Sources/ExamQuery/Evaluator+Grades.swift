import ExamStore
import ExamRules

/// Grades read on their scales (DOMAIN.md "Grade scales"): `grade >= 4` is 4 or better, `sort
/// grade desc` puts the best first, `count by grade` and `distinct grade` list grades best first.
extension Evaluator {
    /// The grade field `expr` names in `frame`'s collection, if it is one (`grade`, `new_grade`).
    func gradeField(_ expr: Expr, _ frame: Frame) -> Field? {
        guard case .field(let name, _) = expr, let c = frame.collection, let f = c.field(named: name), f.grade != nil else { return nil }
        return f
    }

    /// Whether `expr` reads grades: a grade field, or a column that one became (`show grade`).
    func isGradeKey(_ expr: Expr, _ frame: Frame) -> Bool {
        guard case .field(let name, _) = expr else { return false }
        if frame.collection != nil { return gradeField(expr, frame) != nil }
        return frame.gradeColumns.contains(name.lowercased())
    }

    /// The names among `items` that read grades, for the frame they make.
    func gradeColumns(_ items: [(Expr, String)], _ frame: Frame) -> Set<String> {
        Set(items.filter { isGradeKey($0.0, frame) }.map { $0.1.lowercased() })
    }

    /// Whether `expr` holds an ordering comparison of a grade field (`grade >= 4`).
    func comparesGrades(_ expr: Expr, _ frame: Frame) -> Bool {
        switch expr {
        case .binary(let op, let l, let r, _):
            if ["<", "<=", ">", ">="].contains(op) { return gradeField(l, frame) != nil || gradeField(r, frame) != nil }
            return comparesGrades(l, frame) || comparesGrades(r, frame)
        case .not(let e, _): return comparesGrades(e, frame)
        default: return false
        }
    }

    /// `<`, `<=`, `>`, `>=` between a grade field and a value, row by row on each row's scale;
    /// nil when neither side is a grade field against a single value (then text rules apply).
    ///
    /// A row holds when its grade and the value are both on its scale and the order holds
    /// (better is greater). `X`, `Q`, a blank or a grade off its scale never holds. Rows of a
    /// qualification with no scale compare as text, with a warning once. A value on no scale
    /// of the rows compared is an error that lists the scales.
    func gradeComparison(_ op: String, _ l: Expr, _ lv: Vector, _ r: Expr, _ rv: Vector,
                         _ frame: Frame) throws(Diagnostic) -> [Bool]? {
        var op = op
        let field: Field, ids: [Int32], value: Value, valueSpan: Span
        if let f = gradeField(l, frame), case .text(let a) = lv, case .scalar(let v) = rv {
            (field, ids, value, valueSpan) = (f, a, v, r.span)
        } else if let f = gradeField(r, frame), case .text(let a) = rv, case .scalar(let v) = lv {
            (field, ids, value, valueSpan) = (f, a, v, l.span)
            op = ["<": ">", "<=": ">=", ">": "<", ">=": "<="][op] ?? op
        } else {
            return nil
        }
        let literal: String
        switch value {
        case .text(let s): literal = s
        case .number(let n): literal = Value.format(n)
        default: return nil
        }
        let scaleOf = rowScales(field.grade, frame.rows)
        let scales = GradeScale.all
        let literalRank = scales.map { $0.rank(of: literal) }
        // The scales the rows are on, without hashing every row.
        var onScale = [Bool](repeating: false, count: scales.count)
        for s in scaleOf where s >= 0 { onScale[Int(s)] = true }
        let used = Set(scales.indices.filter { onScale[$0] }.map { Int8($0) })
        if !used.isEmpty, !used.contains(where: { literalRank[Int($0)] != nil }) {
            let listed = used.sorted().map { "\(scales[Int($0)].name): \(scales[Int($0)].listed)" }
            var notes = listed.count == 1 ? ["the scale of these \(field.name)s is " + listed[0]]
                : ["the scales of these \(field.name)s are:"] + listed.map { "  " + $0 }
            if GradeScale.isSpecial(literal) { notes.append("X and Q are not grades: compare them with = or in") }
            throw error(valueSpan, "'\(literal)' is not a grade on the scale of the \(field.name)s compared", notes: notes)
        }
        // Each grade's rank on each scale, worked out once per distinct grade: a table by id
        // (-2 = not yet, -1 = off the scale) when the ids lie close, else a dictionary.
        var ranks = [[Int32: Int8]](repeating: [:], count: scales.count)
        let low = Int(ids.min() ?? 0), span = Int(ids.max() ?? 0) - low + 1
        let dense = span <= 1 << 16
        var table = [Int8](repeating: -2, count: dense ? span * scales.count : 0)
        let pool = store.pool
        var textRows = false
        var out = [Bool](repeating: false, count: ids.count)
        // The operator read once, not per row.
        let better = Evaluator.holds(op, 1), same = Evaluator.holds(op, 0), worse = Evaluator.holds(op, -1)
        for i in 0..<ids.count {
            let id = ids[i], s = Int(scaleOf[i])
            if id == 0 { continue }
            guard s >= 0 else {
                textRows = true
                out[i] = Evaluator.holds(op, Evaluator.order(.text(pool[id]), .text(literal)))
                continue
            }
            guard let target = literalRank[s] else { continue }
            var rank: Int8
            if dense {
                let slot = s * span + Int(id) - low
                rank = table[slot]
                if rank == -2 {
                    rank = scales[s].rank(of: pool[id]).map { Int8($0) } ?? -1
                    table[slot] = rank
                }
            } else if let known = ranks[s][id] {
                rank = known
            } else {
                rank = scales[s].rank(of: pool[id]).map { Int8($0) } ?? -1
                ranks[s][id] = rank
            }
            guard rank >= 0 else { continue }
            // A lower rank is a better grade, and a better grade is greater.
            out[i] = rank < target ? better : (rank > target ? worse : same)
        }
        if textRows, warnings.count < Evaluator.maximumWarnings {
            warnings.append(source.diagnostic(.warning, at: valueSpan.offset, length: valueSpan.length,
                "some \(field.name)s are of a qualification type with no grade scale in exq, so they are compared as text",
                notes: ["the scales: " + scales.map(\.name).joined(separator: "; ") + " (help rules)"]))
        }
        return out
    }

    /// For each of `rows`, the index in `GradeScale.all` of its grade's scale, or -1 for none.
    func rowScales(_ source: GradeSource?, _ rows: [Int32]) -> [Int8] {
        switch source {
        case .unit:
            let u = Int8(GradeScale.all.firstIndex(of: .unit)!)
            return [Int8](repeating: u, count: rows.count)
        case .qualification(let column):
            let q = column(store), byQualification = qualificationScales
            return rows.map { byQualification[Int(q[Int($0)])] }
        case nil:
            return [Int8](repeating: -1, count: rows.count)
        }
    }

    /// Grade texts best first (`GradeOrder`): `U` after every grade, then `X`, `Q`, then any other
    /// text in text order.
    static func gradeBefore(_ a: String, _ b: String) -> Bool {
        switch (GradeOrder.sortRank(a), GradeOrder.sortRank(b)) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return textOrder(a, b)
        }
    }

    /// Each row's place among the column's distinct grades, best first (`gradeBefore`); NaN for a
    /// blank. `onScale` says, per row, whether its grade is on a scale (not X, Q or other text).
    func gradeRank(_ v: Vector) -> (rank: [Double], onScale: [Bool]) {
        let texts: [String], keys: [Int]
        switch v {
        case .text(let ids):
            var slot: [Int32: Int] = [:]
            var distinct: [String] = []
            keys = ids.map { id in
                if id == 0 { return -1 }
                if let s = slot[id] { return s }
                slot[id] = distinct.count
                distinct.append(store.pool[id])
                return distinct.count - 1
            }
            texts = distinct
        case .string(let a):
            var slot: [String: Int] = [:]
            var distinct: [String] = []
            keys = a.map { s in
                if s.isEmpty { return -1 }
                if let k = slot[s] { return k }
                slot[s] = distinct.count
                distinct.append(s)
                return distinct.count - 1
            }
            texts = distinct
        default:
            let r = rank(v)
            return (r, r.map { !$0.isNaN })
        }
        let order = texts.indices.sorted { Evaluator.gradeBefore(texts[$0], texts[$1]) }
        var place = [Double](repeating: 0, count: texts.count)
        for (i, k) in order.enumerated() { place[k] = Double(i) }
        let graded = texts.map { !GradeScale.isSpecial($0) && GradeOrder.sortRank($0) != nil }
        return (keys.map { $0 < 0 ? .nan : place[$0] }, keys.map { $0 >= 0 && graded[$0] })
    }
}
