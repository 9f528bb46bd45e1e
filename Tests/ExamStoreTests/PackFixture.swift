import Glibc
import ExamStore

/// A data pack in a fresh temporary folder, written from strings in a test.
struct PackFixture: ~Copyable {
    let directory: String

    /// Writes each (file name, text) into a new folder under /tmp.
    init(_ files: [String: String]) {
        var template = Array("/tmp/exq-pack-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        directory = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        for (name, text) in files { PackFixture.write(Array(text.utf8), to: directory + "/" + name) }
    }

    /// Writes raw bytes (for BOMs and invalid UTF-8).
    static func write(_ bytes: [UInt8], to path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        precondition(fd >= 0, "cannot write \(path)")
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    func path(_ name: String) -> String { directory + "/" + name }

    deinit { PackFixture.remove(directory) }

    /// Removes a folder of plain files (and one level of subfolders).
    static func remove(_ directory: String) {
        guard let dir = opendir(directory) else { return }
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            let path = directory + "/" + name
            if unlink(path) != 0 { remove(path) }
        }
        closedir(dir)
        rmdir(directory)
    }
}

/// A small valid pack: two candidates, one qualification with two units, and a row in every file.
enum SamplePack {
    static let candidates = """
        candidate,surname,forenames,uci,uln,dob,group,centre
        0042,Smith,Ann,,,2007-03-14,11X,12345
        7,"O'Brien, Jr",Liam,,,14/09/2006,11Y,12345

        """
    static let qualifications = """
        qualification,title,type,level,size,glh,awarding_body
        05839,IT,Cambridge Technical,3,Extended Certificate,360,OCR
        """
    static let units = """
        qualification,unit,title,glh,mandatory,assessment
        05839,1,Fundamentals of IT,60,yes,exam
        05839,2,Global information,60,Y,exam
        05839,17,Internet of everything,60,no,moderated
        """
    static let entries = """
        candidate,qualification,series,completion,acknowledged
        42,05839,Summer 2023,Summer 2024,no
        7,05839,Summer 2024,,TRUE
        """
    static let achievements = """
        candidate,qualification,unit,series,status,grade
        42,05839,1,Summer 2023,achieved,P
        42,05839,1,Summer 2024,achieved,M
        7,05839,17,Summer 2024,claimed,
        """
    static let results = """
        candidate,qualification,series,grade,mark,status
        42,05839,Summer 2024,D,120,final
        7,05839,Summer 2024,P,,
        """
    static let reviews = """
        id,candidate,qualification,component,service,requested,consent,submitted,outcome,outcome_date,new_grade,fee
        R1,42,05839,01,2,2024-08-23,2024-08-23,,,,,£7.50
        R2,7,05839,,ATS,24/08/2024,,2024-08-25,confirmed,2024-09-01,,12
        """
    static let calendar = """
        series,event,date,time,applies_to
        Autumn 2024,results_day,2025-01-09,08:00,
        """
    static let certificates = """
        candidate,qualification,series,received,issued,destroyed
        42,05839,Summer 2023,2023-11-20,2023-12-01,
        """

    static var files: [String: String] {
        ["candidates.csv": candidates, "qualifications.csv": qualifications, "units.csv": units,
         "entries.csv": entries, "achievements.csv": achievements, "results.csv": results,
         "reviews.csv": reviews, "calendar.csv": calendar, "certificates.csv": certificates]
    }

    /// The pack with some files replaced.
    static func with(_ changes: [String: String]) -> [String: String] {
        files.merging(changes) { $1 }
    }
}

/// The single diagnostic a failed load threw, or nil when it loaded or threw several.
func loadErrors(_ directory: String) -> [Diagnostic]? {
    do {
        _ = try PackImporter.load(directory: directory)
        return nil
    } catch {
        return error.diagnostics
    }
}

/// "file:line:column" of a diagnostic, with the file reduced to its name.
func place(_ d: Diagnostic) -> String {
    let name = d.file.split(separator: "/").last.map(String.init) ?? d.file
    return "\(name):\(d.line):\(d.column)"
}
