import ExamStore

/// Grades numbered by their (scale, grade) pair, so that what a rule reads from a grade (whether
/// it is graded, its points, its place, whether it is 4 or better) is worked out once per pair
/// and read per row from a table of a few dozen values.
///
/// The results' own grades are numbered once per results table and kept with the store
/// (`DerivedColumns.resultGrades`): every question on grades reads that column.
package struct GradePairs: Sendable {
    /// Per row numbered, the number of its pair.
    package var of: [Int32]
    /// The pairs in the order first met: the scale's index in `GradeScale.all` (-1 for a
    /// qualification with no scale) and the grade's text id (0 for a blank grade, which still has
    /// the scale of its row).
    package var pairs: [(scale: Int8, grade: Int32)]

    package init(of: [Int32], pairs: [(scale: Int8, grade: Int32)]) {
        self.of = of
        self.pairs = pairs
    }

    /// Numbers `count` rows: row `i`'s grade is `grade(i)` on scale `scale(i)`.
    ///
    /// Rows run by candidate, so the pair changes on most rows: it is found in a table by scale and
    /// grade id when the ids lie close (they do: grades are few, and interned as results load),
    /// else in a dictionary.
    @inlinable
    package init(count: Int, scale: (Int) -> Int8, grade: (Int) -> Int32) {
        var low = Int32.max, high = Int32.min
        for i in 0..<count {
            let id = grade(i)
            if id != 0 { low = Swift.min(low, id); high = Swift.max(high, id) }
        }
        // Per scale (-1 first), one place for a blank and one per id from low to high.
        let width = high >= low ? Int(high) - Int(low) + 2 : 1
        let scales = GradeScale.all.count + 1
        var of = [Int32](repeating: 0, count: count)
        var pairs: [(scale: Int8, grade: Int32)] = []
        if scales * width <= 1 << 20 {
            var number = [Int32](repeating: -1, count: scales * width)
            let base = low
            number.withUnsafeMutableBufferPointer { number in
                of.withUnsafeMutableBufferPointer { of in
                    for i in 0..<count {
                        let s = scale(i), id = grade(i)
                        let place = (Int(s) &+ 1) &* width &+ (id == 0 ? 0 : Int(id &- base) &+ 1)
                        var n = number[place]
                        if n < 0 {
                            n = Int32(pairs.count)
                            pairs.append((s, id))
                            number[place] = n
                        }
                        of[i] = n
                    }
                }
            }
        } else {
            var number: [Int64: Int32] = [:]
            for i in 0..<count {
                let s = scale(i), id = grade(i)
                let key = Int64(s) << 32 | Int64(UInt32(bitPattern: id))
                if let n = number[key] { of[i] = n; continue }
                let n = Int32(pairs.count)
                pairs.append((s, id))
                number[key] = n
                of[i] = n
            }
        }
        self.of = of
        self.pairs = pairs
    }

    /// Every result's grade on its qualification's scale, numbered once per results table and
    /// kept with the store.
    package static func ofResults(_ store: Store) -> GradePairs {
        if let known = store.derived.resultGrades, known.of.count == store.results.count {
            return GradePairs(of: known.of, pairs: known.pairs)
        }
        let scaleOf = GradeScale.indexes(store: store)
        let qualification = store.results.qualification, grade = store.results.grade
        let numbered = qualification.withUnsafeBufferPointer { q in
            grade.withUnsafeBufferPointer { g in
                GradePairs(count: g.count, scale: { scaleOf[Int(q[$0])] }, grade: { g[$0] })
            }
        }
        store.derived.resultGrades = (numbered.of, numbered.pairs)
        return numbered
    }

    /// Per pair, `value(scale, grade id)`, or `blank` for a blank grade.
    package func table<T>(blank: T, _ value: (_ scale: Int, _ grade: Int32) -> T) -> [T] {
        pairs.map { $0.grade == 0 ? blank : value(Int($0.scale), $0.grade) }
    }
}
