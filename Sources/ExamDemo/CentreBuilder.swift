import ExamStore

/// A store being filled with one centre's rows: the vocabulary interned once, one append per table.
///
/// Shared by `CentreGenerator` and the demo's story candidates, so that both write rows the same
/// way. Every distinct string is interned once (series, grades, groups, names); only the strings that
/// differ per candidate (number, UCI, ULN) are interned per candidate.
struct CentreBuilder {
    var store: Store
    let pool: StringPool

    /// Row in `store.qualifications` of each `DemoCatalogue` qualification, by catalogue position.
    private(set) var qualificationRows: [Int32] = []
    /// Rows in `store.units` of each catalogue qualification's units, in catalogue order.
    private(set) var unitRows: [[Int32]] = []

    let summer2023: Int32, january2024: Int32, summer2024: Int32, january2025: Int32, summer2025: Int32
    let gcseGrades: [Int32], combinedGrades: [Int32], aLevelGrades: [Int32], unitGrades: [Int32], singleGrades: [Int32], doubleGrades: [Int32]
    /// The result grades `X` (no result) and `Q` (pending).
    let noResult: Int32, pending: Int32
    private var numberIds: [Int32] = []
    private(set) var reviewCount = 0
    /// The stream every random choice is drawn from.
    var rng = SplitMix64(seed: 0)

    init() {
        let pool = StringPool()
        self.pool = pool
        store = Store(pool: pool)
        summer2023 = pool.intern("Summer 2023")
        january2024 = pool.intern("January 2024")
        summer2024 = pool.intern("Summer 2024")
        january2025 = pool.intern("January 2025")
        summer2025 = pool.intern("Summer 2025")
        gcseGrades = DemoCatalogue.gcseGrades.map(pool.intern)
        combinedGrades = DemoCatalogue.combinedGrades.map(pool.intern)
        aLevelGrades = DemoCatalogue.aLevelGrades.map(pool.intern)
        unitGrades = DemoCatalogue.unitGrades.map(pool.intern)
        singleGrades = DemoCatalogue.singleGrades.map(pool.intern)
        doubleGrades = DemoCatalogue.doubleGrades.map(pool.intern)
        noResult = pool.intern("X")
        pending = pool.intern("Q")
        addCatalogue()
    }

    private mutating func addCatalogue() {
        let ocr = pool.intern("OCR")
        for q in DemoCatalogue.qualifications {
            let row = Int32(store.qualifications.count)
            store.qualifications.code.append(pool.intern(q.code))
            store.qualifications.title.append(pool.intern(q.title))
            store.qualifications.type.append(pool.intern(q.type))
            store.qualifications.level.append(pool.intern(q.level))
            store.qualifications.size.append(pool.intern(q.size))
            store.qualifications.glh.append(q.glh > 0 ? Int32(q.glh) : Store.noNumber)
            store.qualifications.awardingBody.append(ocr)
            qualificationRows.append(row)
            var rows: [Int32] = []
            for u in q.units {
                rows.append(Int32(store.units.count))
                store.units.qualification.append(row)
                store.units.code.append(pool.intern(u.code))
                store.units.title.append(pool.intern(u.title))
                store.units.glh.append(Int32(u.glh))
                store.units.mandatory.append(u.mandatory)
                store.units.assessment.append(u.exam ? .exam : .moderated)
            }
            unitRows.append(rows)
        }
    }

    /// Makes room for about `candidates` candidates and their rows, so that columns grow once.
    mutating func reserve(candidates n: Int) {
        store.candidates.centre.reserveCapacity(n); store.candidates.number.reserveCapacity(n)
        store.candidates.key.reserveCapacity(n); store.candidates.surname.reserveCapacity(n)
        store.candidates.forenames.reserveCapacity(n); store.candidates.uci.reserveCapacity(n)
        store.candidates.uln.reserveCapacity(n); store.candidates.dob.reserveCapacity(n)
        store.candidates.group.reserveCapacity(n)
        let e = n * 5 / 2
        store.entries.candidate.reserveCapacity(e); store.entries.qualification.reserveCapacity(e)
        store.entries.series.reserveCapacity(e); store.entries.completion.reserveCapacity(e)
        store.entries.acknowledged.reserveCapacity(e)
    }

    // MARK: Rows

    /// Adds a candidate of centre `centre` (5 digits) with a valid UCI; returns its row.
    mutating func addCandidate(centre: Int32, centreDigits: String, number: Int, surname: Int32, forenames: Int32,
                               uln: String, dob: Day, group: Int32) -> Int32 {
        let row = Int32(store.candidates.count)
        store.candidates.centre.append(centre)
        store.candidates.number.append(numberId(number))
        store.candidates.key.append(Int32(number))
        store.candidates.surname.append(surname)
        store.candidates.forenames.append(forenames)
        store.candidates.uci.append(pool.intern(CentreBuilder.uci(centre: centreDigits, year: 24, number: number)))
        store.candidates.uln.append(pool.intern(uln))
        store.candidates.dob.append(dob)
        store.candidates.group.append(group)
        return row
    }

    /// The id of a candidate number written with four digits ("0042"), interned once per number.
    private mutating func numberId(_ n: Int) -> Int32 {
        if n >= numberIds.count { numberIds += [Int32](repeating: -1, count: n + 1 - numberIds.count) }
        if numberIds[n] < 0 { numberIds[n] = pool.intern(CentreBuilder.digits(n, width: 4)) }
        return numberIds[n]
    }

    mutating func addEntry(candidate: Int32, qualification q: Int, series: Int32, completion: Int32, acknowledged: Bool = false) {
        store.entries.candidate.append(candidate)
        store.entries.qualification.append(qualificationRows[q])
        store.entries.series.append(series)
        store.entries.completion.append(completion)
        store.entries.acknowledged.append(acknowledged)
    }

    /// A unit row; `unit` is the position of the unit in the catalogue qualification `q`.
    mutating func addAchievement(candidate: Int32, qualification q: Int, unit: Int, series: Int32,
                                 status: AchievementStatus, grade: Int32 = 0) {
        store.achievements.candidate.append(candidate)
        store.achievements.qualification.append(qualificationRows[q])
        store.achievements.unit.append(unitRows[q][unit])
        store.achievements.series.append(series)
        store.achievements.status.append(status)
        store.achievements.grade.append(grade)
    }

    mutating func addResult(candidate: Int32, qualification q: Int, series: Int32, grade: Int32, final: Bool = false) {
        store.results.candidate.append(candidate)
        store.results.qualification.append(qualificationRows[q])
        store.results.series.append(series)
        store.results.grade.append(grade)
        store.results.mark.append(Store.noNumber)
        store.results.status.append(final ? .final : .provisional)
    }

    /// A post-results request with the next id (`R001`, `R002`, ...) and the service's usual fee.
    mutating func addReview(candidate: Int32, qualification q: Int, component: Int32 = 0, series: Int32 = 0, service: Service,
                            requested: Day, consent: Day = .blank, submitted: Day = .blank,
                            outcome: ReviewOutcome = .none, outcomeDate: Day = .blank, newGrade: Int32 = 0) {
        reviewCount += 1
        store.reviews.id.append(pool.intern("R" + CentreBuilder.digits(reviewCount, width: 3)))
        store.reviews.candidate.append(candidate)
        store.reviews.qualification.append(qualificationRows[q])
        store.reviews.component.append(component)
        store.reviews.series.append(series)
        store.reviews.service.append(service)
        store.reviews.requested.append(requested)
        store.reviews.consent.append(consent)
        store.reviews.submitted.append(submitted)
        store.reviews.outcome.append(outcome)
        store.reviews.outcomeDate.append(outcomeDate)
        store.reviews.newGrade.append(newGrade)
        store.reviews.fee.append(CentreBuilder.fee(service))
    }

    mutating func addCertificate(candidate: Int32, qualification q: Int, series: Int32, received: Day,
                                 issued: Day = .blank, destroyed: Day = .blank) {
        store.certificates.candidate.append(candidate)
        store.certificates.qualification.append(qualificationRows[q])
        store.certificates.series.append(series)
        store.certificates.received.append(received)
        store.certificates.issued.append(issued)
        store.certificates.destroyed.append(destroyed)
    }

    /// The interned code of unit `unit` of catalogue qualification `q` (a review's component).
    func unitCode(_ q: Int, _ unit: Int) -> Int32 { store.units.code[Int(unitRows[q][unit])] }

    // MARK: Values

    /// Invented fees in pence, of the size centres pay; MIR enquiries are free (blank).
    static func fee(_ service: Service) -> Int32 {
        switch service {
        case .clericalRecheck: return 1500
        case .reviewOfMarking: return 5200
        case .priorityReviewOfMarking: return 6600
        case .reviewOfModeration: return 19000
        case .copyOfScript: return 1350
        case .priorityCopyOfScript: return 1900
        case .missingResult: return Store.noNumber
        case .appeal1: return 12500
        case .appeal2: return 16000
        }
    }

    static func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

    /// `n` in decimal, zero-padded to `width`.
    static func digits(_ n: Int, width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// The UCI check letters, as DATA-PACK.md gives them (`Identifiers` keeps its copy private).
    static let uciLetters: [UInt8] = Array("ABCDEFGHKLMRTVWXY".utf8)

    /// A UCI: centre (5 digits), `0`, two-digit year, four-digit number and the check letter
    /// (the rule of `Identifiers.uciCheckLetter`, done on bytes: this runs once per candidate).
    static func uci(centre: String, year: Int, number: Int) -> String {
        var bytes = [UInt8](repeating: 48, count: 13)
        for (i, b) in centre.utf8.prefix(5).enumerated() { bytes[i] = b }
        bytes[6] = UInt8(48 + year / 10 % 10)
        bytes[7] = UInt8(48 + year % 10)
        var n = number
        for i in stride(from: 11, through: 8, by: -1) { bytes[i] = UInt8(48 + n % 10); n /= 10 }
        var sum = 0
        for i in 0..<12 { sum += Int(bytes[i] - 48) * (16 - i) }
        bytes[12] = uciLetters[sum % 17]
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A random valid ULN: ten digits, the first not zero, weighted 10 down to 1 summing to 10 mod 11.
    static func uln(_ rng: inout SplitMix64) -> String {
        while true {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(10)
            var sum = 0
            for i in 0..<9 {
                let d = i == 0 ? 1 + rng.below(9) : rng.below(10)
                sum += d * (10 - i)
                bytes.append(UInt8(48 + d))
            }
            let check = ((10 - sum) % 11 + 11) % 11
            if check < 10 {
                bytes.append(UInt8(48 + check))
                return String(decoding: bytes, as: UTF8.self)
            }
        }
    }
}
