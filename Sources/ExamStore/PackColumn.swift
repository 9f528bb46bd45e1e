/// One column of a pack file, declared once: its name, the other spellings exports use, whether
/// a file must have it, what it means, what its cells hold, and where the store keeps it.
///
/// The pack reader (header matching, and every column a file's own reader does not read itself),
/// the pack writer, the query fields and `describe` all derive from these declarations
/// (`PackSchema` lists them; docs/data-pack.md is the contract they implement). A new column of
/// an existing file is a field in its table (Tables.swift) and one declaration here.
package struct PackColumn<Table>: @unchecked Sendable {
    /// The canonical name: lower case, as the writer writes it and queries name it.
    package let name: String
    /// Other spellings of the header. Matching ignores case, spaces, `_` and `-`; a `(s)` in an
    /// alias matches with and without the `s`.
    package let aliases: [String]
    /// A file without this column is refused; a blank cell in it is an error (a flag's blank is no).
    package let required: Bool
    /// What a cell means, in the exams office's words (shown by `describe`).
    package let meaning: String
    /// Read by the file's own reader (keys, and columns whose rule needs the row's keys),
    /// not by the reading every other column shares.
    package let readByFile: Bool
    /// Where the column lives in its table, and so what its cells hold.
    package let cell: Cell

    /// What a column's cells hold, and the table column that keeps them.
    package enum Cell: @unchecked Sendable {
        /// Text, interned (0 = blank).
        case text(WritableKeyPath<Table, [Int32]>)
        /// A date, ISO `2024-08-22` or UK `22/08/2024` (`Day.blank` = blank).
        case date(WritableKeyPath<Table, [Day]>)
        /// A whole number, 0 or more (`Store.noNumber` = blank).
        case whole(WritableKeyPath<Table, [Int32]>)
        /// An amount of money, `7.50` or `£7.50`, kept in pence (`Store.noNumber` = blank).
        case money(WritableKeyPath<Table, [Int32]>)
        /// Yes or no (`yes/no`, `y/n`, `true/false`, `1/0`; blank = no).
        case flag(WritableKeyPath<Table, [Bool]>)
        /// One word of a closed vocabulary (`PackChoice`).
        case choice(ChoiceColumn<Table>)
        /// A candidate number, kept as the candidate's row; with the `centre` column, the candidate key.
        case candidate(WritableKeyPath<Table, [Int32]>)
        /// An entry code, kept as the qualification's row.
        case qualification(WritableKeyPath<Table, [Int32]>)
        /// A unit code of the row's qualification, kept as the unit's row.
        case unit(WritableKeyPath<Table, [Int32]>)
        /// The centre of the row's candidate: part of the candidate key, kept with the candidate.
        case centreOfCandidate
    }

    /// The type of the column in a reader's words (`describe`, docs/data-pack.md).
    package var typeName: String {
        switch cell {
        case .text: "text"
        case .date: "date"
        case .whole: "number"
        case .money: "money"
        case .flag: "yes/no"
        case .choice(let c): c.words.filter { !$0.isEmpty }.joined(separator: " | ")
        case .candidate: "candidate"
        case .qualification: "qualification"
        case .unit: "unit"
        case .centreOfCandidate: "centre"
        }
    }

    init(_ name: String, _ cell: Cell, required: Bool, readByFile: Bool, aliases: [String], meaning: String) {
        self.name = name
        self.cell = cell
        self.required = required
        self.readByFile = readByFile
        self.aliases = aliases.isEmpty ? PackSchema.sharedAliases[name] ?? [] : aliases
        self.meaning = meaning
    }

    package static func text(_ name: String, _ column: WritableKeyPath<Table, [Int32]>, required: Bool = false,
                            key: Bool = false, aliases: [String] = [], _ meaning: String) -> Self {
        Self(name, .text(column), required: required, readByFile: key, aliases: aliases, meaning: meaning)
    }

    package static func date(_ name: String, _ column: WritableKeyPath<Table, [Day]>, required: Bool = false,
                            aliases: [String] = [], _ meaning: String) -> Self {
        Self(name, .date(column), required: required, readByFile: false, aliases: aliases, meaning: meaning)
    }

    package static func whole(_ name: String, _ column: WritableKeyPath<Table, [Int32]>, required: Bool = false,
                             aliases: [String] = [], _ meaning: String) -> Self {
        Self(name, .whole(column), required: required, readByFile: false, aliases: aliases, meaning: meaning)
    }

    package static func money(_ name: String, _ column: WritableKeyPath<Table, [Int32]>,
                             aliases: [String] = [], _ meaning: String) -> Self {
        Self(name, .money(column), required: false, readByFile: false, aliases: aliases, meaning: meaning)
    }

    package static func flag(_ name: String, _ column: WritableKeyPath<Table, [Bool]>, required: Bool = false,
                            aliases: [String] = [], _ meaning: String) -> Self {
        Self(name, .flag(column), required: required, readByFile: false, aliases: aliases, meaning: meaning)
    }

    package static func choice<Value: PackChoice>(_ name: String, _ column: WritableKeyPath<Table, [Value]>,
                                                 required: Bool = false, aliases: [String] = [],
                                                 _ meaning: String) -> Self {
        Self(name, .choice(ChoiceColumn(column)), required: required, readByFile: false, aliases: aliases, meaning: meaning)
    }

    package static func candidate(_ column: WritableKeyPath<Table, [Int32]>, _ meaning: String = "the candidate (number)") -> Self {
        Self("candidate", .candidate(column), required: true, readByFile: true, aliases: [], meaning: meaning)
    }

    package static func qualification(_ column: WritableKeyPath<Table, [Int32]>,
                                     _ meaning: String = "the qualification (entry code)") -> Self {
        Self("qualification", .qualification(column), required: true, readByFile: true, aliases: [], meaning: meaning)
    }

    package static func unit(_ column: WritableKeyPath<Table, [Int32]>, _ meaning: String = "the unit (code) of the qualification") -> Self {
        Self("unit", .unit(column), required: true, readByFile: true, aliases: [], meaning: meaning)
    }

    /// The `centre` column of a file whose rows name a candidate.
    package static var centreOfCandidate: Self {
        Self("centre", .centreOfCandidate, required: false, readByFile: true, aliases: [],
             meaning: "centre number of the candidate; may be left out when the pack has one centre")
    }
}

/// Declarations are immutable values; `@unchecked` because a generic key path is not `Sendable`.
/// A closed vocabulary held as one byte per row: `Assessment`, `Service`, `Grading` ...
package protocol PackChoice: CaseIterable, Sendable, Equatable, RawRepresentable where RawValue == UInt8 {
    /// The word as a pack writes it ("" for a blank value).
    var packWord: String { get }
    /// Reads a cell's word (case and accepted variants as the vocabulary allows).
    init?(packWord: String)
    /// What a blank cell means; nil when a blank is an error.
    static var blankValue: Self? { get }
}

/// A choice column with its vocabulary's type erased, so declarations of different vocabularies
/// sit in one list.
package struct ChoiceColumn<Table>: @unchecked Sendable {
    /// The words a pack writes, by raw value.
    package let words: [String]
    /// The raw value of a word; nil when it is not one.
    let parse: (String) -> UInt8?
    /// The raw value of a blank cell; nil when a blank is an error.
    let blank: UInt8?
    /// Adds raw values after the column's rows.
    let append: (inout Table, [Int32]) -> Void
    /// The raw values of the column.
    package let raw: (Table) -> [UInt8]
    /// The column's count.
    let count: (Table) -> Int
    /// The words of some rows.
    let wordsOf: (Table, Range<Int>) -> [String]
    /// Keeps only some rows, in the order given.
    let select: (inout Table, [Int32]) -> Void

    init<Value: PackChoice>(_ column: WritableKeyPath<Table, [Value]>) {
        words = Value.allCases.map(\.packWord)
        parse = { Value(packWord: $0)?.rawValue }
        blank = Value.blankValue?.rawValue
        append = { table, values in table[keyPath: column] += values.map { Value(rawValue: UInt8($0))! } }
        raw = { table in table[keyPath: column].map(\.rawValue) }
        count = { table in table[keyPath: column].count }
        wordsOf = { table, rows in table[keyPath: column][rows].map(\.packWord) }
        select = { table, rows in let all = table[keyPath: column]; table[keyPath: column] = rows.map { all[Int($0)] } }
    }

    /// The word of a raw value.
    package func word(_ raw: UInt8) -> String { words[Int(raw)] }
}
