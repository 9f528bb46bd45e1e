import ExamStore

/// One input: the bytes of a CSV file. Validates and reads every record, making each value and
/// each cell's location, as the importer does. Validation (eight bytes at a time over plain ASCII)
/// must agree with the standard library's UTF-8 check, and count the file's lines exactly.
@_cdecl("LLVMFuzzerTestOneInput")
public func csvFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var reader = CSVReader(bytes: bytes, path: "fuzz.csv")
    let text = String(validating: bytes, as: UTF8.self).flatMap { $0.utf8.contains(0) ? nil : $0 }
    do {
        try reader.validate()
    } catch {
        if text != nil { fatalError("valid text refused: \(error.description)") }
        _ = error.description
        return 0
    }
    guard text != nil else { fatalError("invalid text accepted") }
    if reader.lines != bytes.filter({ $0 == 10 }).count + 1 { fatalError("counted \(reader.lines) lines") }
    do {
        while try reader.nextRecord() {
            for i in 0...reader.fields.count {
                _ = reader.string(i)
                _ = reader.isBlank(i)
                _ = reader.location(of: i)
            }
            _ = reader.recordLine
        }
    } catch {
        _ = error.description
    }
    return 0
}
