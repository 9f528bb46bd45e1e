/// A one-to-many index in compressed form: for each key `0..<keyCount`, the rows that have it.
///
/// Built with a counting sort in two passes, so an index over a million rows is two flat
/// arrays rather than a million small ones. Rows of one key keep their original order.
package struct Grouping: Sendable {
    package private(set) var offsets: [Int32]
    package private(set) var rows: [Int32]

    package init() { offsets = [0]; rows = [] }

    /// Groups row indexes `0..<keys.count` by `keys[row]`, each in `0..<keyCount`.
    package init(keys: [Int32], keyCount: Int) {
        var counts = [Int32](repeating: 0, count: keyCount + 1)
        for k in keys { counts[Int(k) + 1] += 1 }
        for i in 0..<keyCount { counts[i + 1] += counts[i] }
        offsets = counts
        var next = counts
        var rows = [Int32](repeating: 0, count: keys.count)
        for (row, k) in keys.enumerated() {
            rows[Int(next[Int(k)])] = Int32(row)
            next[Int(k)] += 1
        }
        self.rows = rows
    }

    /// The rows whose key is `key` (empty for a key past the end).
    @inlinable package subscript(key: Int32) -> ArraySlice<Int32> {
        let k = Int(key)
        guard k >= 0, k + 1 < offsets.count else { return [] }
        return rows[Int(offsets[k])..<Int(offsets[k + 1])]
    }
}

extension Array where Element == Int32 {
    /// `transform` of each element, worked out once per distinct value: in a table by value when
    /// the values lie close (ids of a column holding a handful of names), else in a dictionary.
    @inlinable package func mapDistinct<T>(_ transform: (Int32) -> T) -> [T] {
        var low = Int32.max, high = Int32.min
        withUnsafeBufferPointer { ids in
            for id in ids {
                if id < low { low = id }
                if id > high { high = id }
            }
        }
        guard high >= low else { return [] }
        if Int(high) - Int(low) < 1 << 20 {
            var slot = [Int32](repeating: -1, count: Int(high) - Int(low) + 1)
            var values: [T] = []
            withUnsafeBufferPointer { ids in
                for id in ids where slot[Int(id &- low)] < 0 {
                    slot[Int(id &- low)] = Int32(values.count)
                    values.append(transform(id))
                }
            }
            return [T](unsafeUninitializedCapacity: count) { out, n in
                withUnsafeBufferPointer { ids in
                    slot.withUnsafeBufferPointer { slot in
                        for i in 0..<ids.count { (out.baseAddress! + i).initialize(to: values[Int(slot[Int(ids[i] &- low)])]) }
                    }
                }
                n = count
            }
        }
        var known: [Int32: T] = [:]
        return map { id in
            if let v = known[id] { return v }
            let v = transform(id)
            known[id] = v
            return v
        }
    }
}
