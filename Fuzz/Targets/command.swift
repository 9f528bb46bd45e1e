@testable import ExamShell
import ExamStore
import ExamQuery

nonisolated(unsafe) let session = Session()

/// One input: a script. Splits it into statements as a script file is read (CRLF, a BOM, open
/// brackets, `expect result`), and parses each with the command registry; a command that parses
/// must give a canonical statement that parses back as the same statement.
@_cdecl("LLVMFuzzerTestOneInput")
public func commandFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for case .statement(let statement, let line) in session.items(of: text) {
        let source = SourceText(statement, file: "fuzz.exq", firstLine: line)
        guard let parsed = try? CommandRegistry.parse(source) else { continue }
        let canonical = parsed.command.statement
        guard let again = try? CommandRegistry.parse(SourceText(canonical)) else {
            preconditionFailure("canonical statement does not parse: \(canonical)")
        }
        precondition(again.command.statement == canonical, "canonical statement changed: \(canonical) -> \(again.command.statement)")
    }
    return 0
}
