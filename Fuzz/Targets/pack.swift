import ExamStore

/// A small valid pack the fuzzed file joins, so that rows pointing at candidates, qualifications
/// and units reach the code that resolves them.
let basePack: [String: [UInt8]] = [
    "candidates.csv": Array("candidate,surname,forenames,uci,uln,dob,group\n0042,Smith,Ann,641230240042A,9999999999,2007-01-01,13X\n7,O'Neil,\"Bo, Jr\",,,22/08/2006,\n".utf8),
    "qualifications.csv": Array("qualification,title,type,level,size,glh,awarding_body\n05839,Cambridge Technical in IT,Cambridge Technical,3,Extended Certificate,360,OCR\nJ560,Mathematics,GCSE,2,,,OCR\n".utf8),
    "units.csv": Array("qualification,unit,title,glh,mandatory,assessment\n05839,1,Fundamentals of IT,90,yes,exam\n05839,2,Global information,90,yes,exam\n05839,6,Application design,60,no,moderated\n".utf8),
    "entries.csv": Array("candidate,qualification,series,completion,acknowledged\n0042,05839,Summer 2024,,no\n7,J560,Summer 2024,Summer 2024,\n".utf8),
]

/// What a load gives, as text: the warnings, the pack written back and the pool's strings, or the errors.
func outcome(_ files: [String: [UInt8]], halvingBytes: Int) -> String {
    do {
        let load = try PackImporter.load(files: files, halvingBytes: halvingBytes)
        let pack = PackWriter.files(load.store).sorted { $0.key < $1.key }.map { $0.key + "\n" + String(decoding: $0.value, as: UTF8.self) }
        return (load.warnings.map(\.description) + pack + load.store.pool.strings).joined(separator: "\n")
    } catch {
        return error.diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// One input: a byte naming which pack file it is, then that file's bytes. The file replaces (or
/// joins) the base pack's, and the whole pack is loaded from memory, once as a whole and once
/// with every file read in two parts at once: the two must agree exactly.
@_cdecl("LLVMFuzzerTestOneInput")
public func packFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let names = PackSchema.files.map { $0.name }
    let name = names[Int(data[0]) % names.count]
    var files = basePack
    files[name] = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let whole = outcome(files, halvingBytes: .max)
    let parts = outcome(files, halvingBytes: 1)
    if whole != parts { fatalError("read in two parts, the pack loads differently:\n\(parts)\n---- read whole:\n\(whole)") }
    return 0
}
