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
    /// When it throws (a full disk), the journal is cut back to the entries before it, so no half
    /// entry is left to make the later ones look like damage.
    func append(_ statement: String) throws {
        let entry = statement + "\n#= " + Journal.checksum(statement) + "\n"
        let end = lseek(fd, 0, SEEK_END)
        do {
            try FileSystem.writeAll(fd, Array(entry.utf8), path)
            guard fsync(fd) == 0 else { throw Failure(description: "cannot sync the journal \(path): \(String(cString: strerror(errno)))") }
        } catch {
            if end >= 0 { _ = ftruncate(fd, end); _ = fsync(fd) }
            throw error
        }
    }

    /// Reads a journal: its whole entries and any torn tail. Lines may end in CRLF (a journal
    /// copied through Windows). A torn tail is what a crash mid-append leaves: the start of one
    /// entry, with no whole check line. Anything else that does not check (a changed character, a
    /// check line that does not match, an entry whose check line was lost) is damage: an error
    /// naming its line, and nothing is replayed, since entries after it may depend on it.
    static func read(_ path: String) throws -> Contents {
        try parse(try FileSystem.readBytes(path), path: path)
    }

    /// `read` on a journal's bytes (`path` names it in errors). Offsets are counted in bytes, so
    /// bytes that are not UTF-8 cannot move where the whole entries end.
    static func parse(_ bytes: [UInt8], path: String) throws -> Contents {
        var entries: [Entry] = []
        var pending: [Substring] = []
        var pendingLine = 1, goodLength = 0, offset = 0
        // Split on the byte, not the Character: "\r\n" is one Character.
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (i, rawBytes) in lines.enumerated() {
            let line = i + 1
            let isLast = i == lines.count - 1
            // The last piece has no newline after it: whole only if empty.
            if isLast && rawBytes.isEmpty { break }
            offset += rawBytes.count + (isLast ? 0 : 1)
            let trimmed = rawBytes.last == 0x0D ? rawBytes.dropLast() : rawBytes
            let l = Substring(String(decoding: trimmed, as: UTF8.self))
            if l.hasPrefix("#= ") && !isLast {
                let statement = pending.joined(separator: "\n")
                guard !pending.isEmpty, Journal.checksum(statement) == String(l.dropFirst(3)) else {
                    let first = pending.isEmpty ? line : pendingLine
                    throw Failure(description: "\(path):\(first): the journal is damaged here (the entry of lines \(first)-\(line) does not match its check line); nothing was replayed. "
                                  + "Restore the journal from a backup, or cut the damaged entry out by hand (each entry ends with its '#= ' check line)")
                }
                entries.append(Entry(statement: statement, line: pendingLine))
                pending = []
                goodLength = offset
                continue
            }
            if pending.isEmpty { pendingLine = line }
            pending.append(l)
        }
        let tail = String(decoding: bytes[goodLength...], as: UTF8.self)
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

    /// Replaces the journal with `statements`, atomically (`FileSystem.writeDurably`).
    func rewrite(_ statements: [String]) throws {
        let text = statements.map { $0 + "\n#= " + Journal.checksum($0) + "\n" }.joined()
        try FileSystem.writeDurably(text, to: path)  // keeps the journal's own permissions (0600)
        close(fd)
        fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(description: "cannot reopen the journal \(path)") }
    }
}
