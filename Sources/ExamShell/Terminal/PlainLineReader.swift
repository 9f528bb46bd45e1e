import Glibc

/// Reads statements line by line from standard input when it is not a terminal: no prompt,
/// no editing, and a history kept in memory only.
public final class PlainLineReader: LineEditor {
    private let fileDescriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    public private(set) var history: [String] = []

    /// Reads from `fileDescriptor` (standard input by default).
    public init(fileDescriptor: Int32 = STDIN_FILENO) {
        self.fileDescriptor = fileDescriptor
    }

    public var isInteractive: Bool { false }

    public func readLine(prompt: String) -> LineRead {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = newline + 1
                return .line(line)
            }
            if atEnd {
                guard start < buffer.count else { return .endOfInput }
                let line = String(decoding: buffer[start...], as: UTF8.self)
                start = buffer.count
                return .line(line)
            }
            fill()
        }
    }

    /// Reads the next block of input, keeping the unread part of the buffer.
    private func fill() {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: 65536))
        var count = 0
        repeat {
            count = buffer.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress! + old, 65536) }
        } while count < 0 && errno == EINTR
        buffer.removeLast(65536 - max(count, 0))
        if count <= 0 { atEnd = true }
    }

    public func addHistory(_ statement: String) {
        if history.last != statement { history.append(statement) }
    }

    public func saveHistory() {}

    public func close() {}
}
