/// Interns CSV cells straight from the file's bytes into a `StringPool`: a cell seen before costs
/// a hash and a byte compare, and only a new value becomes a `String`.
struct ByteInterner {
    let pool: StringPool

    init(pool: StringPool) { self.pool = pool }

    /// The pool id of the text in `bytes` (0 for empty).
    @inline(__always) func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        pool.intern(bytes: bytes)
    }
}
