import Testing
import ExamStore

/// A large file is read in two halves at once (`PackLoader+Parallel.swift`); what it loads, and
/// what it reports, must be what reading it in one go gives.
@Suite struct PackHalvesTests {
    static let centres = ["11111", "22222", "33333"]
    static let perCentre = 9_000

    /// Candidates 1 to `perCentre` at each centre, with valid UCIs: over a megabyte, so read in
    /// two parts too. The last centre's forenames are written decomposed (e + combining diaeresis).
    static let candidates: String = candidateRows().joined(separator: "\n") + "\n"

    static func candidateRows() -> [String] {
        var rows = ["centre,candidate,surname,forenames,uci"]
        for centre in centres {
            for n in 1...perCentre {
                let first12 = centre + "024" + String(repeating: "0", count: 4 - String(n).count) + String(n)
                let uci = first12 + String(Identifiers.uciCheckLetter(first12)!)
                let name = centre == "33333" ? "Zoe\u{308}\(n % 7)" : "Zoë\(n % 7)"
                rows.append("\(centre),\(n),Surname\(n % 97),\(name),\(uci)")
            }
        }
        return rows
    }

    /// An entry per candidate, in candidates.csv's order: over a megabyte, so read in halves.
    static func entryRows(_ row: (String, Int) -> String = { c, n in "\(c),\(n),05839,Summer 2024,Summer \(2025 + n % 3),no" }) -> [String] {
        centres.flatMap { c in (1...perCentre).map { row(c, $0) } }
    }

    static func pack(entries rows: [String], candidates: String = candidates) -> [String: String] {
        ["candidates.csv": candidates, "qualifications.csv": SamplePack.qualifications, "units.csv": SamplePack.units,
         "entries.csv": "centre,candidate,qualification,series,completion,acknowledged\n" + rows.joined(separator: "\n") + "\n"]
    }

    @Test func aFileReadInHalvesKeepsEveryRowInOrder() throws {
        // The last centre's rows (all in the second half) have completions of their own.
        let rows = Self.entryRows { c, n in
            "\(c),\(n),05839,Summer 2024,\(c == "33333" ? "Later \(n % 2)" : "Summer \(2025 + n % 3)"),no"
        }
        let text = try #require(Self.pack(entries: rows)["entries.csv"])
        #expect(text.utf8.count > 1 << 20)
        let fixture = PackFixture(Self.pack(entries: rows))
        let s = try PackImporter.load(directory: fixture.directory).store
        #expect(s.entries.count == rows.count)
        for (i, row) in rows.enumerated() {
            let cells = row.split(separator: ",").map(String.init)
            let c = Int(s.entries.candidate[i])
            guard s.pool[s.candidates.centre[c]] == cells[0], s.pool[s.candidates.number[c]] == cells[1],
                  s.pool[s.entries.completion[i]] == cells[4] else {
                Issue.record("row \(i + 2) loaded as candidate \(s.pool[s.candidates.number[c]]) at \(s.pool[s.candidates.centre[c]]), completion \(s.pool[s.entries.completion[i]])")
                return
            }
        }
        // Texts take ids in the order the file first has them, the second half's after the first's.
        let ids = try ["Summer 2024", "Summer 2026", "Summer 2027", "Summer 2025", "Later 1", "Later 0"].map { try #require(s.pool.lookup($0)) }
        #expect(ids == ids.sorted())
    }

    @Test func aDuplicateAcrossTheMiddleIsReportedAsInOneGo() {
        var rows = Self.entryRows()
        let last = rows.count + 1                 // the line of the last row
        rows[rows.count - 1] = rows[0]            // repeats line 2's keys
        let fixture = PackFixture(Self.pack(entries: rows))
        let e = loadErrors(fixture.directory) ?? []
        #expect(e.map(place) == ["entries.csv:\(last):9"])
        #expect(e.first?.message == "duplicate entry of candidate 1 for 05839 in Summer 2024: the first is at line 2")
    }

    @Test func aQuotedFieldAcrossTheMiddleIsReadWhole() throws {
        // A quoted cell whose lines look like rows, centred on the middle of the file.
        let rows = Self.entryRows()
        let half = rows.count / 2
        let inner = (1...400).map { "\"\"33333,\($0),05839,Summer 2024\"\"" }.joined(separator: "\n")
        var withQuote = Array(rows[..<half])
        withQuote.append("11111,\(Self.perCentre),05839,Autumn 2024,\"\(inner)\",no")
        withQuote += rows[half...]
        let fixture = PackFixture(Self.pack(entries: withQuote))
        let s = try PackImporter.load(directory: fixture.directory).store
        #expect(s.entries.count == rows.count + 1)
        let cell = s.pool[s.entries.completion[half]]
        #expect(cell.hasPrefix("\"33333,1,05839") && cell.split(separator: "\n").count == 400)
        #expect(s.pool[s.entries.series[half + 1]] == "Summer 2024")
    }

    @Test func aBrokenQuoteInTheFirstHalfEndsTheFileAsInOneGo() throws {
        var rows = Self.entryRows()
        rows[9] = "11111,10,05839,\"Summer 2024,Summer 2025,no"          // line 11: no closing quote before…
        rows[rows.count - 5] = "11111,99999,05839,Summer 2024,,no"     // …an unknown candidate never reached
        let fixture = PackFixture(Self.pack(entries: rows))
        let e = loadErrors(fixture.directory) ?? []
        #expect(e.count == 1)
        #expect(e.first.map(place) == "entries.csv:11:16")
        #expect(e.first?.message.hasPrefix("unexpected text after a closing quote") == true
                || e.first?.message.hasPrefix("unbalanced quote") == true)
    }

    @Test func candidatesReadInTwoPartsKeepEveryRowAndKey() throws {
        #expect(Self.candidates.utf8.count > 1 << 20)
        let fixture = PackFixture(Self.pack(entries: Self.entryRows()))
        let load = try PackImporter.load(directory: fixture.directory)
        let s = load.store
        #expect(load.warnings.isEmpty)
        #expect(s.candidates.count == Self.centres.count * Self.perCentre)
        for (i, row) in Self.candidateRows().dropFirst().enumerated() {
            let cells = row.split(separator: ",").map(String.init)
            guard s.pool[s.candidates.centre[i]] == cells[0], s.pool[s.candidates.number[i]] == cells[1],
                  s.pool[s.candidates.uci[i]] == cells[4], s.candidate(number: cells[1], centre: cells[0]) == Int32(i) else {
                Issue.record("candidate row \(i + 2) loaded as \(s.pool[s.candidates.number[i]]) at \(s.pool[s.candidates.centre[i]])")
                return
            }
        }
        #expect(s.centres.map { s.pool[$0] } == Self.centres)
        // The decomposed spelling of the last centre is the precomposed name of the first.
        #expect(s.candidates.forenames[0] == s.candidates.forenames[2 * Self.perCentre])
        let ids = try ["11111", "1", "Surname1", "Zoë1", "22222", "33333"].map { try #require(s.pool.lookup($0)) }
        #expect(ids == ids.sorted())
    }

    @Test func aDuplicateCandidateAcrossTheSplitIsReportedAsInOneGo() {
        var rows = Self.candidateRows()
        rows[rows.count - 1] = rows[1]
        let fixture = PackFixture(Self.pack(entries: [], candidates: rows.joined(separator: "\n") + "\n"))
        let e = loadErrors(fixture.directory) ?? []
        #expect(e.map(place) == ["candidates.csv:\(rows.count):7"])
        #expect(e.first?.message == "duplicate candidate '1' at centre 11111: the first is at line 2")
    }
}

/// Every pack loads the same read in parts as read whole: the same store, the same ids for its
/// texts, the same warnings, or the same errors. Small files are split here by lowering the size
/// at which a file is read in two parts (the fuzzer `Fuzz/run.sh pack` checks the same on
/// arbitrary files).
@Suite struct PackPartsAgreeTests {
    static let packs: [(String, [String: String])] = [
        ("the sample pack", SamplePack.files),
        ("quoted cells and blank lines", SamplePack.with([
            "candidates.csv": "candidate,surname,forenames,dob\r\n\r\n0042,\"Smith,\r\nJones\",Ann,2007-03-14\r\n\r\n\r\n7,\"O'Brien\",\"Liam \"\"Lee\"\"\",14/09/2006\r\n8,Patel,Zoë,2007-01-02\r\n",
            "entries.csv": "candidate,qualification,series,completion\n42,05839,Summer 2023,\"Summer\n2024\"\n\n7,05839,Summer 2024,\n8,05839,Summer 2024,Summer 2025\n",
        ])),
        ("duplicates either side of the middle", SamplePack.with([
            "candidates.csv": "candidate,surname\n1,A\n2,B\n3,C\n4,D\n5,E\n1,F\n",
            "entries.csv": "candidate,qualification,series\n1,05839,Summer 2024\n2,05839,Summer 2024\n3,05839,Summer 2024\n1,05839,Summer 2024\n",
            "results.csv": "candidate,qualification,series,grade\n1,05839,Summer 2024,P\n2,05839,Summer 2024,M\n2,05839,Summer 2024,D\n",
        ])),
        ("a broken quote before the middle", SamplePack.with([
            "achievements.csv": "candidate,qualification,unit,series,status,grade\n42,05839,1,\"Summer 2024,achieved,P\n42,05839,2,Summer 2024,achieved,M\n7,05839,99,Summer 2024,achieved,M\n7,05839,17,Summer 2024,claimed,\n",
        ])),
        ("unknown keys and bad values everywhere", SamplePack.with([
            "entries.csv": "candidate,qualification,series,acknowledged\n42,05839,Summer 2024,maybe\n99,05839,Summer 2024,no\n7,J999,Summer 2024,no\n7,05839,,no\n42,05839,Summer 2025,yes\n",
            "achievements.csv": "candidate,qualification,unit,series,status,grade\n42,05839,1,Summer 2024,done,P\n42,05839,3,Summer 2024,achieved,\n7,05839,17,Summer 2024,claimed,\n",
            "results.csv": "candidate,qualification,series,grade,mark,status\n42,05839,Summer 2024,D,12x,final\n7,05839,Summer 2024,,,\n7,05839,Summer 2023,P,3,maybe\n",
        ])),
        ("a header whose quoted cell runs over lines that look like rows", SamplePack.with([
            "results.csv": "candidate,qualification,\"notes\n7,1111111,Summer 2024,P\n42,2222222,Summer 2024,P\n7,3333333\",series,grade\n7,05839,Summer 2024,P\n42,J999,Summer 2024,D\n",
        ])),
        ("rows longer than the header, and a last row cut short", SamplePack.with([
            "entries.csv": "candidate,qualification,series\n42,05839,Summer 2024,,\n7,05839,Summer 2024,x\n42,05839,Summer 2023\n7,05839",
        ])),
    ]

    /// What a load gives, as text: the exported pack and the pool's strings, or the diagnostics.
    func outcome(_ files: [String: String], halvingBytes: Int) -> String {
        do {
            let load = try PackImporter.load(files: files.mapValues { Array($0.utf8) }, halvingBytes: halvingBytes)
            let pack = PackWriter.files(load.store).sorted { $0.key < $1.key }
                .map { "== \($0.key)\n" + String(decoding: $0.value, as: UTF8.self) }
            return (load.warnings.map(\.description) + pack + load.store.pool.strings).joined(separator: "\n")
        } catch {
            return error.diagnostics.map(\.description).joined(separator: "\n")
        }
    }

    @Test(arguments: 0..<packs.count)
    func aPackLoadsTheSameReadInParts(_ i: Int) {
        let (name, files) = Self.packs[i]
        let whole = outcome(files, halvingBytes: .max)
        for bytes in [1, 16, 40, 64, 100, 160] {
            let parts = outcome(files, halvingBytes: bytes)
            #expect(parts == whole, "\(name), files of \(bytes) bytes or more read in two parts")
        }
    }
}
