import Glibc
import ExamStore

/// Files exq writes (saved answers, statements): written whole, then fsync'd, so what exq says
/// it saved is on disk.
enum FileSystem {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func writeDurably(_ text: String, to path: String, mode: mode_t? = nil) throws {
        try writeDurably(to: path, mode: mode) { write in try write(text) }
    }

    /// Writes a file whole or not at all: `produce` calls the function it is given with each piece
    /// of text (so the whole text is never held at once), which goes to a new temporary file in the
    /// same folder, opened so that it cannot be a link (`O_EXCL | O_NOFOLLOW`); that is synced,
    /// renamed over the file, and the folder synced. A failure (a full disk) leaves the old file as
    /// it was. The path is resolved first (links, links to files not there yet, `..`), so the file
    /// written is the one `Session.checkWritable` allowed. An existing file keeps its permissions;
    /// a new one gets `mode` (0644 unless given).
    static func writeDurably(to path: String, mode: mode_t? = nil, _ produce: ((String) throws -> Void) throws -> Void) throws {
        try writeDurably(bytesTo: path, mode: mode) { write in
            try withoutActuallyEscaping(produce) { produce in try produce { piece in try write(Array(piece.utf8)) } }
        }
    }

    /// `writeDurably(to:mode:_:)` for bytes (a workbook).
    static func writeDurably(bytesTo path: String, mode: mode_t? = nil, _ produce: (([UInt8]) throws -> Void) throws -> Void) throws {
        guard let target = resolvedPath(path) else { throw Failure(description: "cannot write \(path): too many links to follow") }
        let slash = target.lastIndex(of: "/")!
        let folder = slash == target.startIndex ? "/" : String(target[..<slash])
        let name = String(target[target.index(after: slash)...])
        var st = stat()
        var permissions = mode ?? 0o644
        if stat(target, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { throw Failure(description: "cannot write \(path): it is a folder") }
            if mode == nil { permissions = st.st_mode & 0o7777 }
        }
        var fd: Int32 = -1, temporary = ""
        for attempt in 0..<100 {
            temporary = (folder == "/" ? "" : folder) + "/.\(name).exq-\(getpid())-\(attempt).tmp"
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, permissions)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        do {
            _ = fchmod(fd, permissions)
            try produce { piece in try writeAll(fd, piece, path) }
            guard fsync(fd) == 0 else { throw Failure(description: "cannot sync \(path): \(String(cString: strerror(errno)))") }
            close(fd)
            fd = -1
            guard rename(temporary, target) == 0 else { throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        } catch {
            if fd >= 0 { close(fd) }
            unlink(temporary)
            throw error
        }
        syncFolder(of: target)
    }

    /// Writes all of `bytes` to `fd` (short writes and EINTR retried); `path` names it in errors.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], _ path: String) throws {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            done += n
        }
    }

    /// Syncs the folder holding `path`, so a rename or a new file in it survives a crash.
    static func syncFolder(of path: String) {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let fd = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// The absolute path with every link resolved, of something that exists.
    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// Where `path` really points, whether or not it exists yet: each part in turn, every link
    /// followed (a link to a file not there yet too), `.` and `..` applied after the links before
    /// them, as the kernel would. Nil after 40 links (a loop).
    static func resolvedPath(_ path: String) -> String? {
        let absolute = path.hasPrefix("/") ? path : (realPath(".") ?? ".") + "/" + path
        var pending = absolute.split(separator: "/").map(String.init)
        var resolved: [String] = []
        var links = 0
        while !pending.isEmpty {
            let part = pending.removeFirst()
            if part.isEmpty || part == "." { continue }
            if part == ".." { if !resolved.isEmpty { resolved.removeLast() }; continue }
            let candidate = "/" + (resolved + [part]).joined(separator: "/")
            var st = stat()
            if lstat(candidate, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK {
                links += 1
                guard links <= 40 else { return nil }
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let n = readlink(candidate, &buffer, buffer.count - 1)
                guard n >= 0 else { return nil }
                let target = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if target.hasPrefix("/") { resolved = [] }
                pending = target.split(separator: "/").map(String.init) + pending
                continue
            }
            resolved.append(part)
        }
        return "/" + resolved.joined(separator: "/")
    }

    static func makeDirectory(_ path: String) throws {
        var st = stat()
        if stat(path, &st) == 0 {
            guard (st.st_mode & S_IFMT) == S_IFDIR else { throw Failure(description: "\(path) exists and is not a folder") }
            return
        }
        guard mkdir(path, 0o755) == 0 else { throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))") }
    }

    static func readText(_ path: String) throws -> String {
        String(decoding: try readBytes(path), as: UTF8.self)
    }

    /// The files of a folder (names only, no hidden ones), sorted.
    static func files(in folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var out: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if !name.hasPrefix(".") { out.append(name) }
        }
        return out.sorted()
    }

    /// The most a script, journal or settings file may hold: 1 GB.
    static let maximumReadBytes = 1 << 30

    /// A file's bytes. Opened without waiting (a pipe with no writer is an empty file, not a
    /// hang); a device (/dev/zero) or folder is refused, and so is a file over `maximumReadBytes`.
    static func readBytes(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw Failure(description: "cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Failure(description: "cannot read \(path): \(String(cString: strerror(errno)))") }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFIFO: _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)  // a pipe someone writes into: wait for it
        case S_IFDIR: throw Failure(description: "cannot read \(path): it is a folder")
        default: throw Failure(description: "cannot read \(path): it is not a regular file (a device?)")
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw Failure(description: "cannot read \(path): \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
            if bytes.count > maximumReadBytes { throw Failure(description: "cannot read \(path): it is over 1 GB") }
        }
        return bytes
    }

    /// Paths that start with `prefix` (`Examples/at` → `Examples/at-risk.exq`), folders with a
    /// trailing `/`, hidden files only when asked for; sorted.
    static func completions(of prefix: String) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let folder = slash.map { String(prefix[...$0]) } ?? ""
        let start = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
        guard let dir = opendir(folder.isEmpty ? "." : folder) else { return [] }
        defer { closedir(dir) }
        var out: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard name != ".", name != "..", name.hasPrefix(start), !name.hasPrefix(".") || start.hasPrefix(".") else { continue }
            var st = stat()
            let isFolder = stat(folder + name, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
            out.append(folder + name + (isFolder ? "/" : ""))
        }
        return out.sorted()
    }
}
