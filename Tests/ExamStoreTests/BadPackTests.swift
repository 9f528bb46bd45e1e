import Testing
import ExamStore

/// The bad-input corpus for packs: broken files built byte by byte in the test. Each must give a
/// clear error at its file, line and column, load nothing, and neither crash nor hang.
@Suite struct BadPackTests {
    static let header = "candidate,surname,forenames\n"

    /// The errors of loading `files` from memory; fails the test when the pack loads.
    func errors(_ files: [String: [UInt8]], sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
        do {
            _ = try PackImporter.load(files: files)
            Issue.record("the pack loaded", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.diagnostics
        }
    }

    func errors(_ files: [String: String], sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
        errors(files.mapValues { Array($0.utf8) }, sourceLocation: sourceLocation)
    }

    /// The sample pack with `file` replaced.
    func sample(_ file: String, _ text: String) -> [String: String] { SamplePack.with([file: text]) }

    @Test func aFileCutOffInsideAQuotePointsAtTheOpeningQuote() {
        let e = errors(["candidates.csv": Self.header + "1,Smith,Ann\n2,\"Jon"])
        #expect(e.map(place) == ["candidates.csv:3:3"])
        #expect(e.first?.message == "unbalanced quote: this quoted field has no closing quote")
    }

    @Test func aFileCutOffInsideARowSaysWhatIsMissing() {
        let e = errors(["candidates.csv": Self.header + "1,Smith,Ann\n2,Jon"])
        #expect(e.map(place) == ["candidates.csv:3:3"])
        #expect(e.first?.message == "the file ends in the middle of a row: this row has 2 of the header's 3 fields")
    }

    @Test func invalidUTF8AndNULBytesNameTheirPlace() {
        var bad = Array((Self.header + "1,Sm").utf8)
        bad += [0xFF, 0xFE] + Array("ith,Ann\n".utf8)
        let u = errors(["candidates.csv": bad])
        #expect(u.map(place) == ["candidates.csv:2:5"])
        #expect(u.first?.message == "invalid UTF-8 (save the file as UTF-8 CSV)")

        let nul = Array((Self.header + "1,Smith,Ann\n2,Jo").utf8) + [0] + Array("nes,Bo\n".utf8)
        let n = errors(["candidates.csv": nul])
        #expect(n.map(place) == ["candidates.csv:3:5"])
        #expect(n.first?.message == "NUL byte in text: the file is not a CSV text file")
    }

    @Test func aTenMegabyteCellIsRefusedWithItsSize() {
        let huge = String(repeating: "x", count: 10 * 1024 * 1024)
        let e = errors(["candidates.csv": Self.header + "1,Smith,Ann\n2,\"" + huge + "\",Bo\n"])
        #expect(e.map(place) == ["candidates.csv:3:3"])
        #expect(e.first?.message == "this cell is 10,485,760 bytes long; a pack's cells are at most 65,536")
        #expect(e.first?.sourceLine == nil, "a line that long is not echoed")
    }

    @Test func aRowOfThousandsOfFieldsIsOneError() {
        let row = "2,Jones,Bo," + Array(repeating: "x", count: 5_000).joined(separator: ",")
        let e = errors(["candidates.csv": Self.header + "1,Smith,Ann\n" + row + "\n"])
        #expect(e.map(place) == ["candidates.csv:3:12"])
        #expect(e.first?.message == "this row has 5,003 fields but the header has 3")
    }

    /// DATA-PACK.md: a header of over 1,000 columns is refused; one of 1,000 loads, its unknown
    /// columns' warnings capped.
    @Test func aHeaderOfOverAThousandColumnsIsRefused() throws {
        for columns in [1_001, 5_000, 1_000_000] {
            let extra = (4...columns).map { "extra\($0)" }.joined(separator: ",")
            let e = errors(["candidates.csv": "candidate,surname,forenames," + extra + "\n1,Smith,Ann" + String(repeating: ",", count: columns - 3) + "\n"])
            #expect(e.map(place) == ["candidates.csv:1:1"])
            #expect(e.first?.message == "the header has \(Store.grouped(columns)) columns; a pack file may have at most 1,000")
        }
        let extra = (4...1_000).map { "extra\($0)" }.joined(separator: ",")
        let load = try PackImporter.load(files: ["candidates.csv": Array(("candidate,surname,forenames," + extra + "\n1,Smith,Ann" + String(repeating: ",", count: 997) + "\n").utf8)])
        #expect(load.store.candidates.count == 1)
        #expect(load.warnings.count == PackImporter.maximumDiagnostics)
        #expect(load.warnings.last?.notes.last == "... and 947 more warnings not shown")
    }

    /// DATA-PACK.md: a row with fewer cells than the header is an error, not padded.
    @Test func aRowWithTooFewCellsIsAnError() {
        let e = errors(["candidates.csv": "candidate,surname,forenames,group\n1,Smith,Ann,10A\n2,Jones,Bo\n3,Brown,Cy,10B\n"])
        #expect(e.map(place) == ["candidates.csv:3:9"])
        #expect(e.first?.message == "this row has 3 fields but the header has 4")
    }

    @Test func aQuoteLeftOpenMidFileIsCaughtWhereItCloses() {
        let e = errors(["candidates.csv": Self.header + "1,\"Smith,Ann\n2,Jones,\"Bo\"\n"])
        #expect(e.map(place) == ["candidates.csv:3:10"])
        #expect(e.first?.message.hasPrefix("unexpected text after a closing quote") == true)
    }

    @Test func aDuplicateCandidateNamesBothLines() {
        let e = errors(["candidates.csv": Self.header + "42,Smith,Ann\n0042,Smyth,Anne\n"])
        #expect(e.map(place) == ["candidates.csv:3:1"])
        #expect(e.first?.message.contains("line 2") == true)
    }

    @Test func aDateThatDoesNotExistInEntriesOrReviews() {
        let e = errors(sample("reviews.csv", "id,candidate,qualification,service,requested\nR1,42,05839,2,31/02/2024\n"))
        #expect(e.map(place) == ["reviews.csv:2:15"])
        #expect(e.first?.message == "expected a date such as 2024-08-22 or 22/08/2024, found '31/02/2024'")
    }

    @Test func negativeGuidedLearningHours() {
        let e = errors(sample("units.csv", "qualification,unit,glh,mandatory,assessment\n05839,1,-60,yes,exam\n"))
        #expect(e.first.map(place) == "units.csv:2:9")
        #expect(e.first?.message.contains("found '-60'") == true)
    }

    @Test func anUnknownServiceListsTheServices() {
        let e = errors(sample("reviews.csv", "id,candidate,qualification,service,requested\nR1,42,05839,4,2024-08-20\n"))
        #expect(e.map(place) == ["reviews.csv:2:13"])
        #expect(e.first?.message.contains("'4'") == true)
    }

    @Test func aUnitOfAnUnknownQualification() {
        let e = errors(sample("units.csv", "qualification,unit,glh,mandatory,assessment\n05839,1,60,yes,exam\n05893,2,60,yes,exam\n"))
        #expect(e.first.map(place) == "units.csv:3:1")
        #expect(e.first?.message == "unknown qualification '05893': not in qualifications.csv")
        #expect(e.first?.notes == ["did you mean '05839'?"])
    }

    @Test func everyCorpusCaseLoadsNothingAndAGoodPackStillLoadsAfter() throws {
        // The importer builds a new store per load; a failure hands nothing back. Loading the good
        // pack after all the bad ones shows no state is carried between loads.
        _ = errors(["candidates.csv": Self.header + "1,\"Smith"])
        _ = errors(sample("units.csv", "qualification,unit,glh,mandatory,assessment\n05839,1,-60,yes,exam\n"))
        let good = try PackImporter.load(files: SamplePack.files.mapValues { Array($0.utf8) })
        #expect(good.store.candidates.count == 2)
        #expect(good.store.units.count == 3)
    }
}
