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

    /// `field op value` (`grade >= 4`; the caller puts the field on the left), row by row on each
    /// row's scale; nil when the value is not a text or a number (then text rules apply).
    ///
    /// A row holds when its grade and the value are both on its scale and the order holds
    /// (better is greater). `X`, `Q`, a blank or a grade off its scale never holds. Rows of a
    /// qualification with no scale compare as text, with a warning once. A value on no scale
    /// of the rows compared is an error that lists the scales.
    func gradeComparison(_ op: String, _ field: Field, _ value: Value, _ valueSpan: Span, _ frame: Frame) throws(Diagnostic) -> [Bool]? {
        let literal: String
        switch value {
        case .text(let s): literal = s
        case .number(let n): literal = Value.format(n)
        default: return nil
        }
        let scales = GradeScale.all
        let literalRank = scales.map { $0.rank(of: literal) }
        let pool = store.pool
        // The operator read once, not per row.
        let better = Evaluator.holds(op, 1), same = Evaluator.holds(op, 0), worse = Evaluator.holds(op, -1)
        let (out, used, unscaled) = perGrade(field, frame.rows, blank: false) { s, id in
            guard s >= 0 else { return Evaluator.holds(op, Evaluator.order(.text(pool[id]), .text(literal))) }
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
        if unscaled, warnings.count < Evaluator.maximumWarnings {
            warnings.append(source.diagnostic(.warning, at: valueSpan.offset, length: valueSpan.length,
                "some \(field.name)s are of a qualification type with no grade scale in exq, so they are compared as text",
                notes: ["the scales: " + scales.map(\.name).joined(separator: "; ") + " (help rules)"]))
        }
        return out
    }

    /// For each of `rows`, the index in `GradeScale.all` of its grade's scale, or -1 for none.
    func rowScales(_ source: GradeSource?, _ rows: [Int32]) -> [Int8] {
        guard let source else { return [Int8](repeating: -1, count: rows.count) }
        guard let q = source.qualifications(store) else {
            return [Int8](repeating: Int8(GradeScale.all.firstIndex(of: .unit)!), count: rows.count)
        }
        let byQualification = qualificationScales
        return rows.map { byQualification[Int(q[Int($0)])] }
    }

    /// The (scale, grade) pairs of the grade field's grades at `rows`, and whether they are
    /// numbered by store row (the results' own grades, numbered once per store) or by position
    /// of `rows` (any other grade field, numbered now).
    func gradePairs(_ field: Field, _ rows: [Int32]) -> (pairs: GradePairs, byRow: Bool) {
        if case .result = field.grade { return (GradePairs.ofResults(store), true) }
        // A grade field reads text; were one not to, every row would read as a blank grade.
        guard case .text(let ids) = field.read(self, rows), ids.count == rows.count else {
            return (GradePairs(of: [Int32](repeating: 0, count: rows.count), pairs: [(-1, 0)]), false)
        }
        let scaleOf: [Int8] = rowScales(field.grade, rows)
        let numbered = scaleOf.withUnsafeBufferPointer { scaleOf in
            ids.withUnsafeBufferPointer { ids in
                GradePairs(count: ids.count, scale: { scaleOf[$0] }, grade: { ids[$0] })
            }
        }
        return (numbered, false)
    }

    /// Per position of `rows`, `value(scale, grade id)` of the grade field's grade on its row's
    /// scale (scale -1 for none), worked out once per (scale, grade) pair (`GradePairs`) and
    /// `blank` for a blank grade; per scale of `GradeScale.all`, whether some row is on it (blank
    /// grades included); and whether some row's grade (not blank) is on no scale.
    func perGrade<T>(_ field: Field, _ rows: [Int32], blank: T,
                     _ value: (_ scale: Int, _ grade: Int32) -> T) -> (values: [T], scales: [Bool], unscaled: Bool) {
        let (numbered, byRow) = gradePairs(field, rows)
        let table = numbered.table(blank: blank, value)
        var met = [Bool](repeating: false, count: table.count)
        let out = [T](unsafeUninitializedCapacity: rows.count) { out, count in
            rows.withUnsafeBufferPointer { rows in
                numbered.of.withUnsafeBufferPointer { of in
                    table.withUnsafeBufferPointer { table in
                        met.withUnsafeMutableBufferPointer { met in
                            // Wrapping arithmetic: every index here is in range by construction.
                            for i in 0..<rows.count {
                                let p = Int(truncatingIfNeeded: of[byRow ? Int(truncatingIfNeeded: rows[i]) : i])
                                met[p] = true
                                (out.baseAddress! + i).initialize(to: table[p])
                            }
                        }
                    }
                }
            }
            count = rows.count
        }
        var scales = [Bool](repeating: false, count: GradeScale.all.count), unscaled = false
        for (p, pair) in numbered.pairs.enumerated() where met[p] {
            if pair.scale >= 0 { scales[Int(pair.scale)] = true } else if pair.grade != 0 { unscaled = true }
        }
        return (out, scales, unscaled)
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
