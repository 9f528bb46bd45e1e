/// Interns CSV cells straight from the file's bytes: a cell seen before costs a hash and a byte
/// compare, and only a new value becomes a `String`.
///
/// A plain interner adds new values to the `StringPool`. A *local* one (`local()`), used to load
/// pack files on several threads at once, only reads the pool, which nothing writes meanwhile: a
/// value the pool lacks gets a local id, negative (-1, -2, ...), and `merge()` adds the local
/// values to the pool afterwards, in the order they were first seen. Merging files' interners in
/// file order gives every value the id a one-thread load would have given it.
struct ByteInterner {
    let pool: StringPool
    /// Local values by -id (index 0 unused); nil for a plain interner.
    private var added: [String]?
    /// Whether a local interner looks values up in the pool first (false while another thread
    /// adds to the pool: every value is then local until merged).
    private var readsPool = true
    private var table = ByteTable()
    /// Local non-ASCII values by `String` equality, as `StringPool` keeps them.
    private var nonASCII: [String: Int32] = [:]

    init(pool: StringPool) { self.pool = pool }

    /// An interner that reads `pool` and keeps new values to itself until merged.
    func local() -> ByteInterner {
        var copy = ByteInterner(pool: pool)
        copy.added = [""]
        return copy
    }

    /// A local interner that does not even read the pool, for while another thread adds to it.
    func isolated() -> ByteInterner {
        var copy = local()
        copy.readsPool = false
        return copy
    }

    /// Makes room for `count` local values.
    mutating func reserve(_ count: Int) { table.reserve(count) }

    /// The id of the text in `bytes` (0 for empty).
    @inline(__always) mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard added != nil else { return pool.intern(bytes: bytes) }
        if bytes.isEmpty { return 0 }
        let hash = ByteTable.hash(bytes)
        if readsPool, let id = pool.existing(bytes, hash: hash) { return id }
        if let id = table.find(bytes, hash: hash) { return id }
        let text = String(decoding: bytes, as: UTF8.self)
        if !bytes.allSatisfy({ $0 < 0x80 }) {
            if let id = (readsPool ? pool.existingNonASCII(text) : nil) ?? nonASCII[text] {
                table.insert(bytes, hash: hash, id: id)
                return id
            }
            nonASCII[text] = -Int32(added!.count)
        }
        let id = -Int32(added!.count)
        added!.append(text)
        table.insert(bytes, hash: hash, id: id)
        return id
    }

    /// The text of an id, local or the pool's.
    subscript(id: Int32) -> String { id < 0 ? added![Int(-id)] : pool[id] }

    /// Adds the local values to the pool (on one thread, with nothing else interning) and gives
    /// each local id's pool id, by -id; nil when there were none.
    func merge() -> [Int32]? {
        guard let added, added.count > 1 else { return nil }
        return added.enumerated().map { $0.offset == 0 ? 0 : pool.intern($0.element) }
    }
}

extension Array where Element == Int32 {
    /// Replaces local interner ids (negative) by their pool ids from `ByteInterner.merge()`.
    mutating func replaceLocalIds(_ ids: [Int32]?) {
        guard let ids else { return }
        withUnsafeMutableBufferPointer { column in
            for i in column.indices where column[i] < 0 { column[i] = ids[Int(-column[i])] }
        }
    }
}
