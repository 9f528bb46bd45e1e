import Foundation
import Testing
@testable import ExamShell
import ExamStore
import ExamQuery
import ExamRules

/// A command's canonical statement reads back as the same command, whatever its values hold,
/// and changes made through a workspace come back the same when it is reopened.
@Suite struct CommandRoundTripTests {
    /// A small deterministic generator (SplitMix64), so a failure is the same on every run.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ options: [T]) -> T { options[below(options.count)] }
        mutating func chance() -> Bool { next() & 1 == 0 }
    }

    /// Pieces a value is made of: both quote characters, a doubled quote, newlines, the journal's
    /// check mark, a pipe, a comment sign, spaces at either end, backslashes, non-ASCII letters,
    /// combining marks, emoji with modifiers and joiners, keywords, and nothing at all.
    static let pieces = ["\"", "'", "\"\"", "\n", "\r\n", "\r", "\t", "#= ", "#= 1a2b3c4d", "|", "#", " ", "  ", "\\", "\\n", "\\u{41}",
                         "é", "e\u{301}", "\u{301}", "Ünïcødé", "日本", "🇬🇧", "👍🏽", "👩‍💻", "\u{200D}", "\u{FEFF}", "=", ",", "(", ")",
                         "$x", "set", "today", "off", "auto", "real", "id", "fingerprint", "Summer 2024", "R0001", "0042", "05839",
                         "2024-08-16", "31/02/2024", "45.50", "£7", "-", ".", ":", "/", "a", "Z", "_", "0", ""]

    static func value(_ g: inout Generator) -> String {
        (0..<g.below(5)).map { _ in g.pick(pieces) }.joined()
    }

    static func word(_ g: inout Generator) -> Word { Word(value(&g)) }

    static func date(_ g: inout Generator) -> DateValue {
        g.below(4) == 0 ? .today : .day(Day(year: 2020 + g.below(10), month: 1 + g.below(12), day: 1 + g.below(28))!)
    }

    /// Reads `c.statement` back and checks it is `c`; false (with an issue) when it is not.
    @discardableResult
    static func roundTrips<C: Command & Equatable>(_ c: C) -> Bool {
        let text = c.statement
        do {
            guard let parsed = try CommandRegistry.parse(SourceText(text)) else {
                Issue.record("read as a query: \(text.debugDescription)")
                return false
            }
            guard let back = parsed.command as? C, back == c else {
                Issue.record("\(text.debugDescription) read back as \(parsed.command.statement.debugDescription)")
                return false
            }
            return true
        } catch {
            Issue.record("\(text.debugDescription) does not read back: \(error)")
            return false
        }
    }

    @Test func tenThousandCommandsWithAwkwardValuesReadBackAsThemselves() {
        var g = Generator(state: 12)
        let services = Service.allCases.map(\.code)
        var checked = 0, failed = 0
        for i in 0..<12_000 {
            let ok: Bool
            switch i % 16 {
            case 0: ok = Self.roundTrips(AcknowledgeCommand(on: g.chance(), candidate: Self.word(&g), qualification: Self.word(&g)))
            case 1: ok = Self.roundTrips(SetCompletionCommand(candidate: Self.word(&g), qualification: Self.word(&g), series: Self.word(&g)))
            case 2, 3:
                ok = Self.roundTrips(AddReviewCommand(
                    candidate: Self.word(&g), qualification: Self.word(&g), service: Word(g.pick(services)),
                    requested: g.chance() ? Self.date(&g) : nil, consent: g.chance() ? Self.date(&g) : nil,
                    submitted: g.chance() ? Self.date(&g) : nil, component: g.chance() ? Self.word(&g) : nil,
                    fee: g.chance() ? Word(g.pick(["45", "45.50", "£7.5", "0", ""])) : nil, id: g.chance() ? Self.word(&g) : nil))
            case 4, 5:
                let changes = (0...g.below(3)).map { _ -> Assignment in
                    let field = g.pick(Tracking.reviewFields)
                    let value = UpdateReviewCommand.dateFields.contains(field)
                        ? Word(g.pick(["", "today", "2024-09-02", "02/09/2024"])) : Self.word(&g)
                    return Assignment(field: Word(field), value: value)
                }
                ok = Self.roundTrips(UpdateReviewCommand(id: Self.word(&g), changes: changes))
            case 6:
                let changes = (0...g.below(2)).map { _ in
                    Assignment(field: Word(g.pick(Tracking.certificateFields)), value: Word(g.pick(["", "today", "2024-11-20"])))
                }
                ok = Self.roundTrips(UpdateCertificateCommand(candidate: Self.word(&g), qualification: Self.word(&g),
                                                              series: g.chance() ? Self.word(&g) : nil, changes: changes))
            case 7: ok = Self.roundTrips(LoadCommand(folder: Self.word(&g), fingerprint: g.chance() ? Self.word(&g) : nil))
            case 8: ok = Self.roundTrips(SetSeriesCommand(series: g.chance() ? Self.word(&g) : nil))
            case 9: ok = Self.roundTrips(RecordCommand(path: g.chance() ? Self.word(&g) : nil))
            case 10: ok = Self.roundTrips(SaveSessionCommand(path: Self.word(&g))) && Self.roundTrips(OpenCommand(folder: Self.word(&g)))
            case 11: ok = Self.roundTrips(RunCommand(path: Self.word(&g))) && Self.roundTrips(ExportPackCommand(folder: Self.word(&g)))
            case 12: ok = Self.roundTrips(WhyCommand(candidate: Self.word(&g))) && Self.roundTrips(StatementCommand(candidate: Self.word(&g)))
            case 13: ok = Self.roundTrips(StatementsCommand(folder: Self.word(&g)))
                && Self.roundTrips(DescribeCommand(collection: Word(g.pick(Collection.allCases.map(\.rawValue)))))
            case 14:
                ok = Self.roundTrips(SetTodayCommand(day: g.chance() ? Day(year: 2024, month: 1 + g.below(12), day: 1 + g.below(28)) : nil))
                    && Self.roundTrips(SetTimeCommand(minutes: g.chance() ? g.below(24 * 60) : nil))
                    && Self.roundTrips(SetRowsCommand(rows: g.chance() ? 1 + g.below(1000) : nil))
            default:
                ok = Self.roundTrips(SetTimingCommand(on: g.chance())) && Self.roundTrips(SetFormatCommand(format: Word(g.pick(["table", "csv", "json", "markdown"]))))
                    && Self.roundTrips(DemoCommand()) && Self.roundTrips(CompactCommand())
            }
            checked += 1
            if !ok { failed += 1 }
            if failed > 20 { break }
        }
        #expect(checked >= 10_000 && failed == 0)
    }

    @Test func quotedReadsBackAsTheValueForEveryPiece() throws {
        for a in Self.pieces {
            for b in Self.pieces {
                let v = a + b
                let tokens = try Lexer(Lexer.quoted(v), loose: true).tokens()
                var reader = try CommandReader(SourceText(Lexer.quoted(v)))
                #expect(reader.optionalWord()?.text ?? "" == v && reader.atEnd, "\(v.debugDescription) → \(Lexer.quoted(v)) → \(tokens)")
            }
        }
        #expect(Lexer.quoted("R0033") == "R0033")
        #expect(Lexer.quoted("A\"B") == #""A\"B""#)
        #expect(Lexer.quoted("line\n#= 1") == #""line\n#= 1""#)
        #expect(Lexer.quoted("") == #""""#)
        #expect(Lexer.quoted("set") == #""set""#)
    }

    /// Hundreds of changes with awkward values made in a workspace, which is then reopened (and
    /// compacted and reopened): the data is the same each time, byte for byte as a pack.
    @Test func hundredsOfChangesThroughAWorkspaceComeBackTheSame() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exq-roundtrip-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let session = Session()
        session.console.muted = true
        session.fixedToday = Day(year: 2024, month: 8, day: 22)
        #expect(session.run(OpenCommand(folder: Word(dir)).statement))
        #expect(session.run("demo"))
        var g = Generator(state: 7)
        let store = session.store
        let entries = (0..<store.entries.count).map { (store.pool[store.candidates.number[Int(store.entries.candidate[$0])]],
                                                       store.pool[store.qualifications.code[Int(store.entries.qualification[$0])]]) }
        let certificates = (0..<store.certificates.count).map { (store.pool[store.candidates.number[Int(store.certificates.candidate[$0])]],
                                                                 store.pool[store.qualifications.code[Int(store.certificates.qualification[$0])]],
                                                                 store.pool[store.certificates.series[$0]]) }
        var ids = store.reviews.id.map { store.pool[$0] }
        var succeeded = 0
        for i in 0..<300 {
            let (c, q) = g.pick(entries)
            let statement: String
            switch i % 6 {
            case 0: statement = AcknowledgeCommand(on: g.chance(), candidate: Word(c), qualification: Word(q)).statement
            case 1: statement = SetCompletionCommand(candidate: Word(c), qualification: Word(q), series: Word(g.pick(["Summer 2025", "November 2024", "Summer 2024"]))).statement
            case 2:
                let id = "X\(i)" + Self.value(&g)
                ids.append(id)
                statement = AddReviewCommand(candidate: Word(c), qualification: Word(q), service: Word(g.pick(["1", "2", "ATS"])),
                                             consent: g.chance() ? .today : nil, component: Self.word(&g), fee: Word("45.50"), id: Word(id)).statement
            case 3, 4:
                let field = g.pick(["component", "new_grade", "outcome", "submitted", "fee"])
                let value: Word = switch field {
                case "outcome": Word(g.pick(["raised", "confirmed", ""]))
                case "submitted": Word(g.pick(["today", "", "2024-08-30"]))
                case "fee": Word(g.pick(["", "12", "7.5"]))
                default: Self.word(&g)
                }
                statement = UpdateReviewCommand(id: Word(g.pick(ids)), changes: [Assignment(field: Word(field), value: value)]).statement
            default:
                let (cc, cq, cs) = g.pick(certificates)
                statement = UpdateCertificateCommand(candidate: Word(cc), qualification: Word(cq), series: Word(cs),
                                                     changes: [Assignment(field: Word(g.pick(Tracking.certificateFields)), value: Word(g.pick(["today", "", "2024-11-20"])))]).statement
            }
            if session.run(statement) { succeeded += 1 }
        }
        #expect(succeeded >= 200)
        let made = PackWriter.files(session.store)
        session.closeWorkspace()  // one session at a time holds a workspace

        let reopened = Session()
        reopened.console.muted = true
        #expect(reopened.run(OpenCommand(folder: Word(dir)).statement))
        #expect(PackWriter.files(reopened.store) == made)

        #expect(reopened.run("compact"))
        reopened.closeWorkspace()
        let compacted = Session()
        compacted.console.muted = true
        #expect(compacted.run(OpenCommand(folder: Word(dir)).statement))
        #expect(PackWriter.files(compacted.store) == made)
    }
}
