import ExamStore

extension Evaluator {
    /// `group` straight off the store's columns, for keys that are stored text fields of the
    /// frame's collection (the usual `count by qualification, grade` over all results): no key
    /// is read for every row, only for each group's first row. Each key's ids are ranked in text
    /// order, each row's ranks made one number, and rows counted in an array. The same rows,
    /// order and counts as `denseGroup`; nil (so the general path runs) for any other key, a
    /// blank key, or too many combinations.
    func storedGroup(_ frame: Frame, _ keys: [Expr], counting: Bool) -> Frame? {
        guard let (fields, codes, stride) = storedCodes(frame, keys) else { return nil }
        let rows = frame.rows
        var counts = [Int](repeating: 0, count: stride)
        var firstRow = [Int](repeating: -1, count: stride)
        for (position, code) in codes.enumerated() {
            if firstRow[Int(code)] < 0 { firstRow[Int(code)] = position }
            counts[Int(code)] += 1
        }
        let positions = firstRow.filter { $0 >= 0 }
        let groupRows = positions.map { rows[$0] }
        var names = keys.map(\.defaultName)
        var vectors = fields.map { $0.read(self, groupRows) }
        if counting {
            let total = Double(rows.count)
            let n = (0..<stride).filter { firstRow[$0] >= 0 }.map { Double(counts[$0]) }
            names += ["count", "share"]
            vectors += [.number(n), .string(n.map { Evaluator.percent($0, of: total) })]
        }
        return Frame(collection: nil, rows: [], names: names, columns: vectors,
                     gradeColumns: Set(fields.indices.filter { fields[$0].grade != nil }.map { names[$0].lowercased() }))
    }

    /// For keys that are stored text fields of the frame's collection: the fields, each row's
    /// group as one number (the keys' ranks in text order, or on the scale for grades, combined),
    /// and how many numbers there can be. Numbers in order are groups in `count by` order. Nil
    /// for any other key, a blank key, or too many combinations.
    func storedCodes(_ frame: Frame, _ keys: [Expr]) -> (fields: [Field], codes: [Int32], stride: Int)? {
        guard let collection = frame.collection, !keys.isEmpty, !frame.rows.isEmpty else { return nil }
        var fields: [Field] = []
        var columns: [(ids: [Int32], text: [Int32]?)] = []
        for key in keys {
            guard case .field(let name, _) = key, let field = collection.field(named: name),
                  let stored = field.storedText else { return nil }
            fields.append(field)
            columns.append(stored(store))
        }
        let rows = frame.rows
        var codes = [Int32](repeating: 0, count: rows.count)
        var stride = 1
        for ((ids, text), grade) in zip(columns, fields.map { $0.grade != nil }).reversed() {
            guard let (low, ranks, size) = keyRanks(ids: ids, text: text, rows: rows, grade: grade),
                  stride <= (1 << 22) / max(size, 1) else { return nil }
            let step = Int32(stride)
            var blank = false
            ids.withUnsafeBufferPointer { ids in
                ranks.withUnsafeBufferPointer { ranks in
                    rows.withUnsafeBufferPointer { rows in
                        codes.withUnsafeMutableBufferPointer { codes in
                            for i in 0..<rows.count {
                                let rank = ranks[Int(ids[Int(rows[i])]) - low]
                                if rank < 0 { blank = true; return }
                                codes[i] &+= rank &* step
                            }
                        }
                    }
                }
            }
            if blank { return nil }
            stride *= size
        }
        return (fields, codes, stride)
    }

    /// For one key: the lowest id its rows hold, each id's rank (from `low`) among the distinct
    /// texts in text order (-1 for a blank or an id no row holds), and how many ranks there are
    /// (one more, as `denseRanks` counts, for the blank). The texts are sorted as `denseRanks`
    /// sorts them, from the same first-seen order, so the groups come out in the same order.
    /// Nil when the ids span too wide a range to tabulate.
    func keyRanks(ids: [Int32], text: [Int32]?, rows: [Int32], grade: Bool) -> (low: Int, ranks: [Int32], size: Int)? {
        var low = Int32.max, high = Int32.min
        // Over the whole column, in order: no narrower than the rows' ids, and quicker to scan.
        ids.withUnsafeBufferPointer { ids in
            for id in ids { low = min(low, id); high = max(high, id) }
        }
        guard low >= 0, Int(high) - Int(low) < 1 << 24 else { return nil }
        if let text, Int(high) >= text.count { return nil }
        // By id - low: the text id it stands for once a row holding it is seen, else 0.
        var textOf = [Int32](repeating: 0, count: Int(high - low) + 1)
        var distinct: [Int32] = []
        var seen = Set<Int32>()
        var blank = false
        rows.withUnsafeBufferPointer { rows in
            ids.withUnsafeBufferPointer { ids in
                textOf.withUnsafeMutableBufferPointer { textOf in
                    for row in rows {
                        let id = ids[Int(row)], slot = Int(id - low)
                        guard textOf[slot] == 0 else { continue }
                        let t = text.map { $0[Int(id)] } ?? id
                        guard t != 0 else { blank = true; return }   // a blank: the general path keeps blanks apart
                        textOf[slot] = t
                        if seen.insert(t).inserted { distinct.append(t) }
                    }
                }
            }
        }
        if blank { return nil }
        let before = grade ? Evaluator.gradeBefore : Evaluator.textOrder
        distinct.sort { before(store.pool[$0], store.pool[$1]) }
        var rankOf = [Int32: Int32](minimumCapacity: distinct.count)
        for (i, t) in distinct.enumerated() { rankOf[t] = Int32(i) }
        let ranks = textOf.map { $0 == 0 ? -1 : rankOf[$0]! }
        return (Int(low), ranks, distinct.count + 1)
    }
}
