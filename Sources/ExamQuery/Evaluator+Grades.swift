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
        let scales = GradeScale.all
        let literalRank = scales.map { $0.rank(of: literal) }
        let pool = store.pool
        var textRows = false
        // The operator read once, not per row.
        let better = Evaluator.holds(op, 1), same = Evaluator.holds(op, 0), worse = Evaluator.holds(op, -1)
        let (out, used) = perGrade(field.grade, frame.rows, ids: ids, byRow: false, blank: false) { s, id in
            guard s >= 0 else {
                textRows = true
                return Evaluator.holds(op, Evaluator.order(.text(pool[id]), .text(literal)))
            }
            guard let target = literalRank[s], let rank = scales[s].rank(of: pool[id]) else { return false }
            // A lower rank is a better grade, and a better grade is greater.
            return rank < target ? better : (rank > target ? worse : same)
        }
        if used.contains(true), !used.indices.contains(where: { used[$0] && literalRank[$0] != nil }) {
            let listed = used.indices.filter { used[$0] }.map { "\(scales[$0].name): \(scales[$0].listed)" }
            var notes = listed.count == 1 ? ["the scale of these \(field.name)s is " + listed[0]]
                : ["the scales of these \(field.name)s are:"] + listed.map { "  " + $0 }
            if GradeScale.isSpecial(literal) { notes.append("X and Q are not grades: compare them with = or in") }
            throw error(valueSpan, "'\(literal)' is not a grade on the scale of the \(field.name)s compared", notes: notes)
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

    /// Per position of `rows`, `value(scale, grade id)` of its grade on its row's scale (`source`;
    /// scale -1 for none), worked out once per (scale, grade id) and `blank` for a blank grade;
    /// and per scale of `GradeScale.all`, whether some row is on it (blank grades included).
    /// `ids` holds the grades by store row (`byRow`) or by position. Results run by candidate, so
    /// the pair changes on most rows: it is found in a table by scale and grade id when the ids lie
    /// close (they do: grades are few and interned as results load), else in a dictionary.
    func perGrade<T>(_ source: GradeSource?, _ rows: [Int32], ids: [Int32], byRow: Bool, blank: T,
                     _ value: (_ scale: Int, _ grade: Int32) -> T) -> (values: [T], scales: [Bool]) {
        let all = GradeScale.all.count
        var seen = [Bool](repeating: false, count: all + 1)   // by scale + 1
        var out = [T](repeating: blank, count: rows.count)
        let qualificationOf: [Int32], scaleOfQualification: [Int8], fixed: Int8
        switch source {
        case .qualification(let column): (qualificationOf, scaleOfQualification, fixed) = (column(store), qualificationScales, 0)
        case .unit: (qualificationOf, scaleOfQualification, fixed) = ([], [], Int8(GradeScale.all.firstIndex(of: .unit)!))
        case nil: (qualificationOf, scaleOfQualification, fixed) = ([], [], -1)
        }
        let byQualification = !qualificationOf.isEmpty
        // The span of the grade ids met (a blank, id 0, is none).
        var low = Int32.max, high = Int32.min
        rows.withUnsafeBufferPointer { rows in
            ids.withUnsafeBufferPointer { ids in
                // By row, the whole column: one pass in order, and no wider than the rows' span.
                for id in ids {
                    low = min(low, id == 0 ? Int32.max : id)
                    high = max(high, id)
                }
            }
        }
        let span = high >= low ? Int(high) - Int(low) + 1 : 0
        let base = low   // a constant from here on, not the variable the scan above wrote
        if span <= 1 << 16 {
            var known = [Bool](repeating: false, count: (all + 1) * span)
            var table = [T](repeating: blank, count: known.count)
            rows.withUnsafeBufferPointer { rows in
            ids.withUnsafeBufferPointer { ids in
            qualificationOf.withUnsafeBufferPointer { qualificationOf in
            scaleOfQualification.withUnsafeBufferPointer { scaleOf in
            seen.withUnsafeMutableBufferPointer { seen in
            known.withUnsafeMutableBufferPointer { known in
            table.withUnsafeMutableBufferPointer { table in
            out.withUnsafeMutableBufferPointer { out in
                // Wrapping arithmetic: every index here is in range by construction.
                for i in 0..<rows.count {
                    let row = Int(truncatingIfNeeded: rows[i])
                    let s = Int(truncatingIfNeeded: byQualification ? scaleOf[Int(truncatingIfNeeded: qualificationOf[row])] : fixed)
                    seen[s &+ 1] = true
                    let id = byRow ? ids[row] : ids[i]
                    if id == 0 { continue }
                    let slot = (s &+ 1) &* span &+ Int(truncatingIfNeeded: id &- base)
                    if !known[slot] {
                        table[slot] = value(s, id)
                        known[slot] = true
                    }
                    out[i] = table[slot]
                }
            } } } } } } } }
        } else {
            var dictionary: [Int64: T] = [:]
            for i in 0..<rows.count {
                let row = Int(rows[i])
                let s = Int(byQualification ? scaleOfQualification[Int(qualificationOf[row])] : fixed)
                seen[s + 1] = true
                let id = byRow ? ids[row] : ids[i]
                if id == 0 { continue }
                let key = Int64(s) << 32 | Int64(id)
                if let v = dictionary[key] { out[i] = v; continue }
                let v = value(s, id)
                dictionary[key] = v
                out[i] = v
            }
        }
        return (out, Array(seen.dropFirst()))
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
