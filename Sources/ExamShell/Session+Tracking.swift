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

    /// The candidate and qualification as a change statement names them (`0042 05839`).
    func entryKey(_ c: Int32, _ q: Int32) -> String {
        store.pool[store.candidates.number[Int(c)]] + " " + Session.quoted(store.pool[store.qualifications.code[Int(q)]])
    }

    func acknowledge(_ words: [String], on: Bool) throws -> String {
        let (c, q) = try entryWords(words, usage: "\(on ? "" : "un")acknowledge 0042 05839")
        var changed = store
        try Tracking.acknowledge(store: &changed, candidate: c, qualification: q, on)
        let statement = (on ? "acknowledge " : "unacknowledge ") + entryKey(c, q)
        try commit(statement, changed)
        console.out("\(on ? "Acknowledged" : "Unacknowledged") \(store.pool[store.candidates.number[Int(c)]]) \(store.formalName(candidate: c)) for \(words[1])\n")
        return statement
    }

    func setCompletion(_ words: [String]) throws -> String {
        guard words.count == 3 else {
            throw failure("expected a candidate, a qualification and a series", notes: ["such as: set completion 0042 05839 \"Summer 2025\""])
        }
        let (c, q) = try entryWords(words, usage: "set completion 0042 05839 \"Summer 2025\"")
        var changed = store
        try Tracking.setCompletion(store: &changed, candidate: c, qualification: q, series: words[2])
        let statement = "set completion " + entryKey(c, q) + " " + Session.quoted(words[2])
        try commit(statement, changed)
        console.out("Estimated completion of \(store.pool[store.candidates.number[Int(c)]]) \(store.formalName(candidate: c)) for \(words[1]) is now \(words[2])\n")
        return statement
    }

    /// `add review CANDIDATE QUALIFICATION SERVICE [requested DATE] [consent DATE] [submitted DATE] [component C] [fee F] [id ID]`
    func addReview(_ words: [String]) throws -> String {
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
        var changed = store
        let row = try Tracking.addReview(store: &changed, id: options["id"], candidate: c, qualification: q, service: service,
                                         requested: requested, component: options["component"], consent: try date("consent"),
                                         submitted: try date("submitted"), fee: fee)
        let id = changed.pool[changed.reviews.id[Int(row)]]
        // Journaled whole: the id and every date resolved, so a replay on another day adds the same request.
        var statement = "add review " + entryKey(c, q) + " " + service.code + " requested " + requested.iso
        for key in ["consent", "submitted"] { if let d = try? date(key), !d.isBlank { statement += " \(key) " + d.iso } }
        if let component = options["component"] { statement += " component " + Session.quoted(component) }
        if let f = options["fee"] { statement += " fee " + Session.quoted(f) }
        statement += " id " + Session.quoted(id)
        try commit(statement, changed)
        let deadline = Deadlines.deadline(store: store, review: row, context: RuleContext(store: store, today: today, series: series))
        console.out("Added review \(id): \(service.title) for \(store.formalName(candidate: c)), \(args[1])" + (deadline.map { "; deadline \($0.date.iso)" + ($0.estimated ? " (estimated)" : "") } ?? "; " + Deadlines.unknownDeadlineReason(store: store, review: row)) + "\n")
        return statement
    }

    /// `update review ...` or `update certificate ...`.
    func update(_ rest: String) throws -> String {
        let kind = Words.split(rest).first?.lowercased()
        if kind == "certificate" { return try updateCertificate(rest) }
        return try updateReview(rest)
    }

    /// Splits `FIELD = VALUE, FIELD = VALUE` into pairs, checking each field against `fields`.
    func assignments(_ text: String, fields: [String], usage: String) throws -> [(String, String)] {
        var changes: [(String, String)] = []
        for a in text.split(separator: ",").map({ String($0).trimmingSpaces() }) {
            guard let eq = a.firstIndex(of: "=") else { throw failure("expected FIELD = VALUE, found '\(a)'", notes: ["such as: \(usage)"]) }
            let field = a[..<eq].trimmingSpaces().lowercased()
            guard fields.contains(field) else {
                throw failure("'\(field)' cannot be updated", notes: [Suggestions.note(for: field, in: fields)
                    ?? "fields: " + fields.joined(separator: ", ")])
            }
            var value = a[a.index(after: eq)...].trimmingSpaces().unquoted
            if value.lowercased() == "today" { value = today.iso }
            changes.append((field, value))
        }
        return changes
    }

    /// `update certificate CANDIDATE QUALIFICATION [SERIES] set received|issued|destroyed = DATE, ...`
    func updateCertificate(_ rest: String) throws -> String {
        let usage = "update certificate 0004 05838 set issued = today"
        let words = Words.split(rest)
        guard let setAt = words.firstIndex(where: { $0.lowercased() == "set" }), setAt >= 3 else {
            throw failure("expected 'update certificate CANDIDATE QUALIFICATION set FIELD = DATE'", notes: ["such as: \(usage)"])
        }
        let c = try candidate(words[1]), q = try qualification(words[2])
        let series = setAt > 3 ? words[3] : nil
        let rows = store.certificatesByCandidate[c].filter {
            store.certificates.qualification[Int($0)] == q && (series == nil || store.pool[store.certificates.series[Int($0)]] == series)
        }
        guard let row = rows.last else {
            throw failure("\(store.formalName(candidate: c)) has no certificate for \(words[2])\(series.map { " in \($0)" } ?? "")")
        }
        guard rows.count == 1 || series != nil else {
            throw failure("\(store.formalName(candidate: c)) has \(rows.count) certificates for \(words[2]); name the series",
                          notes: ["such as: update certificate \(words[1]) \(words[2]) \"Summer 2024\" set issued = today"])
        }
        let changes = try assignments(words[(setAt + 1)...].joined(separator: " "), fields: ["received", "issued", "destroyed"], usage: usage)
        var changed = store
        for (field, value) in changes {
            let day: Day
            if value.isEmpty { day = .blank } else {
                guard let d = Day(parsing: value) else { throw failure("expected a date for \(field), found '\(value)'", notes: ["write it as 2024-08-22, 22/08/2024 or today"]) }
                day = d
            }
            switch field {
            case "received": changed.certificates.received[Int(row)] = day
            case "issued": changed.certificates.issued[Int(row)] = day
            default: changed.certificates.destroyed[Int(row)] = day
            }
        }
        let statement = "update certificate " + entryKey(c, q) + " " + Session.quoted(store.pool[store.certificates.series[Int(row)]])
            + " set " + changes.map { "\($0.0) = \($0.1.isEmpty ? "\"\"" : $0.1)" }.joined(separator: ", ")
        try commit(statement, changed)
        console.out("Updated certificate of \(store.formalName(candidate: c)) for \(words[2]): " + changes.map { "\($0.0) = \($0.1)" }.joined(separator: ", ") + "\n")
        return statement
    }

    /// `update review ID set FIELD = VALUE[, FIELD = VALUE]...`
    func updateReview(_ rest: String) throws -> String {
        let usage = "update review R0001 set submitted = today, consent = 2024-08-16"
        var words = Words.split(rest)
        guard words.count >= 4, words[0].lowercased() == "review", words[2].lowercased() == "set" else {
            throw failure("expected 'update review ID set FIELD = VALUE'", notes: ["such as: \(usage)"])
        }
        let id = words[1]
        words.removeFirst(3)
        let changes = try assignments(words.joined(separator: " "), fields: Tracking.reviewFields, usage: usage)
        // All or nothing: apply to a copy, keep it only when every change was accepted.
        var changed = store
        for (field, value) in changes {
            try Tracking.updateReview(store: &changed, id: id, field: field, value: value, today: today)
        }
        let statement = "update review " + Session.quoted(id) + " set "
            + changes.map { "\($0.0) = " + ($0.1.isEmpty ? "\"\"" : Session.quoted($0.1)) }.joined(separator: ", ")
        try commit(statement, changed)
        console.out("Updated review \(id): " + changes.map { "\($0.0) = \($0.1)" }.joined(separator: ", ") + "\n")
        return statement
    }

    func exportPack(_ words: [String]) throws {
        guard words.count == 2, words[0].lowercased() == "pack" else {
            throw failure("expected 'export pack DIR'", notes: ["such as: export pack riverside-pack"])
        }
        try checkWritable(words[1])
        // The pack the role may see: a teacher's leaves out the results under embargo.
        let visible = visibility
        if visible.hidden > 0 { console.err(embargoNote(visible.hidden)) }
        // Audited before it is written, so no file of embargoed results exists unlogged.
        if visible.readsAudited() { try audit("export pack " + words[1]) }
        let written = try PackWriter.write(visible.store, to: words[1])
        console.out("Wrote \(written.count) files to \(words[1])\n")
    }
}
