/// Interned strings: every text cell in the store is an `Int32` id into one pool.
///
/// Equality, grouping and indexing on ids are integer operations. Id 0 is always the empty
/// string, so a blank cell is id 0. The pool only grows; ids never change meaning, so a store
/// copy that shares the pool stays valid. Not thread-safe: exq's session is single-threaded.
public final class StringPool: @unchecked Sendable {
    public private(set) var strings: [String] = [""]
    private var ids: [String: Int32] = ["": 0]

    public init() {}

    public static let blank: Int32 = 0

    /// The id of `s`, adding it when new.
    @inlinable public func intern(_ s: String) -> Int32 {
        if let id = lookup(s) { return id }
        return add(s)
    }

    @usableFromInline func add(_ s: String) -> Int32 {
        let id = Int32(strings.count)
        strings.append(s)
        ids[s] = id
        return id
    }

    /// The id of `s` if it was ever interned; nil otherwise (so no record can hold it).
    public func lookup(_ s: String) -> Int32? { ids[s] }

    @inlinable public subscript(id: Int32) -> String { strings[Int(id)] }

    public var count: Int { strings.count }
}
