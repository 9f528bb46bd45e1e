/// One file of a data pack: its name, what a row is, the table that holds its rows, and its
/// columns (`PackColumn`) in the order the writer writes them.
package struct PackFile<Table>: PackFileDeclaration, @unchecked Sendable {
    package let name: String
    /// What one row is.
    package let meaning: String
    package let table: WritableKeyPath<Store, Table>
    package let columns: [PackColumn<Table>]
    /// Rows the writer leaves out (the calendar's estimated built-in dates, which would read back as real ones).
    let leftOut: ((Table, Int) -> Bool)?

    package init(_ name: String, _ table: WritableKeyPath<Store, Table>, _ meaning: String,
                leavingOut leftOut: ((Table, Int) -> Bool)? = nil, _ columns: [PackColumn<Table>]) {
        self.name = name
        self.table = table
        self.meaning = meaning
        self.leftOut = leftOut
        self.columns = columns
    }

    /// `t` with only `rows` (in that order) in its declared columns; its other columns as they were.
    package func selecting(_ t: Table, _ rows: [Int32]) -> Table {
        var o = t
        for column in columns {
            switch column.cell {
            case .text(let c), .whole(let c), .money(let c), .candidate(let c), .qualification(let c), .unit(let c):
                let all = t[keyPath: c]; o[keyPath: c] = rows.map { all[Int($0)] }
            case .date(let c): let all = t[keyPath: c]; o[keyPath: c] = rows.map { all[Int($0)] }
            case .flag(let c): let all = t[keyPath: c]; o[keyPath: c] = rows.map { all[Int($0)] }
            case .choice(let c): c.select(&o, rows)
            case .centreOfCandidate: break
            }
        }
        return o
    }

    /// The rows the writer writes.
    package func writtenRowCount(in store: Store) -> Int {
        let rows = rowCount(in: store)
        guard let leftOut else { return rows }
        let t = store[keyPath: table]
        return (0..<rows).count { !leftOut(t, $0) }
    }

    package var headers: [PackSchema.Column] {
        columns.map { PackSchema.Column(name: $0.name, aliases: $0.aliases, required: $0.required,
                                        meaning: $0.meaning, type: $0.typeName) }
    }

    /// A function reading column `c` from a store (for query fields).
    package func reader<T>(_ c: WritableKeyPath<Table, [T]>) -> @Sendable (Store) -> [T] {
        let path = UncheckedSendable((table, c))
        return { store in store[keyPath: path.value.0][keyPath: path.value.1] }
    }

    /// A function reading a choice column's raw values from a store (for query fields).
    package func reader(_ c: ChoiceColumn<Table>) -> @Sendable (Store) -> [UInt8] {
        let path = UncheckedSendable((table, c))
        return { store in path.value.1.raw(store[keyPath: path.value.0]) }
    }

    /// The rows of the table: the longest of its declared columns.
    package func rowCount(in store: Store) -> Int {
        let t = store[keyPath: table]
        return columns.map { count(of: $0, in: t) }.max() ?? 0
    }

    func count(of column: PackColumn<Table>, in t: Table) -> Int {
        switch column.cell {
        case .text(let c), .whole(let c), .money(let c), .candidate(let c), .qualification(let c), .unit(let c): t[keyPath: c].count
        case .date(let c): t[keyPath: c].count
        case .flag(let c): t[keyPath: c].count
        case .choice(let c): c.count(t)
        case .centreOfCandidate: 0
        }
    }

    /// Gives every declared column a blank cell in the rows added without one (code that adds
    /// rows sets the columns it knows; a column declared since is blank in those rows).
    package func pad(_ store: inout Store) {
        let rows = rowCount(in: store)
        for column in columns {
            let missing = rows - count(of: column, in: store[keyPath: table])
            guard missing > 0 else { continue }
            switch column.cell {
            case .text(let c), .candidate(let c), .qualification(let c), .unit(let c):
                store[keyPath: table][keyPath: c] += repeatElement(0, count: missing)
            case .whole(let c), .money(let c): store[keyPath: table][keyPath: c] += repeatElement(Store.noNumber, count: missing)
            case .date(let c): store[keyPath: table][keyPath: c] += repeatElement(Day.blank, count: missing)
            case .flag(let c): store[keyPath: table][keyPath: c] += repeatElement(false, count: missing)
            case .choice(let c): c.append(&store[keyPath: table], Array(repeating: Int32(c.blank ?? 0), count: missing))
            case .centreOfCandidate: break
            }
        }
    }

    /// Gives the text columns of a part read with a local interner their pool ids.
    package func replaceLocalIds(_ store: inout Store, _ ids: [Int32]?) {
        guard ids != nil else { return }
        for column in columns {
            if case .text(let c) = column.cell { store[keyPath: table][keyPath: c].replaceLocalIds(ids) }
        }
    }

    /// The header and then each row as the writer writes them: text as held, dates ISO, numbers
    /// in digits, money as `7.50`, flags `yes`/`no`. A candidate is written as its number, after
    /// its centre when `centres` (the store has several); the `centre` column is not written apart.
    package func records(_ store: Store, centres: Bool, _ emit: ([String]) -> Void) {
        let t = store[keyPath: table], p = store.pool
        var header: [String] = []
        for column in columns {
            switch column.cell {
            case .centreOfCandidate: break
            case .candidate: header += centres ? ["centre", "candidate"] : ["candidate"]
            default: header.append(column.name)
            }
        }
        emit(header)
        let rows = rowCount(in: store)
        // Each column's cells as text, a block of rows at a time (one pass over the column each).
        var row: [String] = []
        var cells: [[String]] = []
        for block in stride(from: 0, to: rows, by: 4096) {
            let range = block..<min(rows, block + 4096)
            cells.removeAll(keepingCapacity: true)
            for column in columns {
                switch column.cell {
                case .text(let c): cells.append(t[keyPath: c][range].map { p[$0] })
                case .date(let c): cells.append(t[keyPath: c][range].map(\.iso))
                case .whole(let c): cells.append(t[keyPath: c][range].map { $0 == Store.noNumber ? "" : String($0) })
                case .money(let c):
                    cells.append(t[keyPath: c][range].map { $0 == Store.noNumber ? "" : String($0 / 100) + "." + Day.pad(Int($0 % 100), 2) })
                case .flag(let c): cells.append(t[keyPath: c][range].map { $0 ? "yes" : "no" })
                case .choice(let c): cells.append(c.wordsOf(t, range))
                case .candidate(let c):
                    if centres { cells.append(t[keyPath: c][range].map { p[store.candidates.centre[Int($0)]] }) }
                    cells.append(t[keyPath: c][range].map { p[store.candidates.number[Int($0)]] })
                case .qualification(let c): cells.append(t[keyPath: c][range].map { p[store.qualifications.code[Int($0)]] })
                case .unit(let c): cells.append(t[keyPath: c][range].map { p[store.units.code[Int($0)]] })
                case .centreOfCandidate: break
                }
            }
            for i in 0..<range.count where !(leftOut?(t, block + i) ?? false) {
                row.removeAll(keepingCapacity: true)
                for column in cells { row.append(column[i]) }
                emit(row)
            }
        }
    }
}

/// A pack file whatever its table: what header matching, the writer and the store's upkeep need.
package protocol PackFileDeclaration: Sendable {
    var name: String { get }
    var meaning: String { get }
    var headers: [PackSchema.Column] { get }
    func rowCount(in store: Store) -> Int
    func writtenRowCount(in store: Store) -> Int
    func pad(_ store: inout Store)
    func replaceLocalIds(_ store: inout Store, _ ids: [Int32]?)
    func records(_ store: Store, centres: Bool, _ emit: ([String]) -> Void)
}
