import Testing
import Glibc
import ExamStore

@Suite struct PackWriterTests {
    /// Packs are data for exq and MIS imports, not spreadsheet reports: text that looks like a
    /// formula is written exactly as held (no `'` added), so the pack loads back the same values.
    @Test func formulaLikeTextRoundTripsExactly() throws {
        let names = ["=HYPERLINK(\"http://x.example\",\"Click\")", "+44 1632 960000", "@SUM(A1:A9)", "-Ann", "'=quoted"]
        let rows = names.enumerated().map { "\($0.offset + 1),\"\($0.element.replacingQuotes())\",Ann" }
        let first = try PackImporter.load(files: ["candidates.csv": Array(("candidate,surname,forenames\n" + rows.joined(separator: "\n") + "\n").utf8)]).store
        let out = PackFixture([:])
        let folder = out.directory + "/written"
        _ = try PackWriter.write(first, to: folder)
        defer { PackFixture.remove(folder) }
        let again = try PackImporter.load(directory: folder).store
        #expect((0..<again.candidates.count).map { again.pool[again.candidates.surname[$0]] } == names)
        let text = String(decoding: try CSVReader.readFile(folder + "/candidates.csv"), as: UTF8.self)
        #expect(text.contains("\n3,@SUM(A1:A9),Ann,"), "\(text)")
    }

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
            "id,candidate,qualification,component,series,service,requested,consent,submitted,outcome,outcome_date,new_grade,fee\nR1,0042,05839,01,,2,2024-08-23,2024-08-23,,,,,7.50\n"))
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

extension String {
    /// The text with each `"` doubled, as inside a quoted CSV field.
    func replacingQuotes() -> String { split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") }
}
