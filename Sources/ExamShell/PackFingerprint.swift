/// What a data pack's files held when it was loaded: one FNV-1a hash per CSV file.
///
/// Written after `load` in saved sessions and the journal (`load "DIR" fingerprint
/// candidates.csv:1a2b…,entries.csv:…`), so a replay can say which files changed since.
struct PackFingerprint: Equatable {
    var files: [(name: String, hash: String)]

    static func == (a: PackFingerprint, b: PackFingerprint) -> Bool {
        a.files.map(\.name) == b.files.map(\.name) && a.files.map(\.hash) == b.files.map(\.hash)
    }

    /// The fingerprint of the CSV files in `folder` now.
    static func of(folder: String) throws -> PackFingerprint {
        var files: [(String, String)] = []
        for name in FileSystem.files(in: folder) where name.lowercased().hasSuffix(".csv") {
            files.append((name, hash(try FileSystem.readBytes(folder + "/" + name))))
        }
        return PackFingerprint(files: files)
    }

    static func hash(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 14_695_981_039_346_656_037
        for b in bytes { h = (h ^ UInt64(b)) &* 1_099_511_628_211 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    var text: String { files.map { "\($0.name):\($0.hash)" }.joined(separator: ",") }

    init(files: [(name: String, hash: String)]) { self.files = files }

    init?(text: String) {
        var files: [(String, String)] = []
        for part in text.split(separator: ",") {
            guard let colon = part.lastIndex(of: ":") else { return nil }
            files.append((String(part[..<colon]), String(part[part.index(after: colon)...])))
        }
        self.files = files
    }

    /// What differs from `earlier`, in words: `entries.csv changed, reviews.csv added`.
    func changes(since earlier: PackFingerprint) -> [String] {
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
