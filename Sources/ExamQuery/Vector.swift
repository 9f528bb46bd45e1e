import ExamStore

/// A column of values for the rows of a frame: typed arrays, so predicates run a column at a time.
///
/// Text read from the store stays as pool ids (`.text`); text computed by a query (reasons,
/// names) is `.string`. Numbers are `Double` with NaN for blank; dates are `Day`s.
/// `.scalar` is one value standing for every row (a literal, `today`, a parameter).
package enum Vector: Sendable {
    case bool([Bool])
    case number([Double])
    case text([Int32])
    case string([String])
    case date([Day])
    case scalar(Value)

    package var typeName: String {
        switch self {
        case .bool: return "yes/no"
        case .number: return "number"
        case .text, .string: return "text"
        case .date: return "date"
        case .scalar(let v): return v.typeName
        }
    }

    /// The value at `row` (boxing: for output and rare slow paths, not for hot loops).
    package func value(at row: Int, pool: StringPool) -> Value {
        switch self {
        case .bool(let a): return .bool(a[row])
        case .number(let a): return a[row].isNaN ? .blank : .number(a[row])
        case .text(let a): return a[row] == 0 ? .blank : .text(pool[a[row]])
        case .string(let a): return a[row].isEmpty ? .blank : .text(a[row])
        case .date(let a): return a[row].isBlank ? .blank : .date(a[row])
        case .scalar(let v): return v
        }
    }

    /// The text of the cell at `row` as shown in tables (`dates` as the session says) and CSV (`.iso`).
    package func display(at row: Int, pool: StringPool, dates: DateStyle) -> String {
        switch self {
        case .bool(let a): return a[row] ? "yes" : "no"
        case .number(let a): return Value.format(a[row])
        case .text(let a): return pool[a[row]]
        case .string(let a): return a[row]
        case .date(let a): return a[row].text(dates)
        case .scalar(let v): return v.display(dates)
        }
    }

    /// The vector restricted to `rows` (positions into this vector), in that order.
    package func gather(_ rows: [Int]) -> Vector {
        switch self {
        case .bool(let a): return .bool(a.gathered(rows))
        case .number(let a): return .number(a.gathered(rows))
        case .text(let a): return .text(a.gathered(rows))
        case .string(let a): return .string(a.gathered(rows))
        case .date(let a): return .date(a.gathered(rows))
        case .scalar: return self
        }
    }

    /// A vector holding `count` copies of a scalar, or self.
    package func expanded(count: Int) -> Vector {
        guard case .scalar(let v) = self else { return self }
        switch v {
        case .blank: return .string([String](repeating: "", count: count))
        case .bool(let b): return .bool([Bool](repeating: b, count: count))
        case .number(let n): return .number([Double](repeating: n, count: count))
        case .text(let s): return .string([String](repeating: s, count: count))
        case .date(let d): return .date([Day](repeating: d, count: count))
        }
    }
}

extension Array {
    /// The elements at `rows`, in their order: the gather every column read makes, without a
    /// closure or a bounds check per row (rows are in range by construction).
    func gathered(_ rows: [Int32]) -> [Element] {
        [Element](unsafeUninitializedCapacity: rows.count) { out, count in
            withUnsafeBufferPointer { column in
                rows.withUnsafeBufferPointer { rows in
                    for i in 0..<rows.count { (out.baseAddress! + i).initialize(to: column[Int(truncatingIfNeeded: rows[i])]) }
                }
            }
            count = rows.count
        }
    }

    /// The elements where `keep` holds, in order: a `where` over rows, without their positions.
    func kept(where keep: [Bool]) -> [Element] {
        keep.withUnsafeBufferPointer { keep in
            var n = 0
            for k in keep { n &+= k ? 1 : 0 }
            return [Element](unsafeUninitializedCapacity: n) { out, count in
                withUnsafeBufferPointer { all in
                    var j = 0
                    for i in 0..<Swift.min(keep.count, all.count) where keep[i] {
                        (out.baseAddress! + j).initialize(to: all[i])
                        j &+= 1
                    }
                }
                count = n
            }
        }
    }

    /// The elements at `positions`, in their order.
    func gathered(_ positions: [Int]) -> [Element] {
        [Element](unsafeUninitializedCapacity: positions.count) { out, count in
            withUnsafeBufferPointer { column in
                for (i, p) in positions.enumerated() { (out.baseAddress! + i).initialize(to: column[p]) }
            }
            count = positions.count
        }
    }
}
