/// The ids of the values each column of a file had lately, found by the cell's bytes as two
/// words: a column that repeats a handful of short values (centre, series, qualification, unit,
/// grade, status) then costs a word compare per cell instead of a string-table lookup.
///
/// Sixteen slots per column, each picked by a hash of the words; a cell of more than 16 bytes is
/// not cached. The key is the cell as written (its quotes included) so that what the interner
/// would trim or unquote is the same for equal keys.
struct CellCache {
    private struct Slot {
        var low: UInt64 = 0, high: UInt64 = 0
        /// The cell's length, plus 256 when quoted; 0 for an empty slot.
        var tag: UInt32 = 0
        var id: Int32 = 0
    }
    private static let slotsPerColumn = 16
    private var slots: [Slot]

    /// A cache for a file of `columns` columns.
    init(columns: Int) {
        slots = [Slot](repeating: Slot(), count: columns * CellCache.slotsPerColumn)
    }

    /// The key of the cell `bytes[start..<end]`, or nil when it is longer than 16 bytes or too
    /// near the end of the bytes to read as two words.
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, quoted: Bool) -> (low: UInt64, high: UInt64, tag: UInt32)? {
        let length = end - start
        guard length <= 16, start + 16 <= bytes.count, let base = UnsafeRawPointer(bytes.baseAddress) else { return nil }
        var low = base.loadUnaligned(fromByteOffset: start, as: UInt64.self)
        var high = base.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self)
        if length < 8 {
            low &= (1 << UInt64(length * 8)) &- 1
            high = 0
        } else if length < 16 {
            high &= (1 << UInt64((length - 8) * 8)) &- 1
        }
        return (low, high, UInt32(length) | (quoted ? 256 : 0) | 512)
    }

    @inline(__always) private static func slot(_ column: Int, _ low: UInt64, _ high: UInt64) -> Int {
        column * slotsPerColumn + Int(truncatingIfNeeded: ((low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xC2B2_AE3D_27D4_EB4F) >> 60)
    }

    /// The id cached for the key in `column`, or nil.
    @inline(__always)
    func id(_ column: Int, _ key: (low: UInt64, high: UInt64, tag: UInt32)) -> Int32? {
        let s = slots[CellCache.slot(column, key.low, key.high)]
        return s.tag == key.tag && s.low == key.low && s.high == key.high ? s.id : nil
    }

    @inline(__always)
    mutating func set(_ column: Int, _ key: (low: UInt64, high: UInt64, tag: UInt32), to id: Int32) {
        slots[CellCache.slot(column, key.low, key.high)] = Slot(low: key.low, high: key.high, tag: key.tag, id: id)
    }
}
