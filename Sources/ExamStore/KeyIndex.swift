/// A hash index from up to three `Int32`s (a candidate's centre and number; a candidate,
/// qualification and series) to an `Int32` (a row or a line), for the keys a load checks per row.
///
/// Open addressing with linear probing over one array of 16-byte slots (one cache line holds
/// four), and a multiply-shift hash: several times cheaper per row than `Dictionary` with
/// `Hasher`, which a million-candidate pack feels. Keys are never removed.
package struct KeyIndex: Sendable {
    private struct Slot {
        var a: Int32 = 0, b: Int32 = 0, c: Int32 = 0
        var value = KeyIndex.empty
    }
    private var slots: [Slot]
    package private(set) var count = 0
    private static let empty = Int32.min

    /// An index sized for `capacity` keys without growing.
    package init(capacity: Int = 0) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        slots = [Slot](repeating: Slot(), count: n)
    }

    /// Multiplicative hashing: the top bits of a mixed product pick the slot.
    @inline(__always) private static func start(_ x: Int32, _ y: Int32, _ z: Int32, mask: Int) -> Int {
        var h = UInt64(UInt32(bitPattern: x)) << 32 | UInt64(UInt32(bitPattern: y))
        h = (h ^ (h >> 31)) &* 0x9E37_79B9_7F4A_7C15
        h = (h ^ UInt64(UInt32(bitPattern: z)) ^ (h >> 29)) &* 0xC2B2_AE3D_27D4_EB4F
        return Int(truncatingIfNeeded: h >> 32) & mask
    }

    /// The value stored for the key, or nil.
    package func value(_ x: Int32, _ y: Int32, _ z: Int32 = 0) -> Int32? {
        slots.withUnsafeBufferPointer { s in
            let mask = s.count - 1
            var i = KeyIndex.start(x, y, z, mask: mask)
            while true {
                let slot = s[i]
                if slot.value == KeyIndex.empty { return nil }
                if slot.a == x && slot.b == y && slot.c == z { return slot.value }
                i = (i + 1) & mask
            }
        }
    }

    /// Stores `value` for the key, replacing any value it had.
    package mutating func set(_ x: Int32, _ y: Int32, _ z: Int32 = 0, to value: Int32) {
        precondition(value != KeyIndex.empty, "KeyIndex cannot hold Int32.min")
        if (count + 1) * 2 > slots.count { grow() }
        let added: Bool = slots.withUnsafeMutableBufferPointer { s in
            let mask = s.count - 1
            var i = KeyIndex.start(x, y, z, mask: mask)
            while s[i].value != KeyIndex.empty {
                if s[i].a == x && s[i].b == y && s[i].c == z { s[i].value = value; return false }
                i = (i + 1) & mask
            }
            s[i] = Slot(a: x, b: y, c: z, value: value)
            return true
        }
        if added { count += 1 }
    }

    private mutating func grow() {
        let old = slots
        self = KeyIndex(capacity: old.count)
        for slot in old where slot.value != KeyIndex.empty { set(slot.a, slot.b, slot.c, to: slot.value) }
    }
}

extension KeyIndex {
    /// The row of a candidate by centre and number.
    package subscript(key: Store.CandidateKey) -> Int32? { value(key.centre, key.number) }
}
