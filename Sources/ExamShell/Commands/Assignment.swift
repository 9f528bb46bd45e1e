import ExamStore
import ExamQuery

/// One `FIELD = VALUE` of an `update`: the field as named, and the value (`""` for blank).
struct Assignment: Equatable {
    var field: Word
    var value: Word

    /// `FIELD = VALUE, FIELD = VALUE ...` to the end of the statement, each field one of `fields`.
    /// A value of several words without quotes (`component = Paper 1`) is taken whole.
    static func list(_ r: inout CommandReader, fields: [String], dates: Set<String>) throws -> [Assignment] {
        var out: [Assignment] = []
        repeat {
            let field = try r.oneOf(fields, "field")
            try r.expectSymbol("=")
            var value = try r.word("a value for \(field.text)")
            while let more = r.peekWord() {
                _ = r.optionalWord()
                value = Word(value.text + " " + more.text, offset: value.offset, length: more.offset + more.length - value.offset)
            }
            if dates.contains(field.text), !value.isEmpty, value.text.lowercased() != "today", Day(parsing: value.text) == nil {
                throw r.error("expected a date for \(field.text), found '\(value.text)'", at: value,
                              notes: ["write it as 2024-08-22, 22/08/2024 or today; \"\" clears it"])
            }
            out.append(Assignment(field: field, value: value))
        } while r.takeSymbol(",")
        try r.end()
        return out
    }

    /// `field = value` as a statement writes it.
    var statement: String { field.text + " = " + value.quoted }
}
