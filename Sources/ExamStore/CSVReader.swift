import Glibc

/// An RFC 4180 reader over the bytes of a whole file, one record at a time.
///
/// The file is read in one `read()` into `[UInt8]`, checked once for valid UTF-8 and NUL bytes,
/// then tokenised in place: a record is a list of `Field`s, each a byte range into the file plus
/// where it stands (line, start of that line), so that values are made only when asked for and
/// errors can point at the exact cell. Accepts a leading byte-order mark, CRLF or LF line ends,
/// quoted fields with `""` escapes and embedded commas and newlines, a last line without a newline,
/// and blank lines (skipped). Lines are physical lines of the file, counted from 1; columns are
/// characters (Unicode scalars), counted from 1.
package struct CSVReader: Sendable {
    /// One field of the current record.
    package struct Field: Sendable {
        /// The first byte of the field as written (the opening quote when quoted).
        package var start: Int
        /// One past the last byte as written (after the closing quote when quoted).
        package var end: Int
        /// The value's bytes, without the surrounding quotes (`""` pairs still doubled when `escaped`).
        package var contentStart: Int
        package var contentEnd: Int
        /// The physical line the field starts on, and the offset of that line's first byte.
        package var line: Int
        package var lineStart: Int
        package var quoted: Bool
        package var escaped: Bool
    }

    /// The path named in diagnostics.
    package let path: String
    package let bytes: [UInt8]
    /// The fields of the record read by the last `nextRecord()`.
    package private(set) var fields: [Field] = []
    /// The file's lines, as `validate()` counted them (0 before): an upper bound on its records.
    package private(set) var lines = 0
    private var position: Int
    private var line = 1
    private var lineStart: Int

    /// A reader over `bytes` (a leading byte-order mark is skipped). Call `validate()` before reading.
    package init(bytes: [UInt8], path: String) {
        self.path = path
        self.bytes = bytes
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        position = bom ? 3 : 0
        lineStart = position
    }

    /// The largest pack file read: 2 GB.
    package static let maximumFileBytes = 1 << 31

    /// Reads the whole file at `path` and checks that it is UTF-8 text.
    package static func open(path: String) throws(Diagnostic) -> CSVReader {
        let bytes = try readFile(path)
        var reader = CSVReader(bytes: bytes, path: path)
        try reader.validate()
        return reader
    }

    /// The bytes of a whole file, read with one `open` and as few `read`s as it takes.
    /// Only a regular file is read (opened without waiting, so a pipe named like a pack file is
    /// refused rather than waited on, and a device such as /dev/zero is never read), and one of at
    /// most `maximumFileBytes`.
    package static func readFile(_ path: String) throws(Diagnostic) -> [UInt8] {
        let fd = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            throw Diagnostic(file: path, line: 1, column: 1, message: "cannot open: " + String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw Diagnostic(file: path, line: 1, column: 1, message: "cannot read: " + String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw Diagnostic(file: path, line: 1, column: 1, message: "not a regular file (a pipe, device or folder named like a pack file is not read)",
                             notes: ["put the exported CSV file itself here"])
        }
        guard Int(info.st_size) <= maximumFileBytes else {
            throw Diagnostic(file: path, line: 1, column: 1,
                             message: "this file is \(info.st_size) bytes; a pack file may be at most 2 GB (\(maximumFileBytes) bytes)")
        }
        var capacity = 1 << 16
        if info.st_size > 0 { capacity = Int(info.st_size) + 1 }
        // Not zero-filled first: the read overwrites it (a large pack is hundreds of megabytes).
        var out = [UInt8](unsafeUninitializedCapacity: capacity) { _, count in count = capacity }
        var filled = 0
        while true {
            if filled == out.count { out.append(contentsOf: repeatElement(0, count: out.count)) }
            let n = out.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Diagnostic(file: path, line: 1, column: 1, message: "cannot read: " + String(cString: strerror(errno)))
            }
            if n == 0 { break }
            filled += n
            // A file that grows while it is read is still held to the limit.
            if filled > maximumFileBytes {
                throw Diagnostic(file: path, line: 1, column: 1, message: "this file is over 2 GB (\(maximumFileBytes) bytes), the most a pack file may be")
            }
        }
        out.removeLast(out.count - filled)
        return out
    }

    /// Throws at the first byte that is not valid UTF-8, or is NUL, naming its line and column;
    /// counts the file's lines (`lines`).
    package mutating func validate() throws(Diagnostic) {
        let start = position
        var lines = 0
        let problem: (offset: Int, lineNumber: Int, message: String)? = bytes.withUnsafeBufferPointer { buf in
            let n = buf.count
            let raw = UnsafeRawPointer(buf.baseAddress)
            var i = start, line = 1
            while i < n {
                // Eight bytes at a time while they are ASCII without a NUL, counting line ends.
                if i + 8 <= n, let raw {
                    let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 && Self.zeroBytes(word) == 0 {
                        line += Self.zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A).nonzeroBitCount
                        i += 8
                        continue
                    }
                }
                let c = buf[i]
                if c < 0x80 {
                    if c == 10 { line += 1 } else if c == 0 { return (i, line, "NUL byte in text: the file is not a CSV text file") }
                    i += 1
                    continue
                }
                var need = 0, minimum: UInt32 = 0, value: UInt32 = 0
                if c & 0xE0 == 0xC0 { need = 1; minimum = 0x80; value = UInt32(c & 0x1F) }
                else if c & 0xF0 == 0xE0 { need = 2; minimum = 0x800; value = UInt32(c & 0x0F) }
                else if c & 0xF8 == 0xF0 { need = 3; minimum = 0x10000; value = UInt32(c & 0x07) }
                else { return (i, line, "invalid UTF-8 (save the file as UTF-8 CSV)") }
                guard i + need < n else { return (i, line, "invalid UTF-8 (save the file as UTF-8 CSV)") }
                for k in 1...need {
                    let d = buf[i + k]
                    guard d & 0xC0 == 0x80 else { return (i, line, "invalid UTF-8 (save the file as UTF-8 CSV)") }
                    value = value << 6 | UInt32(d & 0x3F)
                }
                guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else {
                    return (i, line, "invalid UTF-8 (save the file as UTF-8 CSV)")
                }
                i += need + 1
            }
            lines = line
            return nil
        }
        self.lines = lines
        if let p = problem {
            var lineStart = p.offset
            while lineStart > start && bytes[lineStart - 1] != 10 { lineStart -= 1 }
            throw Diagnostic(file: path, line: p.lineNumber, column: column(of: p.offset, lineStart: lineStart),
                             message: p.message, sourceLine: nil)
        }
    }

    /// A word with the top bit of each byte of `word` that is zero set, and no other bit.
    @inline(__always) static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low7 = (word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F
        return ~(low7 | word | 0x7F7F_7F7F_7F7F_7F7F)
    }

    /// Reads the next record into `fields`; false at the end of the file. Blank lines are skipped.
    /// Throws on an unbalanced quote (pointing at the opening quote) or text after a closing quote.
    package mutating func nextRecord() throws(Diagnostic) -> Bool {
        // The last record's fields are overwritten in place, the extra ones then dropped: no
        // generic `removeAll` per row.
        var f = fields
        fields = []
        var filled = 0
        var pos = position, line = self.line, ls = self.lineStart
        let failure: (offset: Int, line: Int, lineStart: Int, message: String)? = bytes.withUnsafeBufferPointer { buf in
            let n = buf.count
            while pos < n {
                let c = buf[pos]
                if c == 10 { pos += 1; line += 1; ls = pos }
                else if c == 13, pos + 1 < n, buf[pos + 1] == 10 { pos += 2; line += 1; ls = pos }
                else { break }
            }
            if pos >= n { return nil }
            while true {
                let start = pos, fieldLine = line, fieldLineStart = ls
                if pos < n && buf[pos] == 34 {
                    pos += 1
                    var escaped = false
                    while true {
                        if pos >= n {
                            return (start, fieldLine, fieldLineStart, "unbalanced quote: this quoted field has no closing quote")
                        }
                        let c = buf[pos]
                        if c == 34 {
                            if pos + 1 < n && buf[pos + 1] == 34 { escaped = true; pos += 2; continue }
                            break
                        }
                        if c == 10 { line += 1; ls = pos + 1 }
                        pos += 1
                    }
                    let contentEnd = pos
                    pos += 1
                    let field = Field(start: start, end: pos, contentStart: start + 1, contentEnd: contentEnd,
                                      line: fieldLine, lineStart: fieldLineStart, quoted: true, escaped: escaped)
                    if filled < f.count { f[filled] = field } else { f.append(field) }
                    filled += 1
                    while pos < n && (buf[pos] == 32 || buf[pos] == 9) { pos += 1 }
                    if pos >= n { return nil }
                    let c = buf[pos]
                    if c == 44 { pos += 1; continue }
                    if c == 10 { pos += 1; line += 1; ls = pos; return nil }
                    if c == 13, pos + 1 < n, buf[pos + 1] == 10 { pos += 2; line += 1; ls = pos; return nil }
                    return (pos, line, ls, "unexpected text after a closing quote (a quote inside a quoted field is written \"\")")
                }
                var p = pos
                while p < n {
                    // Eight bytes at a time to the next comma, line feed or carriage return.
                    if p + 8 <= n, let raw = UnsafeRawPointer(buf.baseAddress) {
                        let word = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
                        let stops = Self.zeroBytes(word ^ 0x2C2C_2C2C_2C2C_2C2C) | Self.zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
                            | Self.zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D)
                        if stops == 0 { p += 8; continue }
                        p += stops.trailingZeroBitCount / 8
                    }
                    let c = buf[p]
                    if c == 44 || c == 10 { break }
                    if c == 13 && p + 1 < n && buf[p + 1] == 10 { break }
                    p += 1
                }
                let field = Field(start: pos, end: p, contentStart: pos, contentEnd: p,
                                  line: fieldLine, lineStart: fieldLineStart, quoted: false, escaped: false)
                if filled < f.count { f[filled] = field } else { f.append(field) }
                filled += 1
                if p >= n { pos = p; return nil }
                let c = buf[p]
                if c == 44 { pos = p + 1; continue }
                pos = p + (c == 13 ? 2 : 1)
                line += 1
                ls = pos
                return nil
            }
        }
        if f.count > filled { f.removeLast(f.count - filled) }
        fields = f
        position = pos
        self.line = line
        self.lineStart = ls
        if let e = failure {
            position = bytes.count
            throw Diagnostic(file: path, line: e.line, column: column(of: e.offset, lineStart: e.lineStart),
                             message: e.message, sourceLine: sourceLine(startingAt: e.lineStart))
        }
        return !fields.isEmpty
    }

    // MARK: Parts

    /// The offset of the next byte to read.
    package var offset: Int { position }

    /// An offset just after the first line end past `share` of the bytes not yet read (0.5: the
    /// middle of the rows after the header), where a second reader could start
    /// (`continuing(at:)`); nil for a file under `minimumBytes`. A line end may lie inside a quoted
    /// field: whoever reads the first part checks that a record ends there. (Counted from the
    /// whole file, the middle could fall inside a header whose quoted cell runs over lines, which
    /// no row read after it would notice.)
    package func lineStart(after share: Double, minimumBytes: Int) -> Int? {
        guard bytes.count >= minimumBytes else { return nil }
        var i = position + Int(Double(bytes.count - position) * share)
        while i < bytes.count && bytes[i] != 10 { i += 1 }
        return i + 1 < bytes.count ? i + 1 : nil
    }

    /// A reader of the same bytes that starts at `offset` (the start of a line), counting lines
    /// from there as a reader from the start would.
    package func continuing(at offset: Int) -> CSVReader {
        var copy = self
        copy.fields = []
        copy.position = offset
        copy.lineStart = offset
        copy.line = 1 + bytes.withUnsafeBufferPointer { buf in
            guard let raw = UnsafeRawPointer(buf.baseAddress) else { return 0 }
            var lines = 0, i = 0
            while i + 8 <= offset {
                lines += Self.zeroBytes(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A).nonzeroBitCount
                i += 8
            }
            while i < offset { if buf[i] == 10 { lines += 1 }; i += 1 }
            return lines
        }
        return copy
    }

    // MARK: Values

    /// Calls `body` with the value of field `index` of the current record: an unquoted value with
    /// spaces and tabs around it trimmed, a quoted one exactly as quoted with `""` undone; an empty buffer when `index` is negative or past the record's end.
    @inline(__always)
    package func withValue<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard index >= 0 && index < fields.count else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let field = fields[index]
        return bytes.withUnsafeBufferPointer { buf in
            var s = field.contentStart, e = field.contentEnd
            if !field.quoted {
                while s < e && (buf[s] == 32 || buf[s] == 9) { s += 1 }
                while e > s && (buf[e - 1] == 32 || buf[e - 1] == 9) { e -= 1 }
            }
            if !field.escaped { return body(UnsafeBufferPointer(rebasing: buf[s..<e])) }
            var out = [UInt8]()
            out.reserveCapacity(e - s)
            var i = s
            while i < e {
                out.append(buf[i])
                i += buf[i] == 34 && i + 1 < e && buf[i + 1] == 34 ? 2 : 1
            }
            return out.withUnsafeBufferPointer(body)
        }
    }

    /// The value of field `index` as a String ("" when absent).
    package func string(_ index: Int) -> String {
        withValue(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether field `index` is absent or blank.
    package func isBlank(_ index: Int) -> Bool { withValue(index) { $0.isEmpty } }

    // MARK: Locations

    /// The character column (from 1) of byte `offset` on the line starting at `lineStart`.
    package func column(of offset: Int, lineStart: Int) -> Int {
        var column = 1
        var i = lineStart
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }

    /// The text of the line starting at `lineStart`, without its line end; nil when 200 bytes or longer.
    package func sourceLine(startingAt lineStart: Int) -> String? {
        var e = lineStart
        while e < bytes.count && bytes[e] != 10 { e += 1 }
        if e > lineStart && bytes[e - 1] == 13 { e -= 1 }
        guard e - lineStart < 200 else { return nil }
        return String(decoding: bytes[lineStart..<e], as: UTF8.self)
    }

    /// Where field `index` of the current record is, ready for a `Diagnostic`: its line, column,
    /// length in characters (as written, up to the end of its first line) and source line.
    package func location(of index: Int) -> (line: Int, column: Int, length: Int, sourceLine: String?) {
        guard index >= 0 && index < fields.count else {
            guard let first = fields.first else { return (line, 1, 1, nil) }
            return (first.line, 1, 1, sourceLine(startingAt: first.lineStart))
        }
        let f = fields[index]
        var length = 0
        var i = f.start
        while i < f.end && bytes[i] != 10 && bytes[i] != 13 {
            if bytes[i] & 0xC0 != 0x80 { length += 1 }
            i += 1
        }
        return (f.line, column(of: f.start, lineStart: f.lineStart), max(1, length), sourceLine(startingAt: f.lineStart))
    }

    /// Whether the current record is the file's last and no line end follows it (a file cut short
    /// mid-row looks like this; so does a file whose last line simply lacks its newline).
    package var endsMidLine: Bool {
        position >= bytes.count && bytes.last != 10 && (fields.last.map { $0.end == bytes.count } ?? false)
    }

    /// The line on which the current record starts.
    package var recordLine: Int { fields.first?.line ?? line }
}
