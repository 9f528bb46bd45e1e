import ExamStore
import ExamRules
import ExamQuery

/// Finding what a command names: a candidate by number or surname, a qualification by entry
/// code, an entry. A name that finds nothing is an error at that word, with a did-you-mean.
extension Session {
    /// A candidate named by number (`0042`, `42`) where one centre holds it, by `CENTRE/NUMBER`
    /// (`64123/0632`) or by UCI anywhere, or by surname when only one has it (DOMAIN.md
    /// "Identifiers"). A number several centres hold is an error listing them.
    func candidate(_ word: Word) throws -> Int32 {
        let text = word.text
        if let slash = text.firstIndex(of: "/") {
            let centre = String(text[..<slash]), number = String(text[text.index(after: slash)...])
            guard Store.candidateKey(number) != nil, !centre.isEmpty else {
                throw failure("expected CENTRE/NUMBER, such as 64123/0632, found '\(text)'", at: word)
            }
            if let row = store.candidate(number: number, centre: centre) { return row }
            let held = store.candidates(number: number).map { store.pool[store.candidates.centre[Int($0)]] }
            throw failure("no candidate \(number) at centre \(centre)", at: word,
                          notes: [held.isEmpty ? "no centre has a candidate \(number)" : "centres with a candidate \(number): " + held.prefix(10).joined(separator: ", ")])
        }
        if Store.candidateKey(text) != nil {
            let rows = store.candidates(number: text)
            if rows.count == 1 { return rows[0] }
            if rows.isEmpty { throw failure("no candidate numbered \(text)", at: word, notes: ["list them with: candidates | sort candidate"]) }
            throw failure("\(rows.count) centres have a candidate \(text): name one as CENTRE/NUMBER", at: word,
                          notes: [rows.prefix(10).map { "\(store.pool[store.candidates.centre[Int($0)]])/\(store.pool[store.candidates.number[Int($0)]]) \(store.formalName(candidate: $0))" }.joined(separator: ", ")
                                  + (rows.count > 10 ? " and \(rows.count - 10) more" : "")])
        }
        if Identifiers.looksLikeUCI(text) {
            if let row = store.candidate(uci: text) { return row }
            throw failure("no candidate has the UCI \(text)", at: word, notes: ["a UCI is looked up in candidates.csv's uci column, never decoded"])
        }
        let lower = text.lowercased()
        let rows = (0..<Int32(store.candidates.count)).filter { store.pool[store.candidates.surname[Int($0)]].lowercased() == lower }
        if rows.count == 1 { return rows[0] }
        if rows.count > 1 {
            throw failure("\(rows.count) candidates are called \(text)", at: word,
                          notes: ["name one by number: " + rows.prefix(10).map { "\(store.reference(candidate: $0)) \(store.formalName(candidate: $0))" }.joined(separator: ", ")])
        }
        let surnames = Array(Set(store.candidates.surname.map { store.pool[$0] })).sorted()
        throw failure("no candidate numbered or called '\(text)'", at: word,
                      notes: [Suggestions.note(for: text, in: surnames) ?? "name a candidate by number (0042) or surname"])
    }

    func qualification(_ word: Word) throws -> Int32 {
        if let q = store.qualification(code: word.text) { return q }
        let codes = store.qualifications.code.map { store.pool[$0] }
        throw failure("no qualification with entry code '\(word.text)'", at: word,
                      notes: [Suggestions.note(for: word.text, in: codes) ?? "list them with: qualifications"])
    }

    /// The candidate and qualification of an entry the candidate has.
    func entry(_ candidateWord: Word, _ qualificationWord: Word) throws -> (Int32, Int32) {
        let c = try candidate(candidateWord), q = try qualification(qualificationWord)
        guard store.entry(candidate: c, qualification: q) != nil else {
            throw failure("\(store.formalName(candidate: c)) has no entry for \(qualificationWord.text)", at: qualificationWord)
        }
        return (c, q)
    }

    /// The candidate (`0042`, or `64123/0042` in a store of several centres) and the
    /// qualification's code, as a change names them: its replay finds the same candidate.
    func keyWords(_ c: Int32, _ q: Int32) -> (Word, Word) {
        (Word(store.reference(candidate: c)), Word(store.pool[store.qualifications.code[Int(q)]]))
    }

    /// Pence as pounds the way a user types them: 6600 → 66, 750 → 7.50.
    static func pounds(_ pence: Int32) -> String {
        pence % 100 == 0 ? String(pence / 100) : "\(pence / 100).\(pence % 100 < 10 ? "0" : "")\(pence % 100)"
    }
}
