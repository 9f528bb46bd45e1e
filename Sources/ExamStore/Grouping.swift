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
