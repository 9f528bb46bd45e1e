/// What a data pack's files held when it was loaded: one 64-bit hash per pack file.
///
/// The importer hashes each file as it reads it (`PackLoad.fingerprint`), so a load reads its
/// files once. Written after `load` in saved sessions and the journal (`load "DIR" fingerprint
/// candidates.csv:1a2b…,entries.csv:…`), so a replay can say which files changed since.
package struct PackFingerprint: Equatable, Sendable {
    package var files: [(name: String, hash: String)]

    package static func == (a: PackFingerprint, b: PackFingerprint) -> Bool {
        a.files.map(\.name) == b.files.map(\.name) && a.files.map(\.hash) == b.files.map(\.hash)
    }

    /// The fingerprint of the pack files in `folder` now, read for it (a load that failed gives
    /// none of its own); nil when the folder cannot be listed.
    package static func of(folder: String) -> PackFingerprint? {
        guard let names = try? PackImporter.listFiles(folder) else { return nil }
        let known = Set(PackSchema.files.map { $0.name })
        var files: [(String, String)] = []
        for (lower, name) in names where known.contains(lower) || known.contains(lower.replacing(".xlsx", with: ".csv")) {
            guard let bytes = try? CSVReader.readFile(folder + "/" + name) else { continue }
            files.append((name, hash(bytes)))
        }
        return PackFingerprint(files: files.sorted { $0.0 < $1.0 })
    }

    /// A 64-bit hash of `bytes` as 16 hex digits, eight bytes a step: deterministic across runs
    /// and machines (little-endian words), and fast enough not to show beside the load itself.
    package static func hash(_ bytes: [UInt8]) -> String {
        let h: UInt64 = bytes.withUnsafeBytes { raw in
            let n = raw.count
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15
            var i = 0
            while i + 8 <= n {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                h = (h ^ word) &* 0xC2B2_AE3D_27D4_EB4F
                h = (h << 31) | (h >> 33)
                i += 8
            }
            var tail: UInt64 = 0, shift: UInt64 = 0
            while i < n { tail |= UInt64(raw[i]) << shift; shift += 8; i += 1 }
            h = (h ^ tail) &* 0xC2B2_AE3D_27D4_EB4F
            // The length last, multiplied: mixed in first, it cancels against the first byte.
            h = (h ^ (UInt64(n) &* 0xFF51_AFD7_ED55_8CCD)) &* 0xC4CE_B9FE_1A85_EC53
            h ^= h >> 29
            h = h &* 0x1656_67B1_9E37_79F9
            return h ^ (h >> 32)
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    package var text: String { files.map { "\($0.name):\($0.hash)" }.joined(separator: ",") }

    package init(files: [(name: String, hash: String)]) { self.files = files }

    package init?(text: String) {
        var files: [(String, String)] = []
        for part in text.split(separator: ",") {
            guard let colon = part.lastIndex(of: ":") else { return nil }
            files.append((String(part[..<colon]), String(part[part.index(after: colon)...])))
        }
        self.files = files
    }

    /// What differs from `earlier`, in words: `entries.csv changed, reviews.csv added`.
    package func changes(since earlier: PackFingerprint) -> [String] {
        var out: [String] = []
        let before = Dictionary(earlier.files.map { ($0.name, $0.hash) }, uniquingKeysWith: { a, _ in a })
        let now = Dictionary(files.map { ($0.name, $0.hash) }, uniquingKeysWith: { a, _ in a })
        for (name, hash) in files {
            if let old = before[name] { if old != hash { out.append("\(name) changed") } } else { out.append("\(name) added") }
        }
        for (name, _) in earlier.files where now[name] == nil { out.append("\(name) removed") }
        return out
    }
}
