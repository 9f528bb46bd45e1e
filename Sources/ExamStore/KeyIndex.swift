/// A hash index from up to three `Int32`s (a candidate's centre and number; a candidate,
/// qualification and series) to an `Int32` (a row or a line), for the keys a load checks per row.
///
/// Open addressing with linear probing and a multiply-shift hash: several times cheaper per row
/// than `Dictionary` with `Hasher`, which a million-candidate pack feels. Keys are never removed.
public struct KeyIndex: Sendable {
    private var a: [Int32]
    private var b: [Int32]
    private var c: [Int32]
    /// The value of each slot, or `KeyIndex.empty` for an empty slot.
    private var values: [Int32]
    public private(set) var count = 0
    private static let empty = Int32.min

    /// An index sized for `capacity` keys without growing.
    public init(capacity: Int = 0) {
        var slots = 16
        while slots < capacity * 2 { slots <<= 1 }
        a = [Int32](repeating: 0, count: slots)
        b = a
        c = a
        values = [Int32](repeating: KeyIndex.empty, count: slots)
    }

    @inline(__always) private static func slot(_ x: Int32, _ y: Int32, _ z: Int32, mask: Int) -> Int {
        var h = UInt64(UInt32(bitPattern: x)) &* 0x9E37_79B9_7F4A_7C15
        h ^= UInt64(UInt32(bitPattern: y)) &* 0xC2B2_AE3D_27D4_EB4F
        h ^= UInt64(UInt32(bitPattern: z)) &* 0x1656_67B1_9E37_79F9
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }

    /// The value stored for the key, or nil.
    public func value(_ x: Int32, _ y: Int32, _ z: Int32 = 0) -> Int32? {
        values.withUnsafeBufferPointer { v in
            let mask = v.count - 1
            var i = KeyIndex.slot(x, y, z, mask: mask)
            while v[i] != KeyIndex.empty {
                if a[i] == x && b[i] == y && c[i] == z { return v[i] }
                i = (i + 1) & mask
            }
            return nil
        }
    }

    /// Stores `value` for the key, replacing any value it had.
    public mutating func set(_ x: Int32, _ y: Int32, _ z: Int32 = 0, to value: Int32) {
        precondition(value != KeyIndex.empty, "KeyIndex cannot hold Int32.min")
        if (count + 1) * 2 > values.count { grow() }
        let mask = values.count - 1
        var i = KeyIndex.slot(x, y, z, mask: mask)
        while values[i] != KeyIndex.empty {
            if a[i] == x && b[i] == y && c[i] == z { values[i] = value; return }
            i = (i + 1) & mask
        }
        a[i] = x; b[i] = y; c[i] = z
        values[i] = value
        count += 1
    }

    private mutating func grow() {
        let old = (a, b, c, values)
        self = KeyIndex(capacity: max(16, values.count))
        for i in 0..<old.3.count where old.3[i] != KeyIndex.empty {
            set(old.0[i], old.1[i], old.2[i], to: old.3[i])
        }
    }
}

extension KeyIndex {
    /// The row of a candidate by centre and number.
    public subscript(key: Store.CandidateKey) -> Int32? { value(key.centre, key.number) }
}
