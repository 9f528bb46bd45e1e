import Testing
import ExamStore

@Suite struct PackImporterTests {
    @Test func loadsASamplePackWithTheRightCountsAndValues() throws {
        let pack = PackFixture(SamplePack.files)
        let load = try PackImporter.load(directory: pack.directory)
        let s = load.store
        #expect(load.warnings.isEmpty)
        #expect(s.candidates.count == 2)
        #expect(s.qualifications.count == 1)
        #expect(s.units.count == 3)
        #expect(s.entries.count == 2)
        #expect(s.achievements.count == 3)
        #expect(s.results.count == 2)
        #expect(s.reviews.count == 2)
        #expect(s.certificates.count == 1)
        // The pack's Autumn 2024 event plus the built-in calendars.
        #expect(s.calendar.count == 1 + BuiltInCalendar.events.count)
        #expect(s.source == pack.directory)

        let ann = try #require(s.candidate(number: "42"))
        #expect(s.pool[s.candidates.number[Int(ann)]] == "0042")
        #expect(s.pool[s.candidates.surname[Int(ann)]] == "Smith")
        #expect(s.candidates.dob[Int(ann)].iso == "2007-03-14")
        let liam = try #require(s.candidate(number: "7", centre: "12345"))
        #expect(s.pool[s.candidates.surname[Int(liam)]] == "O'Brien, Jr")
        #expect(s.candidates.dob[Int(liam)].iso == "2006-09-14")

        let q = try #require(s.qualification(code: "05839"))
        #expect(s.qualifications.glh[Int(q)] == 360)
        #expect(s.units.mandatory == [true, true, false])
        #expect(s.units.assessment == [.exam, .exam, .moderated])

        #expect(s.entries.acknowledged == [false, true])
        #expect(s.pool[s.entries.completion[0]] == "Summer 2024")
        #expect(s.pool[s.entries.completion[1]] == "Summer 2024", "completion defaults to the series")

        #expect(s.achievements.status == [.achieved, .achieved, .claimed])
        #expect(s.results.mark == [120, Store.noNumber])
        #expect(s.results.status == [.final, .provisional])

        let r1 = try #require(s.review(id: "R1"))
        let r2 = try #require(s.review(id: "R2"))
        #expect(s.reviews.fee[Int(r1)] == 750)
        #expect(s.reviews.fee[Int(r2)] == 1200)
        #expect(s.reviews.service[Int(r1)] == .reviewOfMarking)
        #expect(s.reviews.service[Int(r2)] == .copyOfScript)
        #expect(s.reviews.requested[Int(r2)].iso == "2024-08-24")
        #expect(s.reviews.outcome[Int(r2)] == .confirmed)
        #expect(s.reviews.outcome[Int(r1)] == ReviewOutcome.none)
        #expect(s.entriesByCandidate[ann].count == 1)
    }

    /// A cell is interned once per run of equal cells down a column; equal bytes quoted and not
    /// (quoted spaces are kept, unquoted ones trimmed) or with doubled quotes are still told apart.
    @Test func repeatedCellsKeepTheirOwnValues() throws {
        let text = "candidate,surname,forenames,group\n1,Lee,Ann,\" A\"\n2,Lee,Bo, A\n3,Lee,Cy, A\n4,\"Lee\",Di,\"\"\"A\"\n5,Lee,Ed,\"\"\"B\"\n6,Le,Fi,\" A\"\n"
        let s = try PackImporter.load(files: ["candidates.csv": Array(text.utf8)]).store
        #expect(s.candidates.group.map { s.pool[$0] } == [" A", "A", "A", "\"A", "\"B", " A"])
        #expect(s.candidates.surname.map { s.pool[$0] } == ["Lee", "Lee", "Lee", "Lee", "Lee", "Le"])
    }

    /// Format 2: reviews.csv may name the series of the result reviewed; a pack without the
    /// column (format 1) reads as blank, and the writer writes the column back.
    @Test func readsAReviewsSeriesAndWritesItBack() throws {
        let pack = PackFixture(SamplePack.with(["reviews.csv": "id,candidate,qualification,exam series,service,requested\nR1,42,05839,November 2024,2,2024-11-20\nR2,42,05839,,1,2024-08-23\n"]))
        let s = try PackImporter.load(directory: pack.directory).store
        #expect(s.reviews.series.map { s.pool[$0] } == ["November 2024", ""])
        let again = try PackImporter.load(files: PackWriter.files(s)).store
        #expect(again.reviews.series.map { again.pool[$0] } == ["November 2024", ""])
        let format1 = PackFixture(SamplePack.files)
        let old = try PackImporter.load(directory: format1.directory).store
        #expect(old.reviews.series.allSatisfy { $0 == 0 } && old.reviews.series.count == old.reviews.count)
    }

    /// Format 2: qualifications.csv may say a qualification's grading; blank leaves it to the
    /// rules, and a word that is not single, double or triple is an error at its cell.
    @Test func readsAQualificationsGrading() throws {
        let quals = "qualification,title,grading\n05839,Sport,Double\nJ560,Maths,\n"
        let pack = PackFixture(SamplePack.with(["qualifications.csv": quals]))
        let s = try PackImporter.load(directory: pack.directory).store
        #expect(s.qualifications.grading == [.double, .blank])
        let bad = PackFixture(SamplePack.with(["qualifications.csv": "qualification,title,grading\n05839,Sport,quadruple\n"]))
        #expect(loadErrors(bad.directory)?.map(\.message) == ["unknown grading 'quadruple': expected single, double or triple"])
    }

    /// DOMAIN.md "Series and calendars": a pack's row wins over the built-in event it gives
    /// (same series, event and applies_to); the others still serve.
    @Test func aPackCalendarRowReplacesOnlyTheBuiltInEventItGives() throws {
        let pack = PackFixture(SamplePack.with(["calendar.csv": "series,event,date\nSummer 2024,results_day,2024-08-23\n"]))
        let s = try PackImporter.load(directory: pack.directory).store
        #expect(s.calendar.count == BuiltInCalendar.events.count)
        let resultsDays = (0..<s.calendar.count).filter { s.pool[s.calendar.event[$0]].lowercased() == "results_day" && s.pool[s.calendar.series[$0]].lowercased() == "summer 2024" }
        #expect(resultsDays.map { s.calendar.date[$0].iso }.sorted() == ["2024-08-15", "2024-08-23"])
    }

    /// Format 2: certificates.csv may say how a certificate was issued (`Third-Party` is `third
    /// party`); a word that is none of the three is an error at its cell; the writer writes it back.
    @Test func readsACertificatesMethodAndWritesItBack() throws {
        let certificates = "candidate,qualification,series,received,issued,method\n42,05839,Summer 2024,2024-11-01,2024-11-20,Third-Party\n7,05839,Summer 2024,2024-11-01,,\n"
        let pack = PackFixture(SamplePack.with(["certificates.csv": certificates]))
        let s = try PackImporter.load(directory: pack.directory).store
        #expect(s.certificates.method == [.thirdParty, .blank])
        let again = try PackImporter.load(files: PackWriter.files(s)).store
        #expect(again.certificates.method == [.thirdParty, .blank])
        let bad = PackFixture(SamplePack.with(["certificates.csv": "candidate,qualification,series,method\n42,05839,Summer 2024,emailed\n"]))
        #expect(loadErrors(bad.directory)?.map(\.message) == ["unknown method 'emailed': expected collected, posted or third party"])
    }

    /// Format 2: centres.csv names the pack's centres; a centre listed twice is an error at the
    /// second; the writer writes the file back.
    @Test func readsCentresAndTheirNames() throws {
        let pack = PackFixture(SamplePack.with(["centres.csv": "Centre Number,School Name\n12345,Riverside Academy\n"]))
        let s = try PackImporter.load(directory: pack.directory).store
        #expect(s.centreName(s.candidates.centre[0]) == "Riverside Academy")
        let again = try PackImporter.load(files: PackWriter.files(s)).store
        #expect(again.centreName(again.candidates.centre[0]) == "Riverside Academy")
        let twice = PackFixture(SamplePack.with(["centres.csv": "centre,name\n12345,Riverside\n12345,Hillside\n"]))
        #expect(loadErrors(twice.directory).map { $0.map(place) } == ["centres.csv:3:1"])
        #expect(loadErrors(twice.directory)?.first?.message == "duplicate centre '12345': the first is at line 2")
    }

    @Test func matchesHeaderAliasesAndBothDateForms() throws {
        let pack = PackFixture([
            "candidates.csv": "Cand No,Legal Surname,First Names,Date of Birth,Teaching Group\n12,Khan,Zara,22/08/2007,10A\n13,Lee,Ben,2007-08-23,10B\n",
            "qualifications.csv": "Entry Code,Title,Awarding Body\nJ560,Mathematics,OCR\n",
            "entries.csv": "CANDIDATE_NUMBER,Qual,Exam-Series\n12,J560,Summer 2024\n",
        ])
        let s = try PackImporter.load(directory: pack.directory).store
        let zara = try #require(s.candidate(number: "12"))
        #expect(s.pool[s.candidates.forenames[Int(zara)]] == "Zara")
        #expect(s.pool[s.candidates.surname[Int(zara)]] == "Khan")
        #expect(s.pool[s.candidates.group[Int(zara)]] == "10A")
        #expect(s.candidates.dob[Int(zara)].iso == "2007-08-22")
        let ben = try #require(s.candidate(number: "13"))
        #expect(s.candidates.dob[Int(ben)].iso == "2007-08-23")
        #expect(s.pool[s.qualifications.awardingBody[0]] == "OCR")
        #expect(s.entries.count == 1)
    }

    @Test func readsABOMCRLFAndQuotedFields() throws {
        let text = "candidate,surname,forenames\r\n1,\"Smith, Jones\",\"Ann \"\"Annie\"\"\"\r\n2,\"Multi\r\nLine\",Bo\r\n"
        let pack = PackFixture(["candidates.csv": ""])
        PackFixture.write([0xEF, 0xBB, 0xBF] + Array(text.utf8), to: pack.path("candidates.csv"))
        let s = try PackImporter.load(directory: pack.directory).store
        #expect(s.candidates.count == 2)
        #expect(s.pool[s.candidates.surname[0]] == "Smith, Jones")
        #expect(s.pool[s.candidates.forenames[0]] == "Ann \"Annie\"")
        #expect(s.pool[s.candidates.surname[1]] == "Multi\r\nLine")
    }

    @Test func givesCandidatesOfSeveralCentresTheirOwnKeys() throws {
        let pack = PackFixture([
            "candidates.csv": "candidate,surname,forenames,centre\n1,A,a,11111\n1,B,b,22222\n",
            "qualifications.csv": "qualification,title\nJ560,Maths\n",
            "entries.csv": "centre,candidate,qualification,series\n22222,0001,J560,Summer 2024\n",
        ])
        let s = try PackImporter.load(directory: pack.directory).store
        let b = try #require(s.candidate(number: "1", centre: "22222"))
        #expect(s.pool[s.candidates.surname[Int(b)]] == "B")
        #expect(s.entries.candidate == [b])
    }

    @Test func textsGetTheIdsOfAOneThreadLoadWhicheverThreadReadThem() throws {
        // Files after units.csv are read on several threads, each interning new texts locally;
        // merged in file order, a text's id is still its place of first appearance in the pack.
        let pack = PackFixture(SamplePack.with([
            "entries.csv": "candidate,qualification,series\n42,05839,Été 2024\n7,05839,Summer 2024\n",
            "achievements.csv": "candidate,qualification,unit,series,status,grade\n42,05839,1,Summer 2024,achieved,Q1\n7,05839,1,Summer 2024,achieved,Q2\n",
            "results.csv": "candidate,qualification,series,grade\n42,05839,Été 2024,Q2\n7,05839,Summer 2024,Q3\n",
        ]))
        let first = try PackImporter.load(directory: pack.directory).store
        let ids = try ["Été 2024", "Summer 2024", "Q1", "Q2", "Q3"].map { try #require(first.pool.lookup($0)) }
        #expect(ids == ids.sorted())
        // The decomposed spelling of "Été" (E + combining acute) is the same text.
        let decomposed = "E\u{301}t\u{E9} 2024"
        #expect(first.pool.lookup(decomposed) == ids[0])
        #expect(first.results.series.map { first.pool[$0] } == ["Été 2024", "Summer 2024"])
        #expect(first.results.grade.map { first.pool[$0] } == ["Q2", "Q3"])
        #expect(first.achievements.grade == [ids[2], ids[3]])
        for _ in 1...20 {
            let again = try PackImporter.load(directory: pack.directory).store
            #expect(again.pool.strings == first.pool.strings)
            #expect(again.results.grade == first.results.grade && again.entries.series == first.entries.series)
        }
    }

    @Test func sharesThePoolItIsGiven() throws {
        let pool = StringPool()
        let pack = PackFixture(SamplePack.files)
        let s = try PackImporter.load(directory: pack.directory, into: pool).store
        #expect(s.pool === pool)
        #expect(pool.lookup("Smith") != nil)
    }
}
