import Testing
import ExamStore
import ExamWorkbook

/// The workbooks in Fixtures/ were written by openpyxl (Tests/xlsx/make_fixtures.py), a
/// spreadsheet library exq shares no code with; each test loads one as a pack file, read by
/// the same rules as a CSV file, and checks what a user would see.
@Suite struct WorkbookReaderTests {
    static let fixtures: String = {
        let file = "\(#filePath)"
        return String(file[..<file.lastIndex(of: "/")!]) + "/Fixtures/"
    }()

    static func fixture(_ name: String) -> [UInt8] {
        try! CSVReader.readFile(fixtures + name)
    }

    static let qualifications = Array("qualification,title,type,level\nJ560,Mathematics,GCSE,2\n".utf8)

    /// A pack of `files` (name → bytes) loaded with the workbook reader.
    static func load(_ files: [String: [UInt8]]) throws(DiagnosticList) -> PackLoad {
        try PackImporter.load(files: files, workbooks: Workbook.firstSheet)
    }

    static func errors(_ files: [String: [UInt8]]) -> [String] {
        do {
            _ = try load(files)
            Issue.record("the pack loaded")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func candidates(_ s: Store) -> [[String]] {
        let p = s.pool
        return (0..<s.candidates.count).map { i in
            [p[s.candidates.number[i]], p[s.candidates.surname[i]], p[s.candidates.forenames[i]],
             s.candidates.dob[i].isBlank ? "" : s.candidates.dob[i].iso, p[s.candidates.group[i]],
             p[s.candidates.centre[i]], p[s.candidates.uln[i]]]
        }
    }

    @Test func everyKindOfCellReadsAsTheCsvWould() throws {
        let s = try Self.load(["candidates.xlsx": Self.fixture("candidates.xlsx")]).store
        #expect(candidates(s) == [
            // 42 stored as a number is 0042; a date cell is its day; numbers are their digits.
            ["0042", "Smith", "Ann", "2006-08-22", "13", "64123", "9000000019"],
            // Text stays as typed, the date typed as 22/08/2006 too.
            ["0007", "O'Neil", "Bea", "2006-08-22", "13Y", "64123", ""],
            // Text starting with = is text, never a formula.
            ["1234", "=Lee", "Cy Dee", "2005-09-01", "12A", "64123", ""],
            // Row 5 is blank and skipped; a day serial shown as a plain number is still a date in a date column.
            ["0005", "Zoë", "Ève", "2006-08-22", "", "64123", ""],
        ])
    }

    @Test func datesOfTheMac1904SystemReadAsTheSameDays() throws {
        let s = try Self.load(["candidates.xlsx": Self.fixture("candidates-1904.xlsx")]).store
        #expect(s.candidates.dob[0].iso == "2006-08-22")
        #expect(s.candidates.dob[2].iso == "2005-09-01")
    }

    @Test func booleansReadAsYesAndNo() throws {
        let s = try Self.load(["candidates.xlsx": Self.fixture("candidates.xlsx"), "qualifications.csv": Self.qualifications,
                               "entries.xlsx": Self.fixture("entries.xlsx")]).store
        #expect(s.entries.count == 2)
        #expect(s.entries.acknowledged == [true, false])
        #expect(s.pool[s.candidates.number[Int(s.entries.candidate[1])]] == "0007")
    }

    @Test func aBadCellIsNamedByFileSheetAndCell() {
        let e = Self.errors(["candidates.xlsx": Self.fixture("bad-date.xlsx")])
        #expect(e == ["pack/candidates.xlsx:Pupils!F7: error: expected a date such as 2024-08-22 or 22/08/2024, found '31/02/2024'"])
    }

    @Test func aFormulaErrorValueIsRefusedAtItsCell() {
        let e = Self.errors(["candidates.xlsx": Self.fixture("error-value.xlsx")])
        #expect(e == ["pack/candidates.xlsx:Pupils!G2: error: expected a value, found the spreadsheet error #N/A: the formula in this cell failed"])
    }

    @Test func aFileThatIsNotAZipIsRefusedWhole() {
        let e = Self.errors(["candidates.xlsx": Self.fixture("not-a-zip.xlsx")])
        #expect(e == ["pack/candidates.xlsx: error: not an Excel workbook (.xlsx): it is not a zip archive\n  open it in Excel or LibreOffice and save it as Excel Workbook (.xlsx), or as CSV"])
    }

    @Test func aWorkbookWithoutASheetIsRefused() {
        let e = Self.errors(["candidates.xlsx": Self.fixture("no-sheet.xlsx")])
        #expect(e.first?.hasPrefix("pack/candidates.xlsx: error: the workbook has no worksheet") == true)
    }

    @Test func aCellPointingAtAMissingSharedStringIsRefused() {
        let e = Self.errors(["candidates.xlsx": Self.fixture("missing-string.xlsx")])
        #expect(e.first?.hasPrefix("pack/candidates.xlsx:Pupils!B3: error: the cell points at shared string 99, but the workbook has") == true)
    }

    @Test func aBrokenWorkbookChangesNothingElseLoads() {
        // A good CSV beside a broken workbook: the load fails whole, as with a broken CSV.
        let e = Self.errors(["candidates.xlsx": Self.fixture("candidates.xlsx"), "qualifications.csv": Self.qualifications,
                             "entries.xlsx": Self.fixture("not-a-zip.xlsx")])
        #expect(e.count == 1)
        #expect(e.first?.hasPrefix("pack/entries.xlsx: error: not an Excel workbook") == true)
    }

    @Test func aWorkbookBesideTheSameCsvIsRefused() {
        let e = Self.errors(["candidates.xlsx": Self.fixture("candidates.xlsx"),
                             "candidates.csv": Array("candidate,surname\n1,Smith\n".utf8)])
        #expect(e.first?.hasPrefix("pack/candidates.xlsx: error: the pack has both candidates.csv and candidates.xlsx") == true)
    }

    @Test func aWorkbookLoadsToTheSameStoreAsItsCsv() throws {
        let csv = "candidate,surname,forenames,dob,group,centre,uln\n0042,Smith,Ann,2006-08-22,13,64123,9000000019\n"
            + "0007,O'Neil,Bea,22/08/2006,13Y,64123,\n1234,=Lee,Cy Dee,2005-09-01,12A,64123,\n0005,Zoë,Ève,2006-08-22,,64123,\n"
        let fromCSV = try Self.load(["candidates.csv": Array(csv.utf8)]).store
        let fromXLSX = try Self.load(["candidates.xlsx": Self.fixture("candidates.xlsx")]).store
        #expect(candidates(fromCSV) == candidates(fromXLSX))
    }

    @Test func withoutAWorkbookReaderAWorkbookIsRefused() {
        do {
            _ = try PackImporter.load(files: ["candidates.xlsx": Self.fixture("candidates.xlsx")])
            Issue.record("the pack loaded")
        } catch {
            #expect(error.diagnostics.first?.message == "Excel workbooks cannot be read here")
        }
    }
}

/// What exq and its helper hand each other.
@Suite struct SheetCodingTests {
    @Test func aSheetOfEveryCellComesBackTheSame() {
        let sheet = Sheet(name: "Résultats", rows: [[.text("candidate"), .text("dob")],
                                                   [.text("0042"), .date(Day(year: 2006, month: 8, day: 22)!), .blank, .number(7.5),
                                                    .bool(true), .bool(false), .error("#N/A"), .text("")]],
                          dates1904: true)
        #expect(SheetCoding.decode(SheetCoding.encode(sheet)) == sheet)
    }

    @Test func aProblemComesBackWithItsCellAndNotes() {
        let d = Diagnostic(file: "x", line: 1, column: 1, message: "m", notes: ["n1", "n2"], cell: "Sheet1!B7")
        let back = SheetCoding.decodeProblem(SheetCoding.encode(d), path: "pack/c.xlsx")
        #expect(back?.description == "pack/c.xlsx:Sheet1!B7: error: m\n  n1\n  n2")
    }

    @Test func bytesThatAreNoSheetAreRefused() {
        #expect(SheetCoding.decode(Array("candidate,surname\n".utf8)) == nil)
        #expect(SheetCoding.decode(Array(SheetCoding.encode(Sheet(name: "S", rows: [[.text("a")]])).dropLast(1))) == nil)
    }
}

/// Workbooks exq writes (`save FILE.xlsx`, `export pack DIR --xlsx`), read back by its reader;
/// Tests/xlsx/check.py reads them with openpyxl too.
@Suite struct WorkbookWriterTests {
    @Test func aWrittenSheetReadsBackCellForCell() throws {
        let sheet = Sheet(name: "at_risk", rows: [
            [.text("candidate"), .text("surname"), .text("dob"), .text("points"), .text("acknowledged")],
            [.text("0042"), .text("=HYPERLINK(\"x\")"), .date(Day(year: 2006, month: 8, day: 22)!), .number(7.5), .bool(true)],
            [.text("0007"), .text("O'Neil & <Sons> _x0041_ \u{1}"), .date(Day(year: 1900, month: 1, day: 1)!), .number(-3), .bool(false)],
            [.text("0001"), .blank, .date(Day(year: 1900, month: 3, day: 1)!), .blank, .blank],
        ])
        let back = try Workbook.firstSheet(Workbook.write(sheet), path: "x.xlsx")
        #expect(back.name == "at_risk")
        // Trailing blanks are not written, so a row read back ends at its last value.
        #expect(back.rows == sheet.rows.enumerated().map { $0.offset == 3 ? Array($0.element.prefix(3)) : $0.element })
    }

    @Test func theSameSheetGivesTheSameBytes() throws {
        let sheet = Sheet(name: "s", rows: [[.text("a")], [.number(1)]])
        #expect(try Workbook.write(sheet) == Workbook.write(sheet))
    }

    @Test func aSheetNameComesFromTheFileName() {
        #expect(Sheet.name(forFile: "out/at_risk.xlsx") == "at_risk")
        #expect(Sheet.name(forFile: "a[1]:b?.xlsx") == "a1b")
        #expect(Sheet.name(forFile: String(repeating: "x", count: 40) + ".xlsx").count == 31)
    }

    @Test func dayNumbersOfThe1900SystemRoundTrip() {
        let s = Sheet(name: "s", rows: [])
        for d in [Day(year: 1900, month: 1, day: 1)!, Day(year: 1900, month: 2, day: 28)!, Day(year: 1900, month: 3, day: 1)!,
                  Day(year: 2024, month: 8, day: 22)!] {
            #expect(s.day(serial: Sheet.serial1900(d)) == d)
        }
        #expect(Sheet.serial1900(Day(year: 2024, month: 8, day: 22)!) == 45526)
        #expect(s.day(serial: 60) == nil)  // Excel's 29 February 1900
    }
}
