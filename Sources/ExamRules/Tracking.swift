import ExamStore

/// The changes a centre makes during the cycle, as the Progress Tracker and a post-results
/// tracking log let it: acknowledging entries, moving completion, logging requests and outcomes.
///
/// Each change validates everything first and throws `TrackingError` without changing the store;
/// a change that adds rows calls `store.reindex()`.
package enum Tracking {
    /// Acknowledges (or, with `on` false, unacknowledges) the candidate's entries for the
    /// qualification: an acknowledged entry is no longer at risk.
    package static func acknowledge(store: inout Store, candidate: Int32, qualification: Int32, _ on: Bool) throws(TrackingError) {
        let rows = try entryRows(store: store, candidate: candidate, qualification: qualification)
        for r in rows { store.entries.acknowledged[Int(r)] = on }
    }

    /// Sets the estimated completion series of the candidate's entries for the qualification.
    package static func setCompletion(store: inout Store, candidate: Int32, qualification: Int32, series: String) throws(TrackingError) {
        let name = String(AppliesTo.trimmed(series))
        guard SeriesName.isValid(name) else {
            throw TrackingError("expected a series such as \"Summer 2025\", found \"\(series)\"")
        }
        let rows = try entryRows(store: store, candidate: candidate, qualification: qualification)
        let id = store.pool.intern(name)
        for r in rows { store.entries.completion[Int(r)] = id }
        store.forgetDerived()   // eligibility is judged in each entry's own series
    }

    /// Logs a post-results request and returns its row. With `id` nil the next free id is used
    /// (`R0001`, `R0002`, ... after the highest `R` number in use). A priority review of marking
    /// (`2P`) is refused for a qualification that is not level 3.
    @discardableResult
    package static func addReview(store: inout Store, id: String?, candidate: Int32, qualification: Int32,
                                 service: Service, requested: Day, component: String? = nil,
                                 consent: Day = .blank, submitted: Day = .blank,
                                 fee: Int32 = Store.noNumber) throws(TrackingError) -> Int32 {
        guard candidate >= 0, Int(candidate) < store.candidates.count else { throw TrackingError("no such candidate (row \(candidate))") }
        guard qualification >= 0, Int(qualification) < store.qualifications.count else {
            throw TrackingError("no such qualification (row \(qualification))")
        }
        guard !requested.isBlank else { throw TrackingError("a request needs the date it was requested") }
        let code = store.pool[store.qualifications.code[Int(qualification)]]
        let type = store.pool[store.qualifications.type[Int(qualification)]]
        let level = store.pool[store.qualifications.level[Int(qualification)]]
        guard service.applies(type: type, level: level) else {
            throw TrackingError("a priority review of marking (2P) is for A level and level 3 vocational qualifications only, not AS or GCSE; \(code) is \(type.isEmpty ? "" : type + " ")level \(level.isEmpty ? "unknown" : level)")
        }
        let name: String
        if let id {
            name = String(AppliesTo.trimmed(id))
            guard !name.isEmpty else { throw TrackingError("a review id cannot be blank") }
            if store.review(id: name) != nil { throw TrackingError("review \(name) already exists") }
        } else {
            name = nextReviewId(store: store)
        }
        let pool = store.pool
        store.reviews.id.append(pool.intern(name))
        store.reviews.candidate.append(candidate)
        store.reviews.qualification.append(qualification)
        store.reviews.component.append(pool.intern(component.map { String(AppliesTo.trimmed($0)) } ?? ""))
        store.reviews.service.append(service)
        store.reviews.requested.append(requested)
        store.reviews.consent.append(consent)
        store.reviews.submitted.append(submitted)
        store.reviews.outcome.append(.none)
        store.reviews.outcomeDate.append(.blank)
        store.reviews.newGrade.append(0)
        store.reviews.fee.append(fee)
        store.reindex()
        return Int32(store.reviews.count - 1)
    }

    /// The next free review id: `R` and four digits, one past the highest `R` number in use.
    package static func nextReviewId(store: Store) -> String {
        var highest = 0
        for id in store.reviews.id {
            let s = store.pool[id]
            guard s.first == "R" || s.first == "r", let n = Int(s.dropFirst()), n >= 0 else { continue }
            highest = max(highest, n)
        }
        var n = highest + 1
        while true {
            let digits = String(n)
            let name = "R" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
            if store.review(id: name) == nil { return name }
            n += 1
        }
    }

    /// The fields `updateReview` can set.
    package static let reviewFields = ["consent", "submitted", "outcome", "outcome_date", "new_grade", "fee", "component"]

    /// Sets one field of review `id` from text as a user types it: dates ISO or UK (or `today`
    /// when `today` is given), outcome `confirmed`/`raised`/`lowered`, fee in pounds (`45`,
    /// `45.50`, `£45.50`, stored as pence). A blank value clears the field.
    /// The checks on a request as typed (DOMAIN.md "Post-results requests"): the candidate has an
    /// entry for the qualification; dates in order (requested ≤ submitted ≤ outcome_date, consent ≤
    /// submitted) and none after today (messages write dates in `dates`); a `new_grade` on the qualification's scale, not worse than
    /// the grade before for `raised` and not better for `lowered` (a "raised" outcome may leave the
    /// grade where it was: the mark rose, the grade did not). Throws the first breach.
    package static func checkReview(store: Store, review: Int32, today: Day, dates style: DateStyle) throws(TrackingError) {
        let r = Int(review), reviews = store.reviews, pool = store.pool
        let c = reviews.candidate[r], q = reviews.qualification[r]
        let code = pool[store.qualifications.code[Int(q)]]
        guard store.entriesByCandidate[c].contains(where: { store.entries.qualification[Int($0)] == q }) else {
            throw TrackingError("\(store.formalName(candidate: c)) has no entry for \(code): a request is about a qualification the candidate was entered for")
        }
        let dates = [("requested", reviews.requested[r]), ("consent", reviews.consent[r]),
                     ("submitted", reviews.submitted[r]), ("outcome_date", reviews.outcomeDate[r])]
        for (name, d) in dates where !d.isBlank && d > today {
            throw TrackingError("\(name) \(d.text(style)) is after today (\(today.text(style))): record what has happened")
        }
        func order(_ a: (String, Day), _ b: (String, Day)) throws(TrackingError) {
            if !a.1.isBlank, !b.1.isBlank, b.1 < a.1 { throw TrackingError("\(b.0) \(b.1.text(style)) is before \(a.0) \(a.1.text(style))") }
        }
        try order(dates[0], dates[2]); try order(dates[1], dates[2]); try order(dates[2], dates[3]); try order(dates[0], dates[3])
        if let problem = newGradeProblem(store: store, review: r) { throw TrackingError(problem) }
        let newGrade = reviews.newGrade[r]
        guard newGrade != 0, let scale = GradeScale.scale(store: store, qualification: q),
              let to = scale.rank(of: pool[newGrade]) else { return }
        let outcome = reviews.outcome[r]
        guard outcome == .raised || outcome == .lowered,
              let change = ReviewOutcomes.changes(store: store).first(where: { $0.review == review }),
              let from = scale.rank(of: pool[change.from]) else { return }
        // Ranks count from the best grade: a smaller rank is a better grade.
        if outcome == .raised && to > from { throw TrackingError("a raised outcome cannot give \(pool[newGrade]), worse than \(pool[change.from])") }
        if outcome == .lowered && to < from { throw TrackingError("a lowered outcome cannot give \(pool[newGrade]), better than \(pool[change.from])") }
    }

    /// Why review row `review`'s `new_grade` is not on its qualification's scale; nil when it is,
    /// is blank, or the qualification has no scale (its grades are compared as text).
    package static func newGradeProblem(store: Store, review r: Int) -> String? {
        let g = store.reviews.newGrade[r], q = store.reviews.qualification[r]
        guard g != 0, let scale = GradeScale.scale(store: store, qualification: q), scale.rank(of: store.pool[g]) == nil else { return nil }
        return "new_grade \(store.pool[g]) is not on the scale of \(store.pool[store.qualifications.code[Int(q)]]): \(scale.grades.joined(separator: ", "))"
    }

    package static func updateReview(store: inout Store, id: String, field: String, value: String,
                                    today: Day? = nil) throws(TrackingError) {
        guard let row = store.review(id: String(AppliesTo.trimmed(id))) else { throw TrackingError("no review with id \(id)") }
        let r = Int(row)
        let text = String(AppliesTo.trimmed(value))
        let key = field.lowercased().asFieldKey()
        func day() throws(TrackingError) -> Day {
            if text.isEmpty { return .blank }
            if let today, text.lowercased() == "today" { return today }
            guard let d = Day(parsing: text) else {
                throw TrackingError("\(field): expected a date such as 2024-08-22 or 22/08/2024, found \"\(value)\"")
            }
            return d
        }
        switch key {
        case "consent": store.reviews.consent[r] = try day()
        case "submitted": store.reviews.submitted[r] = try day()
        case "outcomedate": store.reviews.outcomeDate[r] = try day()
        case "outcome":
            guard let outcome = ReviewOutcome(name: text) else {
                throw TrackingError("outcome: expected confirmed, raised or lowered, found \"\(value)\"")
            }
            store.reviews.outcome[r] = outcome
        case "newgrade": store.reviews.newGrade[r] = store.pool.intern(text)
        case "component": store.reviews.component[r] = store.pool.intern(text)
        case "fee":
            guard let pence = penceFromPounds(text) else {
                throw TrackingError("fee: expected an amount in pounds such as 45.50, found \"\(value)\"")
            }
            store.reviews.fee[r] = pence
        default:
            throw TrackingError("a review has no field '\(field)'; expected one of \(reviewFields.joined(separator: ", "))")
        }
    }

    /// The fields `updateCertificate` can set.
    package static let certificateFields = ["received", "issued", "destroyed"]

    /// The candidate's certificate for the qualification, in `series` when given; an error
    /// when there is none, or several and no series to choose.
    package static func certificate(store: Store, candidate: Int32, qualification: Int32, series: String?) throws(TrackingError) -> Int32 {
        let rows = store.certificatesByCandidate[candidate].filter { row in
            store.certificates.qualification[Int(row)] == qualification && (series.map { name in SeriesName.same(store.pool[store.certificates.series[Int(row)]], name) } ?? true)
        }
        let name = store.formalName(candidate: candidate), code = store.pool[store.qualifications.code[Int(qualification)]]
        guard let row = rows.last else { throw TrackingError("\(name) has no certificate for \(code)\(series.map { " in \($0)" } ?? "")") }
        guard rows.count == 1 || series != nil else { throw TrackingError("\(name) has \(rows.count) certificates for \(code); name the series") }
        return row
    }

    /// Records a certificate received from the awarding body, issued to the candidate, or
    /// destroyed (unclaimed); a blank day clears it.
    package static func updateCertificate(store: inout Store, row: Int32, field: String, day: Day) throws(TrackingError) {
        let r = Int(row)
        guard r >= 0, r < store.certificates.count else { throw TrackingError("no such certificate (row \(row))") }
        switch field.lowercased() {
        case "received": store.certificates.received[r] = day
        case "issued": store.certificates.issued[r] = day
        case "destroyed": store.certificates.destroyed[r] = day
        default: throw TrackingError("a certificate has no field '\(field)'; expected one of \(certificateFields.joined(separator: ", "))")
        }
    }

    /// `45` → 4500, `45.5` → 4550, `£45.50` → 4550, blank → `Store.noNumber`; nil when not an amount.
    package static func penceFromPounds(_ text: String) -> Int32? {
        var s = Substring(text)
        if s.isEmpty { return Store.noNumber }
        if s.first == "£" { s = s.dropFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let poundsText = parts.first, !poundsText.isEmpty,
              poundsText.allSatisfy({ $0.isASCII && $0.isNumber }), poundsText.count <= 6,
              let pounds = Int32(poundsText) else { return nil }
        var pence: Int32 = 0
        if parts.count == 2 {
            let p = parts[1]
            guard !p.isEmpty, p.count <= 2, p.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int32(p) else { return nil }
            pence = p.count == 1 ? v * 10 : v
        }
        return pounds * 100 + pence
    }

    static func entryRows(store: Store, candidate: Int32, qualification: Int32) throws(TrackingError) -> [Int32] {
        guard candidate >= 0, Int(candidate) < store.candidates.count,
              qualification >= 0, Int(qualification) < store.qualifications.count else {
            throw TrackingError("no such candidate or qualification")
        }
        let rows = store.entriesByCandidate[candidate].filter { store.entries.qualification[Int($0)] == qualification }
        guard !rows.isEmpty else {
            let number = store.pool[store.candidates.number[Int(candidate)]]
            let code = store.pool[store.qualifications.code[Int(qualification)]]
            throw TrackingError("candidate \(number) has no entry for \(code)")
        }
        return Array(rows)
    }
}

fileprivate extension String {
    /// The field name without spaces, `_` or `-`: `outcome_date`, `Outcome Date` → `outcomedate`.
    func asFieldKey() -> String { String(filter { $0 != " " && $0 != "_" && $0 != "-" }) }
}
