import Foundation
import Testing

/// DOMAIN.md "Post-results requests": a loaded request's `new_grade` is on its qualification's
/// scale, else the pack is refused with file, line and column.
@Suite struct LoadedNewGradeTests {
    @Test func aNewGradeOffTheScaleIsAnErrorAtItsCell() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exq-newgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let files: [String: String] = [
            "candidates.csv": "candidate,surname,forenames\n0042,Smith,Ann\n",
            "qualifications.csv": "qualification,title,type,level\nH240,Mathematics,A Level,3\n",
            "entries.csv": "candidate,qualification,series\n0042,H240,Summer 2024\n",
            "results.csv": "candidate,qualification,series,grade\n0042,H240,Summer 2024,B\n",
            "reviews.csv": "id,candidate,qualification,service,requested,submitted,outcome,outcome_date,new_grade\n"
                + "R1,0042,H240,2,2024-08-16,2024-08-16,raised,2024-08-19,A\n"
                + "R2,0042,H240,1,2024-08-16,2024-08-16,raised,2024-08-20,Z9\n",
        ]
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let o = try ExqProcess.run(["-c", "load \(dir.path)"])
        #expect(o.status == 1)
        // "R2,0042,H240,1,2024-08-16,2024-08-16,raised,2024-08-20," is 55 characters: Z9 starts at 56.
        #expect(o.stderr.contains("reviews.csv:3:56: error: new_grade Z9 is not on the scale of H240: A*, A, B, C, D, E, U"), "\(o.stderr)")
    }
}
