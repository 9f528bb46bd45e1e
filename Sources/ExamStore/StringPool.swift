import Glibc

/// Interned strings: every text cell in the store is an `Int32` id into one pool.
///
/// Equality, grouping and indexing on ids are integer operations. Id 0 is always the empty
/// string, so a blank cell is id 0. The pool only grows; ids never change meaning, so a store
/// copy that shares the pool stays valid. Not thread-safe for writes: one thread interns at a time;
/// several may read (`existing`, as the pack loader's threads do) while none interns.
///
/// Strings are found by their UTF-8 bytes in an open-addressing table (`ByteTable`), so that the
/// CSV importer interns a cell straight from the file's bytes, and a new value costs one `String`
/// and no `Hasher`: a million-candidate pack has two million distinct UCIs and ULNs.
public final class StringPool: @unchecked Sendable {
    @usableFromInline package private(set) var strings: [String] = [""]

    private struct Lookup {
        var table = ByteTable()
        /// Text with non-ASCII characters by `String` equality, so that spellings Unicode holds
        /// equal (a precomposed `ë` and `e` with a combining diaeresis) share one id, as `String`s compare.
        var nonASCII: [String: Int32] = [:]
    }
    /// Behind a pointer the pool owns rather than in stored `var`s: a lookup (millions per load)
    /// then skips Swift's run-time exclusivity check on each access to a class's property.
    private let lookup: UnsafeMutablePointer<Lookup>

    public init() {
        lookup = .allocate(capacity: 1)
        lookup.initialize(to: Lookup())
    }

    deinit {
        lookup.deinitialize(count: 1)
        lookup.deallocate()
    }

    package static let blank: Int32 = 0

    /// The id of `s`, adding it when new.
    package func intern(_ s: String) -> Int32 {
        var utf8 = s
        return utf8.withUTF8 { intern(bytes: $0, text: s) }
    }

    /// The id of the text in `bytes`, adding it when new (0 for empty).
    package func intern(bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        intern(bytes: bytes, text: nil)
    }

    /// `intern(bytes:)`, given the bytes' `String` when the caller has it.
    private func intern(bytes: UnsafeBufferPointer<UInt8>, text given: String?) -> Int32 {
        if bytes.isEmpty { return 0 }
        let hash = ByteTable.hash(bytes)
        if let id = lookup.pointee.table.find(bytes, hash: hash) { return id }
        let text = given ?? String(decoding: bytes, as: UTF8.self)
        if !bytes.allSatisfy({ $0 < 0x80 }) {
            if let id = lookup.pointee.nonASCII[text] {
                lookup.pointee.table.insert(bytes, hash: hash, id: id)
                return id
            }
            lookup.pointee.nonASCII[text] = Int32(strings.count)
        }
        let id = Int32(strings.count)
        strings.append(text)
        lookup.pointee.table.insert(bytes, hash: hash, id: id)
        return id
    }

    /// The id of the text in `bytes` (hashed by `ByteTable.hash`) if interned, without adding it:
    /// safe from several threads at once while nothing interns.
    func existing(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        lookup.pointee.table.find(bytes, hash: hash)
    }

    /// The id of a non-ASCII text equal as a `String` to one interned, without adding it.
    func existingNonASCII(_ text: String) -> Int32? { lookup.pointee.nonASCII[text] }

    /// Makes room for `count` more distinct values without growing the table on the way.
    func reserve(_ count: Int) { lookup.pointee.table.reserve(strings.count + count) }

    /// The id of `s` if it was ever interned; nil otherwise (so no record can hold it).
    package func lookup(_ s: String) -> Int32? {
        if s.isEmpty { return 0 }
        var s = s
        if let id = s.withUTF8({ lookup.pointee.table.find($0, hash: ByteTable.hash($0)) }) { return id }
        return s.utf8.allSatisfy({ $0 < 0x80 }) ? nil : lookup.pointee.nonASCII[s]
    }

    @inlinable package subscript(id: Int32) -> String { strings[Int(id)] }

    package var count: Int { strings.count }
}

/// Open addressing with linear probing over the bytes of each distinct value, kept in one arena.
struct ByteTable {
    private struct Slot {
        var hash: UInt32 = 0
        var id: Int32 = 0            // 0 = empty slot (the blank value is never stored)
        var offset: UInt32 = 0
        var length: UInt32 = 0
    }

    private var slots = [Slot](repeating: Slot(), count: 1 << 12)
    private var arena: [UInt8] = []
    private var used = 0

    /// A hash of the bytes, eight at a time (cells are short: codes, numbers, names, dates).
    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = bytes.count
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return 0 }
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
        }
        h ^= h >> 29
        return h &* 0x1656_67B1_9E37_79F9
    }

    /// The slot to start probing at: the top bits of the hash.
    @inline(__always) private static func start(_ hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: hash >> 32) & mask
    }

    func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        let n = bytes.count
        let short = UInt32(truncatingIfNeeded: hash)
        return slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                let mask = slots.count - 1
                var i = ByteTable.start(hash, mask: mask)
                while true {
                    let slot = slots[i]
                    if slot.id == 0 { return nil }
                    if slot.hash == short && Int(slot.length) == n
                        && memcmp(arena.baseAddress! + Int(slot.offset), bytes.baseAddress!, n) == 0 {
                        return slot.id
                    }
                    i = (i + 1) & mask
                }
            }
        }
    }

    /// Adds bytes not in the table under `id` (two spellings may share an id).
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, id: Int32) {
        let mask = slots.count - 1
        var i = ByteTable.start(hash, mask: mask)
        while slots[i].id != 0 { i = (i + 1) & mask }
        precondition(arena.count + bytes.count < Int(UInt32.max), "more than 4 GB of distinct text")
        slots[i] = Slot(hash: UInt32(truncatingIfNeeded: hash), id: id, offset: UInt32(arena.count), length: UInt32(bytes.count))
        arena.append(contentsOf: bytes)
        used += 1
        if used * 2 > slots.count { grow() }
    }

    /// Grows the table, when smaller, to hold `count` values below half full.
    mutating func reserve(_ count: Int) {
        var size = slots.count
        while size < count * 2 { size <<= 1 }
        if size > slots.count { rehash(into: size) }
    }

    private mutating func grow() { rehash(into: slots.count * 2) }

    private mutating func rehash(into size: Int) {
        let old = slots
        slots = [Slot](repeating: Slot(), count: size)
        let mask = slots.count - 1
        // Rehash from the bytes: the slot keeps only 32 bits of the hash.
        arena.withUnsafeBufferPointer { arena in
            for slot in old where slot.id != 0 {
                let bytes = UnsafeBufferPointer(rebasing: arena[Int(slot.offset)..<(Int(slot.offset) + Int(slot.length))])
                var i = ByteTable.start(ByteTable.hash(bytes), mask: mask)
                while slots[i].id != 0 { i = (i + 1) & mask }
                slots[i] = slot
            }
        }
    }
}
