import Testing
import ExamStore

@Suite struct CSVReaderTests {
    /// Every record of `bytes` as lists of values.
    func records(_ bytes: [UInt8]) throws -> [[String]] {
        var reader = CSVReader(bytes: bytes, path: "t.csv")
        try reader.validate()
        var out: [[String]] = []
        while try reader.nextRecord() { out.append((0..<reader.fields.count).map { reader.string($0) }) }
        return out
    }

    func records(_ text: String) throws -> [[String]] { try records(Array(text.utf8)) }

    func error(_ text: String) -> Diagnostic? {
        error(Array(text.utf8))
    }

    func error(_ bytes: [UInt8]) -> Diagnostic? {
        do { _ = try records(bytes); return nil } catch let d as Diagnostic { return d } catch { return nil }
    }

    @Test func readsPlainRecordsWithOrWithoutAFinalNewline() throws {
        #expect(try records("a,b\n1,2\n") == [["a", "b"], ["1", "2"]])
        #expect(try records("a,b\n1,2") == [["a", "b"], ["1", "2"]])
        #expect(try records("a,b,\n1,,3") == [["a", "b", ""], ["1", "", "3"]])
    }

    @Test func findsEveryCommaAndLineEndInLongFields() throws {
        // Unquoted fields are scanned eight bytes at a time: stops at each place in a word, a
        // carriage return alone kept as text, and fields ending near the end of the file.
        let long = "abcdefghijklmnopqrstuvwxyz"
        #expect(try records("\(long),1234567,12345678,123456789\r\nx\ry and more text,\(long)\n,,,,,,,,,\nend") ==
                [[long, "1234567", "12345678", "123456789"], ["x\ry and more text", long], Array(repeating: "", count: 10), ["end"]])
        for cut in 1...17 {
            let text = String(long.prefix(cut)) + "," + String(long.suffix(cut))
            #expect(try records(text) == [[String(long.prefix(cut)), String(long.suffix(cut))]], "cut \(cut)")
        }
    }

    @Test func skipsAByteOrderMarkAndAcceptsCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("name,dob\r\nAnn,2007-03-14\r\n".utf8)
        #expect(try records(bytes) == [["name", "dob"], ["Ann", "2007-03-14"]])
    }

    @Test func readsQuotedFieldsWithCommasQuotesAndNewlines() throws {
        let text = "a,b\n\"Smith, Ann\",\"She said \"\"hi\"\"\"\n\"two\r\nlines\",x\n"
        #expect(try records(text) == [["a", "b"], ["Smith, Ann", "She said \"hi\""], ["two\r\nlines", "x"]])
    }

    @Test func skipsBlankLinesAndTrailingBlankLines() throws {
        #expect(try records("a\n\n1\n\r\n\n") == [["a"], ["1"]])
    }

    @Test func trimsUnquotedValuesButKeepsQuotedOnes() throws {
        #expect(try records(" a ,\" b \"") == [["a", " b "]])
    }

    @Test func tracksLineAndCharacterColumnOfEachField() throws {
        var reader = CSVReader(bytes: Array("x,y\n\"é\nz\",Zoë,w\n".utf8), path: "t.csv")
        _ = try reader.nextRecord()
        _ = try reader.nextRecord()
        #expect(reader.location(of: 0).line == 2)
        #expect(reader.location(of: 0).column == 1)
        // The second field starts on line 3, after the quoted newline, at character 4 of `z",Zoë,w`.
        #expect(reader.location(of: 1).line == 3)
        #expect(reader.location(of: 1).column == 4)
        #expect(reader.location(of: 1).length == 3)
        #expect(reader.location(of: 2).column == 8)
    }

    @Test func reportsAnUnbalancedQuoteAtTheOpeningQuote() {
        let d = error("a,b\n1,\"open\n2,3\n")
        #expect(d?.line == 2)
        #expect(d?.column == 3)
        #expect(d?.message.contains("unbalanced quote") == true)
        #expect(d?.sourceLine == "1,\"open")
    }

    @Test func reportsInvalidUTF8AndNULWithLineAndColumn() {
        let bad = error(Array("a,b\nAnn,Sm".utf8) + [0xFF] + Array("th\n".utf8))
        #expect(bad?.line == 2)
        #expect(bad?.column == 7)
        #expect(bad?.message.contains("UTF-8") == true)
        let nul = error(Array("a,b\néa,".utf8) + [0] + Array("\n".utf8))
        #expect(nul?.line == 2)
        #expect(nul?.column == 4)
        #expect(nul?.message.contains("NUL") == true)
    }

    @Test func checksLongPlainTextEightBytesAtATimeAndStillFindsTheBadByte() throws {
        // Plain ASCII is checked a word at a time; a character of several bytes may straddle words.
        let plain = String(repeating: "candidate,surname\n", count: 50) + "é,Zoë,Ångström,x\n"
        var good = CSVReader(bytes: Array(plain.utf8), path: "t.csv")
        try good.validate()
        #expect(good.lines == 52)
        let bad = error(Array(plain.utf8) + Array("12345678,abcdefgh".utf8) + [0xE2, 0x82] + Array(",x\n".utf8))
        #expect(bad?.line == 52)
        #expect(bad?.column == 18)
        #expect(bad?.message.contains("UTF-8") == true)
        let nul = error(Array(plain.utf8) + Array("0123456".utf8) + [0] + Array("89abcdef\n".utf8))
        #expect(nul?.line == 52)
        #expect(nul?.column == 8)
    }

    @Test func reportsTextAfterAClosingQuote() {
        let d = error("a\n\"x\"y\n")
        #expect(d?.line == 2)
        #expect(d?.column == 4)
    }
}
