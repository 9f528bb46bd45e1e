import Testing
import ExamStore

/// Each kind of mistake in a pack, reported at its file, line and column; a failed load loads nothing.
@Suite struct PackImportErrorTests {
    /// The errors of loading `files`; fails the test when the pack loads.
    func errors(_ files: [String: String]) -> [Diagnostic] {
        let pack = PackFixture(files)
        guard let list = loadErrors(pack.directory) else {
            Issue.record("the pack loaded")
            return []
        }
        return list
    }

    @Test func aMissingRequiredColumnNamesTheColumnAndTheHeader() {
        let e = errors(SamplePack.with(["candidates.csv": "candidate,forenames,dob\n1,Ann,2007-01-01\n"]))
        #expect(e.count == 1)
        #expect(e.map(place) == ["candidates.csv:1:1"])
        #expect(e.first?.message == "missing required column 'surname'; the header has: candidate, forenames, dob")
    }

    @Test func aDateThatDoesNotExistPointsAtItsCell() {
        let e = errors(["candidates.csv": "candidate,surname,forenames,dob\n1,Smith,Ann,2007-01-01\n2,Jones,Bo,31/02/2024\n"])
        #expect(e.map(place) == ["candidates.csv:3:12"])
        #expect(e.first?.message == "expected a date such as 2024-08-22 or 22/08/2024, found '31/02/2024'")
        #expect(e.first?.sourceLine == "2,Jones,Bo,31/02/2024")
        #expect(e.first?.length == 10)
    }

    @Test func anUnknownCandidateInEntriesNamesTheNumber() {
        let e = errors(SamplePack.with(["entries.csv": "candidate,qualification,series\n42,05839,Summer 2024\n0099,05839,Summer 2024\n"]))
        #expect(e.map(place) == ["entries.csv:3:1"])
        #expect(e.first?.message.contains("unknown candidate '0099'") == true)
    }

    @Test func anUnknownQualificationSuggestsAClose0ne() {
        let e = errors(SamplePack.with(["entries.csv": "candidate,qualification,series\n42,05893,Summer 2024\n"]))
        #expect(e.map(place) == ["entries.csv:2:4"])
        #expect(e.first?.notes == ["did you mean '05839'?"])
    }

    @Test func anUnbalancedQuoteIsReportedAtTheOpeningQuote() {
        let e = errors(SamplePack.with(["results.csv": "candidate,qualification,series,grade\n42,05839,Summer 2024,\"D\n7,05839,Summer 2024,P\n"]))
        #expect(e.map(place) == ["results.csv:2:22"])
        #expect(e.first?.message.contains("unbalanced quote") == true)
    }

    @Test func aDuplicateKeySaysWhereTheFirstOneWas() {
        let e = errors(SamplePack.with(["candidates.csv": "candidate,surname,forenames\n0042,Smith,Ann\n7,Lee,Liam\n42,Smythe,Anne\n"]))
        #expect(e.map(place) == ["candidates.csv:4:1"])
        #expect(e.first?.message == "duplicate candidate '42': the first is at line 2")
        let r = errors(SamplePack.with(["reviews.csv": "id,candidate,qualification,service,requested\nR1,42,05839,1,2024-08-23\nR1,7,05839,2,2024-08-23\n"]))
        #expect(r.map(place) == ["reviews.csv:3:1"])
        #expect(r.first?.message == "duplicate review id 'R1': the first is at line 2")
    }

    /// Entries, results and certificates share one check; a candidate with many rows (past the
    /// short per-candidate chain) and rows of a candidate apart from each other are still caught.
    @Test func aDuplicateEntryResultOrCertificateSaysWhereTheFirstOneWas() {
        var rows = (1...20).map { "42,05839,S\($0)" }                 // lines 2-21
        rows += ["7,05839,S1", "42,05839,S3", "7,05839,S1", "42,05839,S19", "0042,05839,S21", "42,05839,S21"]
        for (file, what, extra) in [("entries.csv", "entry", ""), ("results.csv", "result", ",P"), ("certificates.csv", "certificate", "")] {
            let header = "candidate,qualification,series" + (extra.isEmpty ? "" : ",grade") + "\n"
            let e = errors(SamplePack.with([file: header + rows.map { $0 + extra + "\n" }.joined()]))
            #expect(e.map(place) == ["\(file):23:4", "\(file):24:3", "\(file):25:4", "\(file):27:4"])
            #expect(e.map(\.message) == [
                "duplicate \(what) of candidate 0042 for 05839 in S3: the first is at line 4",
                "duplicate \(what) of candidate 7 for 05839 in S1: the first is at line 22",
                "duplicate \(what) of candidate 0042 for 05839 in S19: the first is at line 20",
                "duplicate \(what) of candidate 0042 for 05839 in S21: the first is at line 26",
            ])
        }
    }

    @Test func anUnknownServiceListsTheValidCodes() {
        let e = errors(SamplePack.with(["reviews.csv": "id,candidate,qualification,service,requested\nR1,42,05839,4,2024-08-23\n"]))
        #expect(e.map(place) == ["reviews.csv:2:13"])
        #expect(e.first?.message == "unknown service '4': expected 1, 2, 2P, 3, ATS, ATSP, MIR, APPEAL1 or APPEAL2")
    }

    @Test func otherBadValuesAreErrorsToo() {
        let e = errors(SamplePack.with([
            "units.csv": "qualification,unit,glh,mandatory,assessment\n05839,1,-60,maybe,written\n05839,2,60,yes,exam\n",
            "achievements.csv": "candidate,qualification,unit,series,status,grade\n42,05839,1,Summer 2024,achieved,\n42,05839,9,Summer 2024,claimed,\n",
        ]))
        #expect(e.map(place) == ["units.csv:2:9", "units.csv:2:13", "units.csv:2:19",
                                 "achievements.csv:2:33", "achievements.csv:3:10"])
        #expect(e[0].message == "expected glh (a whole number, 0 or more), found '-60'")
        #expect(e[2].message == "unknown assessment 'written': expected exam or moderated")
        #expect(e[3].message == "an achieved unit needs a grade, found a blank")
        #expect(e[4].message == "unknown unit '9' of qualification 05839: not in units.csv")
    }

    @Test func aRowLongerThanItsHeaderIsAnError() {
        let e = errors(["candidates.csv": "candidate,surname,forenames\n1,Smith,Ann,extra\n"])
        #expect(e.map(place) == ["candidates.csv:2:13"])
    }

    @Test func aFileWithoutACentreColumnInAPackOfSeveralCentresIsAnError() {
        let e = errors([
            "candidates.csv": "candidate,surname,forenames,centre\n1,A,a,11111\n1,B,b,22222\n",
            "qualifications.csv": "qualification,title\nJ560,Maths\n",
            "entries.csv": "candidate,qualification,series\n1,J560,Summer 2024\n",
        ])
        #expect(e.map(place) == ["entries.csv:1:1"])
        #expect(e.first?.message.contains("no centre column") == true)
    }

    @Test func rowsPointingIntoAMissingFileAreOneError() {
        var files = SamplePack.files
        files["qualifications.csv"] = nil
        files["units.csv"] = nil
        files["achievements.csv"] = nil
        files["results.csv"] = nil
        files["reviews.csv"] = nil
        files["certificates.csv"] = nil
        let e = errors(files)
        #expect(e.map(place) == ["entries.csv:1:1"])
        #expect(e.first?.message == "entries.csv refers to qualifications, but the pack has no qualifications.csv")
    }

    @Test func aMissingFolderOrCandidatesFileIsOneClearError() {
        #expect(loadErrors("/tmp/exq-no-such-pack-folder")?.first?.message.contains("no such folder") == true)
        let pack = PackFixture(["qualifications.csv": "qualification,title\nJ560,Maths\n"])
        let e = loadErrors(pack.directory)
        #expect(e?.count == 1)
        #expect(e?.first?.message.contains("candidates.csv") == true)
    }

    @Test func errorsAreCappedWithANoteOfHowManyMore() {
        var text = "candidate,surname,forenames,dob\n"
        for i in 1...60 { text += "\(i),S,F,99/99/2024\n" }
        let e = errors(["candidates.csv": text])
        #expect(e.count == PackImporter.maximumDiagnostics)
        #expect(e.last?.notes.last == "... and 10 more errors not shown")
    }

    @Test func errorsOfSeveralFilesComeInFileOrderAndAreCappedTogether() {
        // entries, achievements and results load on different threads; whichever ends first,
        // their errors are listed file by file, and one cap counts them all.
        func rows(_ header: String, _ row: (Int) -> String, _ n: Int) -> String {
            (1...n).reduce(header + "\n") { $0 + row($1) + "\n" }
        }
        let e = errors(SamplePack.with([
            "entries.csv": rows("candidate,qualification,series", { "\(100 + $0),05839,Summer 2024" }, 30),
            "achievements.csv": rows("candidate,qualification,unit,series,status,grade", { _ in "42,05839,9,Summer 2024,achieved,P" }, 30),
            "results.csv": rows("candidate,qualification,series,grade", { _ in "7,J999,Summer 2024,4" }, 5),
        ]))
        #expect(e.count == PackImporter.maximumDiagnostics)
        #expect(e.prefix(30).allSatisfy { $0.file.hasSuffix("entries.csv") && $0.message.contains("unknown candidate") })
        #expect(e.dropFirst(30).allSatisfy { $0.file.hasSuffix("achievements.csv") && $0.message.contains("unknown unit '9'") })
        #expect(e.map(\.line) == Array(2...31) + Array(2...21))
        #expect(e.last?.notes.last == "... and 15 more errors not shown")
    }

    @Test func aFailedLoadLeavesTheSessionStoreAsItWas() throws {
        let good = PackFixture(SamplePack.files)
        var session = Session(store: try PackImporter.load(directory: good.directory).store)
        let bad = PackFixture(SamplePack.with(["entries.csv": "candidate,qualification,series\n42,05839,Summer 2024\n999,05839,Summer 2024\n"]))
        #expect(throws: DiagnosticList.self) { try PackImporter.load(directory: bad.directory) }
        #expect(session.load(bad.directory) != nil)
        #expect(session.store.source == good.directory)
        #expect(session.store.entries.count == 2)
        #expect(session.store.candidates.count == 2)
    }

    @Test func unknownColumnsAndBadIdentifiersAreWarnings() throws {
        let centre = "12345", first12 = centre + "0" + "24" + "0042"
        let uci = first12 + String(try #require(Identifiers.uciCheckLetter(first12)))
        let uln = validULN("123456789")
        let pack = PackFixture(SamplePack.with([
            "candidates.csv": "candidate,surname,forenames,uci,uln,favourite colour,surnme\n"
                + "0042,Smith,Ann,\(uci),\(uln),blue,x\n7,Lee,Liam,\(first12)A,9999999999,red,y\n",
        ]))
        let load = try PackImporter.load(directory: pack.directory)
        #expect(load.store.candidates.count == 2)
        #expect(load.warnings.allSatisfy { $0.severity == .warning })
        #expect(load.warnings.map(place) == ["candidates.csv:1:37", "candidates.csv:1:54", "candidates.csv:3:12", "candidates.csv:3:26"])
        #expect(load.warnings[0].message.contains("unknown column 'favourite colour'"))
        #expect(load.warnings[1].notes == ["did you mean 'surname'?"])
        #expect(load.warnings[2].message.contains("invalid UCI") && load.warnings[2].message.contains("candidate 7"))
        #expect(load.warnings[3].message.contains("invalid ULN '9999999999'"))
        #expect(Identifiers.isValidULN(uln))
    }

    /// `first9` with the check digit that makes a valid ULN.
    func validULN(_ first9: String) -> String {
        for d in 0...9 where Identifiers.isValidULN(first9 + String(d)) { return first9 + String(d) }
        Issue.record("no check digit for \(first9)")
        return ""
    }
}

/// What the shell's session does with a load: swap the new store in only when it loaded.
struct Session {
    var store: Store

    /// The errors, or nil when the pack loaded and was swapped in.
    mutating func load(_ directory: String) -> [Diagnostic]? {
        do {
            store = try PackImporter.load(directory: directory, into: store.pool).store
            return nil
        } catch {
            return error.diagnostics
        }
    }
}
