import Testing
@testable import ExamShell

/// The journal reader on bytes, as the journal fuzzer drives it.
@Suite struct JournalReaderTests {
    static func entry(_ statement: String) -> [UInt8] { Array((statement + "\n#= " + Journal.checksum(statement) + "\n").utf8) }

    /// Bytes that are not UTF-8 inside a whole entry: where the whole entries end is counted in
    /// bytes (counted in decoded characters it ran past the end of the file, a crash).
    @Test func bytesThatAreNotUTF8DoNotMoveWhereEntriesEnd() throws {
        let decoded = String(decoding: [0x61, 0xFF, 0xFE, 0x62] as [UInt8], as: UTF8.self)
        let bytes: [UInt8] = [0x61, 0xFF, 0xFE, 0x62] + Array(("\n#= " + Journal.checksum(decoded) + "\n").utf8) + Array("demo".utf8)
        let contents = try Journal.parse(bytes, path: "j")
        #expect(contents.entries.map(\.statement) == [decoded])
        #expect(contents.goodLength == bytes.count - 4)
        #expect(contents.tornTail == "demo")
    }

    @Test func crlfEntriesReadAsTheirLFSelves() throws {
        let lf = Self.entry("demo") + Self.entry("acknowledge 0007 05839")
        let crlf = Array(String(decoding: lf, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        #expect(try Journal.parse(crlf, path: "j").entries == Journal.parse(lf, path: "j").entries)
        #expect(try Journal.parse(crlf, path: "j").tornTail == nil)
    }

    /// A whole check line that does not match is damage wherever it is, even last.
    @Test func aMismatchedLastEntryIsDamageNotATornTail() {
        var bytes = Self.entry("demo") + Self.entry("acknowledge 0007 05839")
        bytes[bytes.count - 3] = bytes[bytes.count - 3] == 0x30 ? 0x31 : 0x30
        #expect(throws: Journal.Failure.self) { try Journal.parse(bytes, path: "j") }
    }
}
