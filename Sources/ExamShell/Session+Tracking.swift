import ExamStore
import ExamRules
import ExamQuery

/// The changes a centre makes from the shell: acknowledging entries, completion series,
/// logging and updating post-results requests. Each changes nothing when it fails.
extension Session {
    /// A candidate named by number (`0042`, `42`) or by surname, when only one has it.
    func candidate(_ word: String) throws -> Int32 {
        if Store.candidateKey(word) != nil {
            if let row = store.candidate(number: word) { return row }
            throw failure("no candidate numbered \(word)", notes: ["list them with: candidates | sort candidate"])
        }
        let lower = word.lowercased()
        let rows = (0..<Int32(store.candidates.count)).filter { store.pool[store.candidates.surname[Int($0)]].lowercased() == lower }
        if rows.count == 1 { return rows[0] }
        if rows.count > 1 {
            throw failure("\(rows.count) candidates are called \(word)",
                          notes: ["name one by number: " + rows.prefix(10).map { "\(store.pool[store.candidates.number[Int($0)]]) \(store.formalName(candidate: $0))" }.joined(separator: ", ")])
        }
        let surnames = Array(Set(store.candidates.surname.map { store.pool[$0] })).sorted()
        throw failure("no candidate numbered or called '\(word)'",
                      notes: [Suggestions.note(for: word, in: surnames) ?? "name a candidate by number (0042) or surname"])
    }

    func qualification(_ word: String) throws -> Int32 {
        if let q = store.qualification(code: word) { return q }
        let codes = store.qualifications.code.map { store.pool[$0] }
        throw failure("no qualification with entry code '\(word)'",
                      notes: [Suggestions.note(for: word, in: codes) ?? "list them with: qualifications"])
    }

    func entryWords(_ words: [String], usage: String) throws -> (Int32, Int32) {
        guard words.count >= 2 else { throw failure("expected a candidate and a qualification", notes: ["such as: \(usage)"]) }
        let c = try candidate(words[0]), q = try qualification(words[1])
        guard store.entry(candidate: c, qualification: q) != nil else {
            throw failure("\(store.formalName(candidate: c)) has no entry for \(words[1])")
        }
        return (c, q)
    }

    func acknowledge(_ words: [String], on: Bool) throws {
        let (c, q) = try entryWords(words, usage: "\(on ? "" : "un")acknowledge 0042 05839")
        try Tracking.acknowledge(store: &store, candidate: c, qualification: q, on)
        console.out("\(on ? "Acknowledged" : "Unacknowledged") \(store.pool[store.candidates.number[Int(c)]]) \(store.formalName(candidate: c)) for \(words[1])\n")
    }

    func setCompletion(_ words: [String]) throws {
        guard words.count == 3 else {
            throw failure("expected a candidate, a qualification and a series", notes: ["such as: set completion 0042 05839 \"Summer 2025\""])
        }
        let (c, q) = try entryWords(words, usage: "set completion 0042 05839 \"Summer 2025\"")
        try Tracking.setCompletion(store: &store, candidate: c, qualification: q, series: words[2])
        console.out("Estimated completion of \(store.pool[store.candidates.number[Int(c)]]) \(store.formalName(candidate: c)) for \(words[1]) is now \(words[2])\n")
    }

    /// `add review CANDIDATE QUALIFICATION SERVICE [requested DATE] [consent DATE] [submitted DATE] [component C] [fee F] [id ID]`
    func addReview(_ words: [String]) throws {
        let usage = "add review 0042 H240 2 requested 2024-08-16 consent 2024-08-16"
        guard words.first?.lowercased() == "review" else { throw failure("add what?", notes: ["such as: \(usage)"]) }
        let args = Array(words.dropFirst())
        guard args.count >= 3, args.count % 2 == 1 else {
            throw failure("expected a candidate, a qualification, a service, then pairs such as 'consent 2024-08-16'", notes: ["such as: \(usage)"])
        }
        let c = try candidate(args[0]), q = try qualification(args[1])
        guard let service = Service(code: args[2]) else {
            throw failure("unknown service '\(args[2])'", notes: ["services: " + Service.allCases.map { "\($0.code) \($0.title)" }.joined(separator: ", ")])
        }
        var options: [String: String] = [:]
        for i in stride(from: 3, to: args.count, by: 2) { options[args[i].lowercased()] = args[i + 1] }
        let allowed = ["requested", "consent", "submitted", "component", "fee", "id"]
        for key in options.keys.sorted() where !allowed.contains(key) {
            throw failure("unknown detail '\(key)'", notes: [Suggestions.note(for: key, in: allowed) ?? "details: " + allowed.joined(separator: ", ")])
        }
        func date(_ key: String) throws -> Day {
            guard let text = options[key] else { return .blank }
            if text.lowercased() == "today" { return today }
            guard let d = Day(parsing: text) else { throw failure("expected a date for \(key), found '\(text)'", notes: ["write it as 2024-08-22, 22/08/2024 or today"]) }
            return d
        }
        var fee = Store.noNumber
        if let f = options["fee"] {
            guard let pence = Tracking.penceFromPounds(f) else { throw failure("expected a fee in pounds, such as 45.50, found '\(f)'") }
            fee = pence
        }
        let requested = options["requested"] == nil ? today : try date("requested")
        let row = try Tracking.addReview(store: &store, id: options["id"], candidate: c, qualification: q, service: service,
                                         requested: requested, component: options["component"], consent: try date("consent"),
                                         submitted: try date("submitted"), fee: fee)
        let id = store.pool[store.reviews.id[Int(row)]]
        let deadline = Deadlines.deadline(store: store, review: row, context: RuleContext(store: store, today: today, series: series))
        console.out("Added review \(id): \(service.title) for \(store.formalName(candidate: c)), \(args[1])" + (deadline.map { "; deadline \($0.date.iso)" } ?? "") + "\n")
    }

    /// `update review ID set FIELD = VALUE[, FIELD = VALUE]...`
    func updateReview(_ rest: String) throws {
        let usage = "update review R0001 set submitted = today, consent = 2024-08-16"
        var words = Words.split(rest)
        guard words.count >= 4, words[0].lowercased() == "review", words[2].lowercased() == "set" else {
            throw failure("expected 'update review ID set FIELD = VALUE'", notes: ["such as: \(usage)"])
        }
        let id = words[1]
        words.removeFirst(3)
        let assignments = words.joined(separator: " ").split(separator: ",").map { String($0).trimmingSpaces() }
        var changes: [(String, String)] = []
        for a in assignments {
            guard let eq = a.firstIndex(of: "=") else { throw failure("expected FIELD = VALUE, found '\(a)'", notes: ["such as: \(usage)"]) }
            let field = a[..<eq].trimmingSpaces().lowercased()
            guard Tracking.reviewFields.contains(field) else {
                throw failure("'\(field)' cannot be updated", notes: [Suggestions.note(for: field, in: Tracking.reviewFields)
                    ?? "fields: " + Tracking.reviewFields.joined(separator: ", ")])
            }
            changes.append((field, a[a.index(after: eq)...].trimmingSpaces().unquoted))
        }
        // All or nothing: apply to a copy, keep it only when every change was accepted.
        var copy = store
        for (field, value) in changes {
            try Tracking.updateReview(store: &copy, id: id, field: field, value: value, today: today)
        }
        store = copy
        console.out("Updated review \(id): " + changes.map { "\($0.0) = \($0.1)" }.joined(separator: ", ") + "\n")
    }

    func exportPack(_ words: [String]) throws {
        guard words.count == 2, words[0].lowercased() == "pack" else {
            throw failure("expected 'export pack DIR'", notes: ["such as: export pack riverside-pack"])
        }
        let written = try PackWriter.write(store, to: words[1])
        console.out("Wrote \(written.count) files to \(words[1])\n")
    }
}
