/// The columns of an open file that its reader does not read itself (`PackColumn.readByFile` is
/// false), read by their declarations: one value per row into a buffer per column, moved into
/// the table when the file (or the part of it) is done, so no table column is reached through
/// its key path on every row.
struct DeclaredCells<Table> {
    let file: PackFile<Table>
    /// For each column read here: its index in `file.columns`, ...
    var declaration: [Int] = []
    /// ... its field in the open file (-1 when the file lacks it), ...
    var field: [Int] = []
    /// ... what its cells hold, its name ...
    var kind: [Kind] = []
    var name: [String] = []
    /// ... and the rows' values: interned ids, day numbers, whole numbers, pence, 0/1, choice raw values.
    var values: [[Int32]] = []
    /// A choice's value for a blank cell by slot, -1 when a blank is an error.
    var blank: [Int32] = []
    /// The words of a choice column seen so far, `Self.seen` a slot: their text ids and raw
    /// values (255 when the word is not one). A vocabulary is a few words, so a scan is quicker
    /// than hashing, and reads no declaration.
    var seenIds: [Int32] = []
    var seenRaw: [UInt8] = []
    var seenCount: [Int] = []
    static var seen: Int { 8 }

    enum Kind { case text, requiredText, date, requiredDate, whole, requiredWhole, money, flag, choice }

    init(_ file: PackFile<Table>, _ table: PackTable, rows: Int) {
        self.file = file
        for (i, column) in file.columns.enumerated() where !column.readByFile {
            let k: Kind
            switch column.cell {
            case .text: k = column.required ? .requiredText : .text
            case .date: k = column.required ? .requiredDate : .date
            case .whole: k = column.required ? .requiredWhole : .whole
            case .money: k = .money
            case .flag: k = .flag
            case .choice: k = .choice
            case .candidate, .qualification, .unit, .centreOfCandidate: continue
            }
            declaration.append(i)
            field.append(table.column(column.name))
            kind.append(k)
            name.append(column.name)
            if case .choice(let c) = column.cell { blank.append(c.blank.map(Int32.init) ?? -1) } else { blank.append(0) }
            seenIds += repeatElement(0, count: Self.seen)
            seenRaw += repeatElement(0, count: Self.seen)
            seenCount.append(0)
            values.append([])
            values[values.count - 1].reserveCapacity(rows)
        }
    }

    /// The slot of the column named `name`, read here.
    func slot(_ name: String) -> Int {
        declaration.firstIndex { file.columns[$0].name == name }!
    }

    /// The value the last row read gave column `slot`.
    func last(_ slot: Int) -> Int32 { values[slot][values[slot].count - 1] }

    /// Moves the values read into the table's columns, after the rows it has.
    mutating func flush(into store: inout Store) {
        for (slot, i) in declaration.enumerated() {
            var read: [Int32] = []
            swap(&read, &values[slot])
            switch file.columns[i].cell {
            case .text(let c), .whole(let c), .money(let c):
                if store[keyPath: file.table][keyPath: c].isEmpty { store[keyPath: file.table][keyPath: c] = read }
                else { store[keyPath: file.table][keyPath: c] += read }
            case .date(let c): store[keyPath: file.table][keyPath: c] += read.lazy.map { Day(number: $0) }
            case .flag(let c): store[keyPath: file.table][keyPath: c] += read.lazy.map { $0 != 0 }
            case .choice(let c): c.append(&store[keyPath: file.table], read)
            case .candidate, .qualification, .unit, .centreOfCandidate: break
            }
        }
    }
}

extension PackLoader {
    /// Reads the declared cells of the current row of `t` (the columns its reader does not read
    /// itself), reporting each bad cell at the cell. A bad cell keeps its column's blank value.
    mutating func read<Table>(_ t: PackTable, _ cells: inout DeclaredCells<Table>) {
        for slot in 0..<cells.kind.count {
            let c = cells.field[slot]
            let value: Int32
            switch cells.kind[slot] {
            case .text: value = c < 0 ? 0 : text(t, c)
            case .requiredText:
                value = text(t, c)
                if value == 0 { reportBlank(t, c, cells.file.columns[cells.declaration[slot]]) }
            case .date: value = c < 0 ? Day.blank.number : day(t, c).number
            case .requiredDate: value = day(t, c, required: true).number
            case .whole: value = c < 0 ? Store.noNumber : whole(t, c, cells.name[slot])
            case .requiredWhole: value = whole(t, c, cells.name[slot], required: true)
            case .money: value = c < 0 ? Store.noNumber : pence(t, c)
            case .flag: value = c < 0 ? 0 : (bool(t, c) ? 1 : 0)
            case .choice: value = choice(t, c, slot, &cells)
            }
            cells.values[slot].append(value)
        }
    }

    /// The raw value of the choice in cell `c`; the blank value (or the first word) when bad, reported.
    mutating func choice<Table>(_ t: PackTable, _ c: Int, _ slot: Int, _ cells: inout DeclaredCells<Table>) -> Int32 {
        let id = c < 0 ? 0 : text(t, c)
        if id == 0 && cells.blank[slot] >= 0 { return cells.blank[slot] }
        let first = slot * DeclaredCells<Table>.seen
        for k in first..<first + cells.seenCount[slot] where cells.seenIds[k] == id {
            if cells.seenRaw[k] != 255 { return Int32(cells.seenRaw[k]) }
            break
        }
        // A word not seen before, or a bad one.
        let column = cells.file.columns[cells.declaration[slot]]
        guard case .choice(let choice) = column.cell else { return 0 }
        if id == 0 {
            report(t, c, "expected \(column.name) (\(Self.list(choice.words))), found a blank")
            return 0
        }
        let raw = choice.parse(pool[id]) ?? 255
        if cells.seenCount[slot] < DeclaredCells<Table>.seen, !cells.seenIds[first..<first + cells.seenCount[slot]].contains(id) {
            cells.seenIds[first + cells.seenCount[slot]] = id
            cells.seenRaw[first + cells.seenCount[slot]] = raw
            cells.seenCount[slot] += 1
        }
        if raw != 255 { return Int32(raw) }
        report(t, c, "unknown \(column.name) '\(pool[id])': expected \(Self.list(choice.words))")
        return Int32(choice.blank ?? 0)
    }

    /// A required cell found blank.
    mutating func reportBlank<Table>(_ t: PackTable, _ c: Int, _ column: PackColumn<Table>) {
        report(t, c, "expected \(String(column.name.map { $0 == "_" ? " " : $0 })) (\(column.meaning)), found a blank")
    }

    /// `a, b or c`, blanks left out.
    static func list(_ words: [String]) -> String {
        let w = words.filter { !$0.isEmpty }
        return w.count <= 1 ? w.joined() : w.dropLast().joined(separator: ", ") + " or " + w.last!
    }
}
