@testable import ExamShell
import ExamStore
import ExamQuery

/// One input: the bytes of a workspace journal. Reads it as `open` does (whole entries, a torn
/// tail, or damage refused at its line); checks that the whole entries end inside the input,
/// that a journal rewritten from the entries reads back as the same entries, and that each entry
/// goes through the command parser as the journal check does.
@_cdecl("LLVMFuzzerTestOneInput")
public func journalFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let contents = try? Journal.parse(bytes, path: "journal.exq") else { return 0 }
    precondition(contents.goodLength >= 0 && contents.goodLength <= bytes.count, "whole entries end outside the input")
    let rewritten = contents.entries.map { $0.statement + "\n#= " + Journal.checksum($0.statement) + "\n" }.joined()
    guard let again = try? Journal.parse(Array(rewritten.utf8), path: "journal.exq") else {
        preconditionFailure("a journal written from whole entries does not read back")
    }
    precondition(again.entries.map(\.statement) == contents.entries.map(\.statement), "entries changed on rewriting")
    precondition(again.tornTail == nil, "a rewritten journal has a torn tail")
    for entry in contents.entries {
        let source = SourceText(entry.statement, file: "journal.exq", firstLine: entry.line)
        if let parsed = try? CommandRegistry.parse(source) { _ = parsed.command.statement }
    }
    return 0
}
