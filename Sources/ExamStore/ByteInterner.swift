import Glibc

/// A cache in front of a `StringPool` keyed on raw bytes, so that a CSV cell seen before costs a
/// hash and a byte compare instead of a new `String`.
///
/// Open addressing with linear probing; the bytes of each distinct value are kept in one arena.
/// Only a value not seen before in this load becomes a `String` (and goes to the pool).
struct ByteInterner {
    private struct Slot {
        var hash: UInt64 = 0
        var id: Int32 = 0            // 0 = empty slot (the blank value is never stored)
        var offset: Int32 = 0
        var length: Int32 = 0
    }

    let pool: StringPool
    private var slots: [Slot]
    private var arena: [UInt8] = []
    private var used = 0

    init(pool: StringPool) {
        self.pool = pool
        slots = [Slot](repeating: Slot(), count: 1 << 12)
    }

    /// The pool id of the text in `bytes` (0 for empty).
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let n = bytes.count
        if n == 0 { return 0 }
        let hash = ByteInterner.hash(bytes)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        let found: Int32 = slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                while true {
                    let slot = slots[i]
                    if slot.id == 0 { return 0 }
                    if slot.hash == hash && Int(slot.length) == n
                        && memcmp(arena.baseAddress! + Int(slot.offset), bytes.baseAddress!, n) == 0 {
                        return slot.id
                    }
                    i = (i + 1) & mask
                }
            }
        }
        if found != 0 { return found }
        let id = pool.intern(String(decoding: bytes, as: UTF8.self))
        slots[i] = Slot(hash: hash, id: id, offset: Int32(arena.count), length: Int32(n))
        arena.append(contentsOf: bytes)
        used += 1
        if used * 2 > slots.count { grow() }
        return id
    }

    /// A hash of the bytes, eight at a time (cells are short: codes, numbers, names, dates).
    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = bytes.count
        let base = UnsafeRawPointer(bytes.baseAddress!)
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        var i = 0
        while i + 8 <= n {
            h = (h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xC2B2_AE3D_27D4_EB4F
            h ^= h >> 31
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n { tail |= UInt64(bytes[i]) << shift; shift += 8; i += 1 }
            h = (h ^ tail) &* 0xC2B2_AE3D_27D4_EB4F
            h ^= h >> 31
        }
        return h &* 0x1656_67B1_9E37_79F9
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.id != 0 {
            var i = Int(truncatingIfNeeded: slot.hash ^ (slot.hash >> 29)) & mask
            while slots[i].id != 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }
}
