import ExamStore
import ExamRules
import ExamQuery

/// `why`, `statement` and `statements`: answers a data manager can check by eye.
extension Session {

    func heading(_ c: Int32) -> String {
        let i = Int(c)
        var parts = ["\(store.pool[store.candidates.number[i]]) \(store.formalName(candidate: c))"]
        if store.candidates.group[i] != 0 { parts.append("group \(store.pool[store.candidates.group[i]])") }
        if store.candidates.uci[i] != 0 { parts.append("UCI \(store.pool[store.candidates.uci[i]])") }
        return parts.joined(separator: ", ")
    }

    func table(_ names: [String], _ rows: [[String]]) -> String {
        let columns = names.indices.map { c in Vector.string(rows.map { $0[c] }) }
        return OutputFormat.table.render(Answer(names: names, columns: columns, rowCount: rows.count, pool: store.pool))
    }

    func why(_ who: Word) throws {
        let c = try candidate(who)
        // Everything below is told from what the role may see.
        let visible = visibility, store = visible.store
        let context = RuleContext(store: store, today: today, series: series)
        let pool = store.pool
        if visible.hidden > 0 { console.err(embargoNote(visible.hidden)) }
        var out = heading(c) + "\n"
        out += "Series \(series ?? "(none)"), today \(today.iso)\n"
        let entries = store.entriesByCandidate[c]
        if entries.isEmpty { out += "\nNo entries.\n" }
        for e in entries {
            let i = Int(e), q = Int(store.entries.qualification[i])
            let verdict = Eligibility.verdict(store: store, entry: e, context: context)
            out += "\n\(pool[store.qualifications.code[q]]) \(pool[store.qualifications.title[q]])"
            out += ", completion \(pool[store.entries.completion[i]])\(store.entries.acknowledged[i] ? ", acknowledged" : "")\n"
            if verdict.isUnitised {
                let lines = Eligibility.units(store: store, entry: e)
                let rows = lines.map { u -> [String] in
                    let ui = Int(u.unit)
                    return [pool[store.units.code[ui]], pool[store.units.title[ui]], u.mandatory ? "yes" : "no", u.assessment.name,
                            String(u.glh), pool[u.series], u.status?.name ?? "no row", pool[u.grade], u.standing.words,
                            u.countsTowardGLH ? "yes" : "no"]
                }
                out += indent(table(["unit", "title", "mandatory", "assessment", "glh", "series", "status", "grade", "counts as", "toward GLH"], rows))
                out += "  GLH achieved or in progress: \(verdict.glhAchieved) of \(verdict.glhRequired)\n"
            }
            out += "  verdict: " + verdictWords(verdict, entry: i) + "\n"
            if MissingResults.isMissing(store: store, entry: e, context: context),
               !visible.withholds(qualification: Int32(q), series: store.entries.completion[i]) {
                out += "  result: missing (results for its level have arrived and there is no result row)\n"
            }
            for r in store.resultsByCandidate[c] where Int(store.results.qualification[Int(r)]) == q {
                let g = pool[store.results.grade[Int(r)]]
                let concern = ResultConcern.classify(store: store, result: r).map { " (\($0.words))" } ?? ""
                out += "  result: \(g)\(concern), \(pool[store.results.series[Int(r)]]), \(store.results.status[Int(r)].name)\n"
            }
        }
        let reviews = store.reviewsByCandidate[c]
        if !reviews.isEmpty {
            out += "\nPost-results requests\n"
            for r in reviews {
                let i = Int(r)
                let service = store.reviews.service[i]
                var line = "  \(pool[store.reviews.id[i]]) \(service.code) \(service.title), \(pool[store.qualifications.code[Int(store.reviews.qualification[i])]])"
                if let d = Deadlines.deadline(store: store, review: r, context: context) {
                    line += ": deadline \(d.date.iso)" + (d.estimated ? " (estimated)" : "") + " " + deadlineSource(d)
                    if Deadlines.isOverdue(submitted: store.reviews.submitted[i], deadline: d.date, today: today) { line += "; OVERDUE, not submitted" }
                    else if Deadlines.isDue(submitted: store.reviews.submitted[i], deadline: d.date, today: today) {
                        line += "; due, \(Deadlines.daysLeft(deadline: d.date, today: today) ?? 0) days left"
                    }
                } else {
                    line += ": " + Deadlines.unknownDeadlineReason(store: store, review: r)
                }
                if !store.reviews.submitted[i].isBlank { line += "; submitted \(store.reviews.submitted[i].iso)" }
                if store.reviews.outcome[i] != .none { line += "; \(store.reviews.outcome[i].name)" + (store.reviews.newGrade[i] != 0 ? " to \(pool[store.reviews.newGrade[i]])" : "") }
                out += line + "\n"
            }
        }
        if visible.readsAudited(Array(store.resultsByCandidate[c])) { try audit(WhyCommand(candidate: who).statement) }
        console.out(out)
    }

    func verdictWords(_ v: EntryVerdict, entry i: Int) -> String {
        if !v.isUnitised { return "not unitised: no eligibility check" }
        if !v.inSeries { return "not completing in \(series ?? "the current series"): not checked this series" }
        if v.reasons.isEmpty { return "eligible" }
        let reasons = v.reasons.words.joined(separator: "; ")
        return store.entries.acknowledged[i] ? "acknowledged by the centre (would be Not Eligible: \(reasons))" : "NOT ELIGIBLE: \(reasons)"
    }

    func deadlineSource(_ d: Deadline) -> String {
        switch d.source {
        case .calendar(let row, let appliesTo):
            let e = Int(row)
            return "(calendar: \(store.pool[store.calendar.event[e]]) of \(store.pool[store.calendar.series[e]]), applies to \(appliesTo.isEmpty ? "all" : appliesTo))"
        case .appeal(let based, let days):
            return "(\(days) days after the outcome of \(store.pool[store.reviews.id[Int(based)]]) on \(store.reviews.outcomeDate[Int(based)].iso))"
        }
    }

    func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
    }

    // MARK: Statements of results

    func statementText(_ c: Int32, from store: Store) -> String {
        let i = Int(c), pool = store.pool
        var out = "PROVISIONAL STATEMENT OF RESULTS\n\n"
        out += "Centre: \(pool[store.candidates.centre[i]])\n"
        out += "Candidate: \(store.formalName(candidate: c))\n"
        out += "Candidate number: \(pool[store.candidates.number[i]])\n"
        if store.candidates.uci[i] != 0 { out += "UCI: \(pool[store.candidates.uci[i]])\n" }
        out += "\n"
        var rows: [[String]] = []
        var marks: Set<String> = []
        for r in store.resultsByCandidate[c] {
            let ri = Int(r), q = Int(store.results.qualification[ri])
            let grade = pool[store.results.grade[ri]]
            if let concern = ResultConcern.classify(grade: grade) { marks.insert(concern.words) }
            rows.append([pool[store.results.series[ri]], pool[store.qualifications.code[q]],
                         pool[store.qualifications.type[q]], pool[store.qualifications.title[q]], grade])
        }
        if rows.isEmpty { out += "No results.\n" } else { out += table(["series", "entry code", "type", "title", "grade"], rows) }
        for m in marks.sorted() { out += m + "\n" }
        out += "\nThese results are PROVISIONAL and may change. Certificates confirm final results.\n"
        return out
    }

    /// `statements to DIR`: one file per candidate with results (that the role may see).
    func statements(to dir: String) throws {
        try checkWritable(dir)
        let visible = visibility, store = visible.store
        if visible.hidden > 0 { console.err(embargoNote(visible.hidden)) }
        if visible.readsAudited() { try audit(StatementsCommand(folder: Word(dir)).statement) }
        try FileSystem.makeDirectory(dir)
        var written = 0
        for c in 0..<Int32(store.candidates.count) where !store.resultsByCandidate[c].isEmpty {
            let i = Int(c)
            let name = store.pool[store.candidates.number[i]] + "-" + store.pool[store.candidates.surname[i]].uppercased().filter { $0.isLetter || $0 == "-" }
            try FileSystem.writeDurably(statementText(c, from: store), to: dir + "/" + name + ".txt")
            written += 1
        }
        console.out("Wrote \(Store.grouped(written)) statements of results to \(dir)\n")
    }
}
