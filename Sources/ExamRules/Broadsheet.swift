import ExamStore

/// An MIS broadsheet (`load broadsheet FILE series "Summer 2024"`): the wide shape an MIS
/// download has, a row per candidate and a column per qualification, each cell a grade. Its
/// results are added to a store all or nothing (docs/data-pack.md "Broadsheets").
///
/// - Row 1 is the header. A candidate is named by its `candidate` column (a number, or
///   `CENTRE/NUMBER`; with a `centre` column where the store has several centres) or by its `uci`
///   column; the `surname` and `forenames` columns, where present, must be the candidate's.
///   The other columns of candidates.csv (`uln`, `dob`, `group`) may be there and are not read.
/// - Every other column is a qualification, headed by its entry code (`J560`), its title
///   (`Mathematics`, when one qualification has it) or both (`J560 Mathematics`); a header naming
///   none, or several, is an error that lists the qualifications.
/// - Each cell is a grade on its qualification's scale (`7`, `A*`, `D*D`; `X` no result, `Q`
///   pending); a blank cell is no result. A result the store already has with the same grade is
///   left as it is; with another grade it is an error.
package enum Broadsheet {
    /// A mistake at a cell (row and column from 0, row 0 the header).
    package struct Problem: Sendable, Equatable {
        package var row: Int
        package var column: Int
        package var message: String
        package var notes: [String] = []
    }

    /// What was added.
    package struct Added: Sendable, Equatable {
        package var results: Int
        package var candidates: Int
        package var qualifications: Int
        /// Results the store already had with the same grade.
        package var alreadyHeld: Int
    }

    /// The columns that name or describe a candidate (candidates.csv's).
    static let candidateColumns = PackSchema.spellings(PackSchema.candidates.headers)

    /// Adds the results of `rows` (cell texts, row 0 the header) for `series` to `store`; the
    /// problems instead, every one found (nothing is added then).
    package static func add(_ rows: [[String]], series: String, to store: inout Store) -> Result<Added, BroadsheetProblems> {
        var problems: [Problem] = []
        guard let header = rows.first, header.contains(where: { !trim($0).isEmpty }) else {
            return .failure(BroadsheetProblems([Problem(row: 0, column: 0, message: "expected a header row (candidate and one column per qualification), found a blank row")]))
        }
        // The header: candidate columns and qualification columns.
        var identity: [String: Int] = [:]
        var subjects: [(column: Int, qualification: Int32)] = []
        for (c, text) in header.enumerated() {
            let h = trim(text)
            if h.isEmpty {
                if let r = rows.indices.dropFirst().first(where: { c < rows[$0].count && !trim(rows[$0][c]).isEmpty }) {
                    problems.append(Problem(row: r, column: c, message: "this column has no header, so its qualification is not known",
                                            notes: ["head it with the qualification's entry code or title"]))
                }
                continue
            }
            if let name = candidateColumns[PackSchema.normalized(h)] {
                if let first = identity[name] {
                    problems.append(Problem(row: 0, column: c, message: "column '\(name)' appears twice (first as column \(Sheet.columnLetters(first)))"))
                } else {
                    identity[name] = c
                }
                continue
            }
            switch qualification(named: h, in: store) {
            case .one(let q):
                if let other = subjects.first(where: { $0.qualification == q }) {
                    problems.append(Problem(row: 0, column: c, message: "\(store.pool[store.qualifications.code[Int(q)]]) has two columns (first as column \(Sheet.columnLetters(other.column)))"))
                } else {
                    subjects.append((c, q))
                }
            case .several(let qs):
                problems.append(Problem(row: 0, column: c, message: "the header '\(h)' names \(qs.count) qualifications: head the column with one's entry code",
                                        notes: [qs.map { describe($0, store) }.joined(separator: "; ")]))
            case .none:
                let codes = store.qualifications.code.map { store.pool[$0] }
                let titles = store.qualifications.title.map { store.pool[$0] }
                var notes: [String] = []
                if let hint = Suggestion.closest(to: h, among: codes + titles) { notes.append("did you mean '\(hint)'?") }
                notes.append("the qualifications: " + (0..<Int32(store.qualifications.count)).map { describe($0, store) }.joined(separator: "; "))
                problems.append(Problem(row: 0, column: c, message: "the header '\(h)' is not a candidate column nor a qualification (by entry code or title)",
                                        notes: notes))
            }
        }
        let number = identity["candidate"], uci = identity["uci"], centre = identity["centre"]
        if number == nil && uci == nil {
            problems.append(Problem(row: 0, column: 0, message: "no column names the candidate: expected a candidate number or UCI column",
                                    notes: ["head it 'candidate number' (or 'UCI'); the header has: " + header.map(trim).filter { !$0.isEmpty }.joined(separator: ", ")]))
        }
        if subjects.isEmpty && problems.isEmpty {
            problems.append(Problem(row: 0, column: 0, message: "no column is a qualification: expected a column per qualification, headed by its entry code or title"))
        }
        guard problems.isEmpty else { return .failure(BroadsheetProblems(problems)) }

        // The rows.
        let scales = GradeScale.scales(store: store)
        var held: [Int64: Int] = [:]
        let inSeries = store.results.series.mapDistinct { SeriesName.same(store.pool[$0], series) }   // each name read once
        for r in 0..<store.results.count where inSeries[r] {
            held[Int64(store.results.candidate[r]) << 32 | Int64(store.results.qualification[r])] = r
        }
        var seen: [Int32: Int] = [:]
        var added: [(candidate: Int32, qualification: Int32, grade: String)] = []
        var alreadyHeld = 0
        var candidatesAdded = Set<Int32>(), qualificationsAdded = Set<Int32>()
        for r in rows.indices.dropFirst() {
            let row = rows[r]
            func cell(_ c: Int?) -> String { c.map { $0 < row.count ? trim(row[$0]) : "" } ?? "" }
            guard row.contains(where: { !trim($0).isEmpty }) else { continue }
            guard let candidate = identify(row: r, cell(number), cell(uci), cell(centre), columns: (number, uci, centre), store, &problems) else { continue }
            if let first = seen[candidate] {
                problems.append(Problem(row: r, column: number ?? uci ?? 0,
                                        message: "candidate \(store.pool[store.candidates.number[Int(candidate)]]) \(store.formalName(candidate: candidate)) has a second row: the first is row \(first + 1)"))
                continue
            }
            seen[candidate] = r
            for (name, what) in [("surname", store.candidates.surname), ("forenames", store.candidates.forenames)] {
                guard let c = identity[name], !cell(c).isEmpty else { continue }
                let expected = store.pool[what[Int(candidate)]]
                if fold(cell(c)) != fold(expected) {
                    problems.append(Problem(row: r, column: c,
                                            message: "\(name) '\(cell(c))' is not candidate \(store.pool[store.candidates.number[Int(candidate)]])'s, who is \(store.formalName(candidate: candidate))",
                                            notes: ["check the candidate number on this row"]))
                }
            }
            for (c, q) in subjects {
                let written = cell(c)
                if written.isEmpty { continue }
                let grade: String
                if GradeScale.isSpecial(written.uppercased()) {
                    grade = written.uppercased()
                } else if let scale = scales[Int(q)] {
                    guard let g = scale.canonical(written) else {
                        problems.append(Problem(row: r, column: c,
                                                message: "grade '\(written)' is not on the scale of \(store.pool[store.qualifications.code[Int(q)]]): \(scale.grades.joined(separator: ", "))",
                                                notes: ["X is no result, Q pending; leave the cell blank where there is no result"]))
                        continue
                    }
                    grade = g
                } else {
                    grade = written
                }
                if let existing = held[Int64(candidate) << 32 | Int64(q)] {
                    let had = store.pool[store.results.grade[existing]]
                    if had == grade { alreadyHeld += 1; continue }
                    problems.append(Problem(row: r, column: c,
                                            message: "candidate \(store.pool[store.candidates.number[Int(candidate)]]) already has \(had) for \(store.pool[store.qualifications.code[Int(q)]]) in \(series); the broadsheet says \(grade)",
                                            notes: ["a grade changed by a review is recorded with: update review"]))
                    continue
                }
                added.append((candidate, q, grade))
                candidatesAdded.insert(candidate)
                qualificationsAdded.insert(q)
            }
        }
        guard problems.isEmpty else { return .failure(BroadsheetProblems(problems)) }
        let pool = store.pool
        let seriesId = pool.intern(series)
        for a in added {
            store.results.candidate.append(a.candidate)
            store.results.qualification.append(a.qualification)
            store.results.series.append(seriesId)
            store.results.grade.append(pool.intern(a.grade))
        }
        PackSchema.results.pad(&store)
        store.reindex()
        return .success(Added(results: added.count, candidates: candidatesAdded.count, qualifications: qualificationsAdded.count,
                              alreadyHeld: alreadyHeld))
    }

    enum Match { case one(Int32), several([Int32]), none }

    /// The qualification a header names: by entry code, by title where one qualification has it,
    /// or by a word of the header that is an entry code (`J560 Mathematics`, `Maths (J560)`).
    static func qualification(named header: String, in store: Store) -> Match {
        if let q = store.qualification(code: header) { return .one(q) }
        let wanted = fold(header)
        let byTitle = (0..<Int32(store.qualifications.count)).filter { fold(store.pool[store.qualifications.title[Int($0)]]) == wanted }
        if byTitle.count == 1 { return .one(byTitle[0]) }
        if byTitle.count > 1 { return .several(byTitle) }
        let words = header.split(whereSeparator: { " ()[]:-–,".contains($0) }).map(String.init)
        let byCode = Set(words.compactMap { store.qualification(code: $0) })
        if byCode.count == 1 { return .one(byCode.first!) }
        if byCode.count > 1 { return .several(byCode.sorted()) }
        return .none
    }

    /// The candidate a row names; nil (a problem added) when it names none, or two.
    static func identify(row r: Int, _ number: String, _ uci: String, _ centre: String,
                         columns: (number: Int?, uci: Int?, centre: Int?), _ store: Store, _ problems: inout [Problem]) -> Int32? {
        var byNumber: Int32?
        if let c = columns.number, !number.isEmpty {
            var n = number, at = centre
            if let slash = number.firstIndex(of: "/") {
                at = String(number[..<slash])
                n = String(number[number.index(after: slash)...])
            }
            guard Store.candidateKey(n) != nil else {
                problems.append(Problem(row: r, column: c, message: "expected a candidate number of 1 to 4 digits (or CENTRE/NUMBER), found '\(number)'"))
                return nil
            }
            if !at.isEmpty {
                guard let row = store.candidate(number: n, centre: at) else {
                    problems.append(Problem(row: r, column: c, message: "no candidate \(n) at centre \(at)"))
                    return nil
                }
                byNumber = row
            } else {
                let rows = store.candidates(number: n)
                if rows.isEmpty {
                    problems.append(Problem(row: r, column: c, message: "unknown candidate '\(n)': not in the candidates loaded",
                                            notes: ["list them with: candidates | sort candidate"]))
                    return nil
                }
                if rows.count > 1 {
                    problems.append(Problem(row: r, column: c, message: "\(rows.count) centres have a candidate \(n): add a centre column or write CENTRE/NUMBER",
                                            notes: [rows.prefix(10).map { store.pool[store.candidates.centre[Int($0)]] + "/" + n }.joined(separator: ", ")]))
                    return nil
                }
                byNumber = rows[0]
            }
        }
        var byUCI: Int32?
        if let c = columns.uci, !uci.isEmpty {
            guard let row = store.candidate(uci: uci) else {
                if byNumber == nil {
                    problems.append(Problem(row: r, column: c, message: "no candidate has the UCI \(uci)",
                                            notes: ["a UCI is looked up in candidates.csv's uci column, never decoded"]))
                    return nil
                }
                problems.append(Problem(row: r, column: c, message: "UCI \(uci) is not candidate \(store.pool[store.candidates.number[Int(byNumber!)]])'s",
                                        notes: ["check the candidate number and the UCI on this row"]))
                return nil
            }
            byUCI = row
        }
        if let a = byNumber, let b = byUCI, a != b {
            problems.append(Problem(row: r, column: columns.uci!, message: "UCI \(uci) is candidate \(store.pool[store.candidates.number[Int(b)]])'s, not \(store.pool[store.candidates.number[Int(a)]])'s",
                                    notes: ["check the candidate number and the UCI on this row"]))
            return nil
        }
        if let found = byNumber ?? byUCI { return found }
        problems.append(Problem(row: r, column: columns.number ?? columns.uci ?? 0, message: "expected a candidate number or UCI, found a blank"))
        return nil
    }

    static func describe(_ q: Int32, _ store: Store) -> String {
        store.pool[store.qualifications.code[Int(q)]] + " " + store.pool[store.qualifications.title[Int(q)]]
    }

    static func trim(_ s: String) -> String { String(Substring(s).trimmingSpaces) }

    /// Text as compared: lower case, runs of spaces as one.
    static func fold(_ s: String) -> String { s.lowercased().split(separator: " ").joined(separator: " ") }
}

/// The problems of a broadsheet, every one found.
package struct BroadsheetProblems: Error, Sendable, Equatable {
    package var problems: [Broadsheet.Problem]
    init(_ problems: [Broadsheet.Problem]) { self.problems = problems }
}
