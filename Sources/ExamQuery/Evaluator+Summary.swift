import ExamStore
import ExamRules

/// `summarise AGG [as NAME], ... [by KEY, ...]`: measures over groups of rows.
///
/// Groups come in the order `count by` gives them (keys in text order, grades best first, blank
/// last). Without `by` there is one row, even over no rows (a count of 0, an average blank).
extension Evaluator {
    /// The rows of a frame in groups: per position of the frame, its group; per group, its first
    /// position and its size. Groups are numbered in `count by` order.
    struct Groups {
        var of: [Int32]
        var first: [Int]
        var size: [Int]
    }

    /// `frame`'s rows grouped by `keys` (one group of every row when there are none).
    func groups(_ frame: Frame, _ keys: [Expr]) throws(Diagnostic) -> Groups {
        let count = frame.count
        if keys.isEmpty { return Groups(of: [Int32](repeating: 0, count: count), first: [0], size: [count]) }
        if let (_, codes, stride) = storedCodes(frame, keys) {
            return Evaluator.numbered(codes, stride)
        }
        let vectors = try keys.map { (e) throws(Diagnostic) in try evaluate(e, frame).expanded(count: count) }
        try cancelled(keys[0].span)
        // Ranks per key (grades on their scale); a blank is nil, and all blanks are one group.
        let ranks: [[Double?]] = keys.indices.map { i in
            (isGradeKey(keys[i], frame) ? gradeRank(vectors[i]).rank : rank(vectors[i])).map { $0.isNaN ? nil : $0 }
        }
        var index: [[Double?]: Int32] = [:]
        var keyOf: [[Double?]] = []
        var of = [Int32](repeating: 0, count: count)
        for row in 0..<count {
            let k = ranks.map { $0[row] }
            if let g = index[k] { of[row] = g; continue }
            let g = Int32(keyOf.count)
            index[k] = g
            keyOf.append(k)
            of[row] = g
        }
        // Renumber in key order.
        let order = keyOf.indices.sorted { a, b in
            let x = keyOf[a], y = keyOf[b]
            for i in 0..<x.count where x[i] != y[i] { return Evaluator.blankLast(x[i], y[i]) }
            return false
        }
        var place = [Int32](repeating: 0, count: keyOf.count)
        for (i, g) in order.enumerated() { place[g] = Int32(i) }
        for row in 0..<count { of[row] = place[Int(of[row])] }
        return Evaluator.sized(of, groups: keyOf.count)
    }

    /// Groups from codes that sort as the groups do, `stride` codes possible.
    static func numbered(_ codes: [Int32], _ stride: Int) -> Groups {
        var place = [Int32](repeating: -1, count: stride)
        var n: Int32 = 0, same = true
        place.withUnsafeMutableBufferPointer { place in
            codes.withUnsafeBufferPointer { codes in
                for code in codes { place[Int(code)] = 0 }
            }
            for c in 0..<stride where place[c] == 0 {
                place[c] = n
                same = same && Int32(c) == n
                n += 1
            }
        }
        // Codes in use from 0 up with no gap (one key's ranks, blank apart) are the groups already.
        guard !same else { return sized(codes, groups: Int(n)) }
        var of = codes
        place.withUnsafeBufferPointer { place in
            of.withUnsafeMutableBufferPointer { of in
                for i in 0..<of.count { of[i] = place[Int(of[i])] }
            }
        }
        return sized(of, groups: Int(n))
    }

    static func sized(_ of: [Int32], groups: Int) -> Groups {
        var first = [Int](repeating: -1, count: groups), size = [Int](repeating: 0, count: groups)
        first.withUnsafeMutableBufferPointer { first in
            size.withUnsafeMutableBufferPointer { size in
                of.withUnsafeBufferPointer { of in
                    for position in 0..<of.count {
                        let g = Int(of[position])
                        if first[g] < 0 { first[g] = position }
                        size[g] += 1
                    }
                }
            }
        }
        return Groups(of: of, first: first, size: size)
    }

    /// The frame `summarise` makes: the keys, then one column per measure.
    func summarise(_ frame: Frame, _ aggregates: [Aggregate], by keys: [Expr]) throws(Diagnostic) -> Frame {
        let groups = try groups(frame, keys)
        try cancelled(aggregates.first?.span ?? Span(0, 1))
        // An empty frame grouped by keys has no groups (no rows); without keys, one row of nothing.
        let n = keys.isEmpty ? 1 : groups.first.count
        var names: [String] = [], columns: [Vector] = [], gradeNames: Set<String> = []
        if !keys.isEmpty {
            // The keys read at each group's first row only.
            let firsts = select(frame, groups.first)
            names = keys.map(\.defaultName)
            columns = try keys.map { (e) throws(Diagnostic) in try evaluate(e, firsts).expanded(count: firsts.count) }
            for i in keys.indices where isGradeKey(keys[i], frame) { gradeNames.insert(names[i].lowercased()) }
        }
        for a in aggregates {
            names.append(a.name)
            columns.append(try measure(a, frame, groups, n))
            switch a.kind {
            case .min(let e), .max(let e): if isGradeKey(e, frame) { gradeNames.insert(a.name.lowercased()) }
            default: break
            }
        }
        return Frame(collection: nil, rows: [], names: names, columns: columns, gradeColumns: gradeNames)
    }

    /// One measure's column: one value per group.
    func measure(_ a: Aggregate, _ frame: Frame, _ groups: Groups, _ n: Int) throws(Diagnostic) -> Vector {
        let of = groups.of
        switch a.kind {
        case .count:
            return .number((0..<n).map { Double(groups.size.indices.contains($0) ? groups.size[$0] : 0) })
        case .share(let e):
            guard case .bool(let holds) = try evaluate(e, frame).expanded(count: frame.count) else {
                throw error(e.span, "'share' needs a yes/no condition", notes: ["such as: share(grade >= 4)"])
            }
            var yes = [Int](repeating: 0, count: n)
            holds.withUnsafeBufferPointer { holds in
                of.withUnsafeBufferPointer { of in
                    yes.withUnsafeMutableBufferPointer { yes in
                        for i in 0..<holds.count { yes[Int(truncatingIfNeeded: of[i])] &+= holds[i] ? 1 : 0 }
                    }
                }
            }
            // A group none of whose grades is on a scale the condition's grade is of (grade >= 4
            // over A levels) has no share: blank, not 0.
            let onScale = groupsOnScale(e, frame, groups, n)
            return .number((0..<n).map { g in
                let size = groups.size.indices.contains(g) ? groups.size[g] : 0
                return size == 0 || !onScale[g] ? .nan : Double(yes[g]) * 100 / Double(size)
            })
        case .sum(let e), .avg(let e):
            let values = try numbers(e, frame, a)
            var total = [Double](repeating: 0, count: n), counted = [Int](repeating: 0, count: n)
            values.withUnsafeBufferPointer { values in
                of.withUnsafeBufferPointer { of in
                    total.withUnsafeMutableBufferPointer { total in
                        counted.withUnsafeMutableBufferPointer { counted in
                            for i in 0..<values.count where !values[i].isNaN {
                                let g = Int(truncatingIfNeeded: of[i])
                                total[g] += values[i]
                                counted[g] &+= 1
                            }
                        }
                    }
                }
            }
            if case .sum = a.kind { return .number(total) }
            return .number((0..<n).map { counted[$0] == 0 ? .nan : total[$0] / Double(counted[$0]) })
        case .countDistinct(let e):
            let v = try evaluate(e, frame).expanded(count: frame.count)
            let r = isGradeKey(e, frame) ? gradeRank(v).rank : rank(v)
            var seen = [Set<Double>](repeating: [], count: n)
            for i in 0..<r.count where !r[i].isNaN { seen[Int(of[i])].insert(r[i]) }
            return .number(seen.map { Double($0.count) })
        case .min(let e), .max(let e):
            let least: Bool
            if case .min = a.kind { least = true } else { least = false }
            let v = try evaluate(e, frame).expanded(count: frame.count)
            if frame.count == 0 { return v.blanks(n) }
            // Grades: a lower place is a better grade, so the greatest grade is the least place;
            // X, Q and text off every scale are no grade at all.
            var order: [Double]
            if isGradeKey(e, frame) {
                let (place, onScale) = gradeRank(v)
                order = (0..<place.count).map { onScale[$0] ? -place[$0] : .nan }
            } else {
                order = rank(v)
            }
            var best = [Int](repeating: -1, count: n)
            for i in 0..<order.count where !order[i].isNaN {
                let g = Int(of[i]), b = best[g]
                if b < 0 || (least ? order[i] < order[b] : order[i] > order[b]) { best[g] = i }
            }
            return v.gather(best.map { max($0, 0) }).blanking(best.indices.filter { best[$0] < 0 })
        }
    }

    /// Per group, whether some row's grade is on the scale of the grade a comparison in `e`
    /// names (`grade >= 4`: a GCSE, not an A level); all true when `e` compares no grade with a
    /// value. Decided per qualification, then read per row.
    func groupsOnScale(_ e: Expr, _ frame: Frame, _ groups: Groups, _ n: Int) -> [Bool] {
        guard let off = offScale(e, frame) else { return [Bool](repeating: true, count: n) }
        var on = [UInt8](repeating: 0, count: n)
        let rows = frame.rows, of = groups.of
        switch off {
        case .byQualification(let offQ, let q):
            // Without a branch per row: whether a row is on scale follows no pattern row to row.
            let onQ: [UInt8] = offQ.map { $0 ? 0 : 1 }
            q.withUnsafeBufferPointer { q in
                onQ.withUnsafeBufferPointer { onQ in
                    rows.withUnsafeBufferPointer { rows in
                        of.withUnsafeBufferPointer { of in
                            on.withUnsafeMutableBufferPointer { on in
                                // Wrapping arithmetic: every index here is in range by construction.
                                for i in 0..<rows.count {
                                    on[Int(truncatingIfNeeded: of[i])] |= onQ[Int(truncatingIfNeeded: q[Int(truncatingIfNeeded: rows[i])])]
                                }
                            }
                        }
                    }
                }
            }
        case .byRow(let offRow):
            for i in 0..<offRow.count where !offRow[i] { on[Int(of[i])] = 1 }
        }
        return on.map { $0 != 0 }
    }

    /// Which rows a grade comparison in `e` names a grade off their scale for.
    enum OffScale {
        /// Per qualification row, with each result's qualification.
        case byQualification([Bool], [Int32])
        case byRow([Bool])
    }

    /// Where a grade comparison in `e` (`grade >= 4`) names a grade that is not on the rows'
    /// scale; nil when `e` compares no grade with a value.
    func offScale(_ e: Expr, _ frame: Frame) -> OffScale? {
        switch e {
        case .binary(let op, let l, let r, _) where ["<", "<=", ">", ">="].contains(op):
            let field: Field, literal: Value
            if let f = gradeField(l, frame), case .literal(let v, _) = r { (field, literal) = (f, v) }
            else if let f = gradeField(r, frame), case .literal(let v, _) = l { (field, literal) = (f, v) }
            else { return nil }
            let text: String
            switch literal {
            case .text(let t): text = t
            case .number(let n): text = Value.format(n)
            default: return nil
            }
            let has = GradeScale.all.map { $0.rank(of: text) != nil }
            if let q = field.grade?.qualifications(store) {
                return .byQualification(qualificationScales.map { $0 >= 0 && !has[Int($0)] }, q)
            }
            return .byRow(rowScales(field.grade, frame.rows).map { $0 >= 0 && !has[Int($0)] })
        case .binary(_, let l, let r, _):
            // Off the scale where both sides are (or the one side that compares a grade).
            switch (offScale(l, frame), offScale(r, frame)) {
            case (let a?, let b?): return .byRow(zip(rowsOff(a, frame), rowsOff(b, frame)).map { $0 && $1 })
            case (let a?, nil): return a
            case (nil, let b?): return b
            default: return nil
            }
        case .not(let inner, _): return offScale(inner, frame)
        default: return nil
        }
    }

    func rowsOff(_ off: OffScale, _ frame: Frame) -> [Bool] {
        switch off {
        case .byQualification(let offQ, let q): return frame.rows.map { offQ[Int(q[Int($0)])] }
        case .byRow(let a): return a
        }
    }

    /// The values of a measure that needs numbers; a field of another kind is an error at it.
    func numbers(_ e: Expr, _ frame: Frame, _ a: Aggregate) throws(Diagnostic) -> [Double] {
        let v = try evaluate(e, frame).expanded(count: frame.count)
        guard case .number(let values) = v else {
            let what: String
            switch a.kind { case .sum: what = "sum"; default: what = "avg" }
            throw error(e.span, "'\(what)' needs numbers, but \(e.defaultName == "value" ? "this" : e.defaultName) is \(article(v.typeName))",
                        notes: ["number fields: mark, fee, points, glh_achieved, days_left ... (describe COLLECTION lists them)"])
        }
        return values
    }
}

extension Vector {
    /// `count` blanks of this vector's kind.
    func blanks(_ count: Int) -> Vector {
        switch self {
        case .number: return .number([Double](repeating: .nan, count: count))
        case .text: return .text([Int32](repeating: 0, count: count))
        case .date: return .date([Day](repeating: .blank, count: count))
        default: return .string([String](repeating: "", count: count))
        }
    }

    /// The vector with the cells at `positions` made blank.
    func blanking(_ positions: [Int]) -> Vector {
        guard !positions.isEmpty else { return self }
        switch self {
        case .bool(var a):
            // A yes/no has no blank; the group had no value, so it is shown as text.
            var s = a.map { $0 ? "yes" : "no" }
            for p in positions { s[p] = "" }
            a.removeAll()
            return .string(s)
        case .number(var a): for p in positions { a[p] = .nan }; return .number(a)
        case .text(var a): for p in positions { a[p] = 0 }; return .text(a)
        case .string(var a): for p in positions { a[p] = "" }; return .string(a)
        case .date(var a): for p in positions { a[p] = .blank }; return .date(a)
        case .scalar: return self
        }
    }
}
