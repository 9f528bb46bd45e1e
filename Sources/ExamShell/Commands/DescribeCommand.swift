import ExamStore
import ExamQuery

/// `describe COLLECTION`: the fields of a collection, with their type and meaning.
struct DescribeCommand: Command, Equatable {
    var collection: Word

    static let info = CommandInfo(
        words: ["describe"], synopsis: "describe COLLECTION",
        summary: "the fields of a collection, with their meaning",
        help: "  describe entries\n  describe reviews", completion: .collections,
        parse: { try DescribeCommand(&$0) })

    init(collection: Word) { self.collection = collection }

    init(_ r: inout CommandReader) throws {
        let all = Collection.allCases.map(\.rawValue)
        guard !r.atEnd else { throw r.error("describe what?", notes: ["collections: " + all.joined(separator: ", ")]) }
        collection = try r.oneOf(all, "collection")
        try r.end()
    }

    var statement: String { "describe " + collection.quoted }

    func run(in session: Session) throws -> String? {
        let store = session.store
        let c = Collection(rawValue: collection.text)!
        session.console.out("\(c.rawValue): \(c.meaning); \(Store.grouped(c.count(in: session.visibility.store))) loaded\n")
        let fields = c.fields
        let table = Answer(names: ["field", "type", "meaning"],
                           columns: [.string(fields.map { $0.name + ($0.link != nil ? ".…" : "") }),
                                     .string(fields.map { $0.kind.rawValue + ($0.derived ? ", rule" : "") }),
                                     .string(fields.map(\.meaning))],
                           rowCount: fields.count, pool: store.pool)
        session.console.out(OutputFormat.table.render(table, width: Console.screenWidth, dates: session.dates))
        return statement
    }
}
