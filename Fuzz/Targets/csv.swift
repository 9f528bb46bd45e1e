import ExamStore

/// One input: the bytes of a CSV file. Validates and reads every record, making each value and
/// each cell's location, as the importer does.
@_cdecl("LLVMFuzzerTestOneInput")
public func csvFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var reader = CSVReader(bytes: Array(UnsafeBufferPointer(start: data, count: size)), path: "fuzz.csv")
    do {
        try reader.validate()
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
