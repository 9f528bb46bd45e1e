import Glibc
import ExamStore

/// Files exq writes (saved answers, statements): written whole, then fsync'd, so what exq says
/// it saved is on disk.
enum FileSystem {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func writeDurably(_ text: String, to path: String) throws {
        try writeDurably(to: path) { write in try write(text) }
    }

    /// Writes the file a piece at a time: `produce` calls the function it is given with each
    /// piece of text, which goes straight to the file, so the whole text is never held at once.
    static func writeDurably(to path: String, _ produce: ((String) throws -> Void) throws -> Void) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try produce { piece in
            var piece = piece
            try piece.withUTF8 { bytes in
                var done = 0
                while done < bytes.count {
                    let n = write(fd, bytes.baseAddress! + done, bytes.count - done)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
                    }
                    done += n
                }
            }
        }
        guard fsync(fd) == 0 else { throw Failure(description: "cannot sync \(path): \(String(cString: strerror(errno)))") }
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
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(description: "cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw Failure(description: "cannot read \(path): \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
