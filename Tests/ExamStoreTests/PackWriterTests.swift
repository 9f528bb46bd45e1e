import Testing
import Glibc
import ExamStore

@Suite struct PackWriterTests {
    @Test func aWrittenPackLoadsBackTheSame() throws {
        let source = PackFixture(SamplePack.files)
        let first = try PackImporter.load(directory: source.directory).store
        let out = PackFixture([:])
        let folder = out.directory + "/written"
        let written = try PackWriter.write(first, to: folder)
        defer { PackFixture.remove(folder) }
        #expect(written.count == 9)
        #expect(written.first == PackWriter.WrittenFile(name: "candidates.csv", rows: 2))
        let again = try PackImporter.load(directory: folder)
        #expect(again.warnings.isEmpty)
        let s = again.store
        #expect(s.summary == first.summary)
        let ann = try #require(s.candidate(number: "42"))
        #expect(s.pool[s.candidates.number[Int(ann)]] == "0042")
        #expect(s.pool[s.candidates.surname[1]] == "O'Brien, Jr")
        #expect(s.candidates.dob[Int(ann)].iso == "2007-03-14")
        #expect(s.reviews.fee == first.reviews.fee)
        #expect(s.entries.acknowledged == [false, true])
        #expect(s.units.assessment == first.units.assessment)
        #expect(s.achievements.status == first.achievements.status)
        #expect(s.calendar.count == first.calendar.count)

        let text = try CSVReader.readFile(folder + "/reviews.csv")
        #expect(String(decoding: text, as: UTF8.self).hasPrefix(
            "id,candidate,qualification,component,service,requested,consent,submitted,outcome,outcome_date,new_grade,fee\nR1,0042,05839,01,2,2024-08-23,2024-08-23,,,,,7.50\n"))
    }

    @Test func writesOnlyTablesWithRowsButAlwaysCandidates() throws {
        let source = PackFixture(["candidates.csv": "candidate,surname,forenames\n"])
        let store = try PackImporter.load(directory: source.directory).store
        let out = PackFixture([:])
        let written = try PackWriter.write(store, to: out.directory)
        // The built-in Summer 2024 calendar is part of the store, so calendar.csv is written too.
        #expect(written.map(\.name) == ["candidates.csv", "calendar.csv"])
        #expect(written[0].rows == 0)
    }

    @Test func refusesAFolderWhoseParentIsMissing() {
        let store = Store()
        #expect(throws: DiagnosticList.self) { try PackWriter.write(store, to: "/tmp/exq-no-such-parent/pack") }
    }
}
