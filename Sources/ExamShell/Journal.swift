import Glibc

/// A workspace's journal: every change to the data, in script form, appended and fsync'd before
/// the change is reported done.
///
/// Each entry is the statement (one line or several) followed by a check line `#= 1a2b3c4d`: the
/// FNV-1a hash of the statement. The file stays a script a person can read and run (check lines
/// are comments). On reading, entries after the last good check line are a *torn tail* (power
/// cut, kill -9 mid-write): they are set aside, never applied.
final class Journal {
    let path: String
    private var fd: Int32

    struct Entry: Equatable {
        var statement: String
        /// The line of the journal the statement starts on.
        var line: Int
    }

    struct Contents {
        var entries: [Entry]
        /// Bytes after the last whole entry, when there are any.
        var tornTail: String?
        /// Where the whole entries end: the journal is cut back to here when a tail is set aside.
        var goodLength: Int
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Opens (creating when missing) the journal at `path` for appending.
    init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure(description: "cannot open the journal \(path): \(String(cString: strerror(errno)))") }
    }

    deinit { close(fd) }

    static func checksum(_ text: String) -> String {
        var h: UInt32 = 2_166_136_261
        for b in text.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// Appends one entry and forces it to disk. When this returns, the change survives a crash.
    func append(_ statement: String) throws {
        let entry = statement + "\n#= " + Journal.checksum(statement) + "\n"
        try FileSystem.writeAll(fd, Array(entry.utf8), path)
        guard fsync(fd) == 0 else { throw Failure(description: "cannot sync the journal \(path): \(String(cString: strerror(errno)))") }
    }

    /// Reads a journal: its whole entries and any torn tail. A bad entry followed by good ones
    /// means the file was damaged in the middle: that is an error, not a tail.
    static func read(_ path: String) throws -> Contents {
        let text = try FileSystem.readText(path)
        var entries: [Entry] = []
        var pending: [Substring] = []
        var pendingLine = 1, line = 0, goodLength = 0, offset = 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, l) in lines.enumerated() {
            line += 1
            let isLast = i == lines.count - 1
            // The last piece has no newline after it: whole only if empty.
            if isLast && l.isEmpty { break }
            offset += l.utf8.count + (isLast ? 0 : 1)
            if l.hasPrefix("#= ") && !isLast {
                let statement = pending.joined(separator: "\n")
                guard !pending.isEmpty, Journal.checksum(statement) == String(l.dropFirst(3)) else {
                    // A check that does not match: torn only if nothing good follows.
                    let rest = lines[(i + 1)...].joined(separator: "\n")
                    if rest.contains("\n#= ") || rest.hasPrefix("#= ") {
                        throw Failure(description: "\(path):\(line): the journal is damaged here (an entry does not match its check line); it was not replayed")
                    }
                    break
                }
                entries.append(Entry(statement: statement, line: pendingLine))
                pending = []
                goodLength = offset
                continue
            }
            if pending.isEmpty { pendingLine = line }
            pending.append(l)
        }
        let tail = String(decoding: Array(text.utf8)[goodLength...], as: UTF8.self)
        return Contents(entries: entries, tornTail: tail.isEmpty ? nil : tail, goodLength: goodLength)
    }

    /// Cuts the journal back to `length` bytes (setting a torn tail aside), durably.
    static func truncate(_ path: String, to length: Int) throws {
        guard Glibc.truncate(path, off_t(length)) == 0 else {
            throw Failure(description: "cannot cut the torn tail off \(path): \(String(cString: strerror(errno)))")
        }
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
    }

    /// Replaces the journal with `statements`, atomically: a new file is written and synced,
    /// then renamed over the old one, and the folder is synced.
    func rewrite(_ statements: [String]) throws {
        let temporary = path + ".new"
        let text = statements.map { $0 + "\n#= " + Journal.checksum($0) + "\n" }.joined()
        try FileSystem.writeDurably(text, to: temporary)
        guard rename(temporary, path) == 0 else { throw Failure(description: "cannot replace \(path): \(String(cString: strerror(errno)))") }
        FileSystem.syncFolder(of: path)
        close(fd)
        fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(description: "cannot reopen the journal \(path)") }
    }
}
