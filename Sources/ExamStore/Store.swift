/// Everything exq knows about a centre: the tables of the data pack, one string pool, and the
/// indexes on the keys that questions use.
///
/// `Store` is a value: a load builds a new one and the session swaps it in only when the whole
/// pack was read without error, so a failed load leaves the old store exactly as it was.
/// After changing a table directly, call `reindex()`.
public struct Store: Sendable {
    /// The blank value of a whole-number column.
    package static let noNumber = Int32.min

    package let pool: StringPool
    /// centres.csv: the centres' names (a pack without the file names none).
    package var centreNames = CentreTable()
    package var candidates = CandidateTable()
    package var qualifications = QualificationTable()
    package var units = UnitTable()
    package var entries = EntryTable()
    package var achievements = AchievementTable()
    /// What was derived from the results (each result's pairs, its series flag, its grade on its
    /// scale) is dropped whenever the table changes, rows or a single grade, so no answer can read
    /// what was worked out for other results. Changed in place (`_modify`): an observer (`didSet`)
    /// copied the table on every change, which made building a million candidates' results quadratic.
    package var results: ResultTable {
        get { resultTable }
        _modify {
            yield &resultTable
            forgetResultColumns()
        }
        set {
            resultTable = newValue
            forgetResultColumns()
        }
    }
    private var resultTable = ResultTable()

    private mutating func forgetResultColumns() {
        if derived.holdsResultColumns { derived = derived.withoutResultColumns() }
    }
    package var reviews = ReviewTable()
    package var calendar = CalendarTable()
    package var certificates = CertificateTable()

    /// Where the data came from, for the welcome line and `save session` ("the demo centre", a path).
    package var source: String = ""

    package struct CandidateKey: Hashable, Sendable {
        package var centre: Int32, number: Int32
        package init(centre: Int32, number: Int32) { self.centre = centre; self.number = number }
    }
    package struct UnitKey: Hashable, Sendable {
        package var qualification: Int32, code: Int32
        package init(qualification: Int32, code: Int32) { self.qualification = qualification; self.code = code }
    }

    // Indexes, rebuilt by `reindex()`.
    package private(set) var candidateByKey = KeyIndex()
    package private(set) var qualificationByCode: [Int32: Int32] = [:]
    package private(set) var unitByKey: [UnitKey: Int32] = [:]
    package private(set) var reviewById: [Int32: Int32] = [:]
    package private(set) var centreNameByNumber: [Int32: Int32] = [:]
    package private(set) var unitsByQualification = Grouping()
    package private(set) var entriesByCandidate = Grouping()
    package private(set) var entriesByQualification = Grouping()
    package private(set) var achievementsByCandidate = Grouping()
    package private(set) var resultsByCandidate = Grouping()
    package private(set) var reviewsByCandidate = Grouping()
    package private(set) var certificatesByCandidate = Grouping()
    /// Rule columns computed on first use (eligibility); replaced by `reindex()`.
    package private(set) var derived = DerivedColumns()

    public init(pool: StringPool = StringPool()) { self.pool = pool }

    /// Drops the rule columns judged from the tables, after a change they depend on (an entry's
    /// completion) that needs no new index; copies made before the change keep theirs.
    package mutating func forgetDerived() { derived = DerivedColumns() }

    /// Rebuilds every index from the tables, after giving the columns of rows added by code a
    /// blank cell where the code did not set one (`PackFile.pad`). Linear in the data; a few milliseconds per 100,000 rows.
    package mutating func reindex() {
        PackSchema.pad(&self)
        derived = DerivedColumns()
        var byKey = KeyIndex(capacity: candidates.count)
        for i in 0..<candidates.count {
            byKey.set(candidates.centre[i], candidates.key[i], to: Int32(i))
        }
        candidateByKey = byKey
        var seen = Set<Int32>(), inOrder: [Int32] = []
        for c in candidates.centre where seen.insert(c).inserted { inOrder.append(c) }
        centres = inOrder
        var quals = [Int32: Int32](minimumCapacity: qualifications.count)
        for i in 0..<qualifications.count { quals[qualifications.code[i]] = Int32(i) }
        qualificationByCode = quals
        var unitKeys = [UnitKey: Int32](minimumCapacity: units.count)
        for i in 0..<units.count {
            unitKeys[UnitKey(qualification: units.qualification[i], code: units.code[i])] = Int32(i)
        }
        unitByKey = unitKeys
        var ids = [Int32: Int32](minimumCapacity: reviews.count)
        for i in 0..<reviews.count { ids[reviews.id[i]] = Int32(i) }
        reviewById = ids
        var names: [Int32: Int32] = [:]
        for i in 0..<centreNames.count { names[centreNames.centre[i]] = centreNames.name[i] }
        centreNameByNumber = names
        let nc = candidates.count, nq = qualifications.count
        unitsByQualification = Grouping(keys: units.qualification, keyCount: nq)
        entriesByCandidate = Grouping(keys: entries.candidate, keyCount: nc)
        entriesByQualification = Grouping(keys: entries.qualification, keyCount: nq)
        achievementsByCandidate = Grouping(keys: achievements.candidate, keyCount: nc)
        resultsByCandidate = Grouping(keys: results.candidate, keyCount: nc)
        reviewsByCandidate = Grouping(keys: reviews.candidate, keyCount: nc)
        certificatesByCandidate = Grouping(keys: certificates.candidate, keyCount: nc)
    }

    /// Rebuilds the indexes of the dated tables (results, reviews, certificates) that had rows
    /// left out of them, keeping the rest, and the eligibility judged on entries and units.
    package mutating func reindexDatedTables(results resultsChanged: Bool, reviews reviewsChanged: Bool, certificates certificatesChanged: Bool) {
        let nc = candidates.count
        if resultsChanged { resultsByCandidate = Grouping(keys: results.candidate, keyCount: nc) }
        if reviewsChanged {
            var ids = [Int32: Int32](minimumCapacity: reviews.count)
            for i in 0..<reviews.count { ids[reviews.id[i]] = Int32(i) }
            reviewById = ids
            reviewsByCandidate = Grouping(keys: reviews.candidate, keyCount: nc)
        }
        if certificatesChanged { certificatesByCandidate = Grouping(keys: certificates.candidate, keyCount: nc) }
    }

    // MARK: Lookups

    /// The value of a candidate number as a key: "0042" and "42" are the same candidate.
    /// Nil when it is not 1 to 4 digits.
    package static func candidateKey(_ number: String) -> Int32? {
        guard !number.isEmpty, number.count <= 4, number.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int32(number)
    }

    /// The row of a candidate; `centre` may be nil when the store has one centre.
    package func candidate(number: String, centre: String? = nil) -> Int32? {
        guard let key = Store.candidateKey(number) else { return nil }
        if let centre {
            guard let c = pool.lookup(centre) else { return nil }
            return candidateByKey[CandidateKey(centre: c, number: key)]
        }
        for c in centres {
            if let row = candidateByKey[CandidateKey(centre: c, number: key)] { return row }
        }
        return nil
    }

    /// Every candidate with that number, one per centre holding it, in centre order.
    package func candidates(number: String) -> [Int32] {
        guard let key = Store.candidateKey(number) else { return [] }
        return centres.compactMap { candidateByKey[CandidateKey(centre: $0, number: key)] }
    }

    /// The candidate whose `uci` column holds `uci` (ignoring case and spaces around it); nil when
    /// none does. A UCI is never decoded: it keeps the centre and number of first registration.
    package func candidate(uci: String) -> Int32? {
        let wanted = uci.uppercased()
        if let id = pool.lookup(wanted), let row = candidates.uci.firstIndex(of: id) { return Int32(row) }
        return candidates.uci.indices.first { candidates.uci[$0] != 0 && pool[candidates.uci[$0]].uppercased() == wanted }.map(Int32.init)
    }

    /// The distinct centre numbers (interned), in order of first appearance; kept by `reindex()`
    /// (a candidate lookup asks for them, and a trust has a million candidates).
    package private(set) var centres: [Int32] = []

    /// The name centres.csv gives centre number `centre` (interned); nil when it gives none.
    package func centreName(_ centre: Int32) -> String? {
        centreNameByNumber[centre].map { pool[$0] }
    }

    package func qualification(code: String) -> Int32? {
        guard let id = pool.lookup(code) else { return nil }
        return qualificationByCode[id]
    }

    package func review(id: String) -> Int32? {
        guard let i = pool.lookup(id) else { return nil }
        return reviewById[i]
    }

    /// The row of the entry of a candidate for a qualification (the latest, if entered twice).
    package func entry(candidate: Int32, qualification: Int32) -> Int32? {
        entriesByCandidate[candidate].last { entries.qualification[Int($0)] == qualification }
    }

    /// Whether the store holds candidates of more than one centre (a trust's pack): then a
    /// candidate number alone may name several candidates, and answers show the centre.
    package var hasSeveralCentres: Bool { centres.count > 1 }

    /// How answers, messages and replayed statements name a candidate (DOMAIN.md "Identifiers"):
    /// the number (`0042`) where the store has one centre, else `CENTRE/NUMBER` (`64123/0042`).
    package func reference(candidate row: Int32) -> String {
        let i = Int(row)
        return hasSeveralCentres ? pool[candidates.centre[i]] + "/" + pool[candidates.number[i]] : pool[candidates.number[i]]
    }

    /// `SURNAME: Forenames`, as awarding-body documents write a name.
    package func formalName(candidate row: Int32) -> String {
        let i = Int(row)
        return pool[candidates.surname[i]].uppercased() + ": " + pool[candidates.forenames[i]]
    }

    /// What the store holds, in the words of the load line: `1,200 candidates, 1,305 entries, ...`.
    public var summary: String {
        let parts: [(Int, String, String)] = [
            (candidates.count, "candidate", "candidates"), (qualifications.count, "qualification", "qualifications"),
            (units.count, "unit", "units"), (entries.count, "entry", "entries"),
            (achievements.count, "achievement", "achievements"), (results.count, "result", "results"),
            (reviews.count, "review", "reviews"), (calendar.count, "calendar event", "calendar events"),
            (certificates.count, "certificate", "certificates"),
        ]
        return parts.map { "\(Store.grouped($0.0)) \($0.0 == 1 ? $0.1 : $0.2)" }.joined(separator: ", ")
    }

    /// 1234567 → "1,234,567".
    package static func grouped(_ n: Int) -> String {
        let s = String(n.magnitude)
        var out = ""
        for (i, c) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}
