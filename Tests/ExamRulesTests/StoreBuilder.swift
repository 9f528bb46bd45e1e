import ExamStore
@testable import ExamRules

/// Builds small stores for the rule tests, a row at a time, with interned strings (no CSV).
struct StoreBuilder {
    var store = Store()
    var pool: StringPool { store.pool }

    static func day(_ text: String) -> Day { Day(parsing: text)! }

    @discardableResult
    mutating func qualification(_ code: String, type: String = "Cambridge Technical", level: String = "3",
                                size: String = "Extended Certificate", glh: Int32? = 360, title: String? = nil) -> Int32 {
        let n = store.qualifications.count
        store.qualifications.code.append(pool.intern(code))
        store.qualifications.title.append(pool.intern(title ?? "Title of \(code)"))
        store.qualifications.type.append(pool.intern(type))
        store.qualifications.level.append(pool.intern(level))
        store.qualifications.size.append(pool.intern(size))
        store.qualifications.glh.append(glh ?? Store.noNumber)
        store.qualifications.awardingBody.append(pool.intern("OCR"))
        return Int32(n)
    }

    @discardableResult
    mutating func unit(_ qualification: Int32, _ code: String, glh: Int32 = 60, mandatory: Bool = true,
                       assessment: Assessment = .exam) -> Int32 {
        let n = store.units.count
        store.units.qualification.append(qualification)
        store.units.code.append(pool.intern(code))
        store.units.title.append(pool.intern("Unit \(code)"))
        store.units.glh.append(glh)
        store.units.mandatory.append(mandatory)
        store.units.assessment.append(assessment)
        return Int32(n)
    }

    @discardableResult
    mutating func candidate(_ number: String, surname: String = "Smith", forenames: String = "Ann") -> Int32 {
        let n = store.candidates.count
        store.candidates.centre.append(pool.intern("12345"))
        store.candidates.number.append(pool.intern(number))
        store.candidates.key.append(Int32(number)!)
        store.candidates.surname.append(pool.intern(surname))
        store.candidates.forenames.append(pool.intern(forenames))
        store.candidates.uci.append(0)
        store.candidates.uln.append(0)
        store.candidates.dob.append(.blank)
        store.candidates.group.append(0)
        return Int32(n)
    }

    @discardableResult
    mutating func entry(_ candidate: Int32, _ qualification: Int32, series: String = "Summer 2024",
                        completion: String? = nil, acknowledged: Bool = false) -> Int32 {
        let n = store.entries.count
        store.entries.candidate.append(candidate)
        store.entries.qualification.append(qualification)
        store.entries.series.append(pool.intern(series))
        store.entries.completion.append(pool.intern(completion ?? series))
        store.entries.acknowledged.append(acknowledged)
        return Int32(n)
    }

    @discardableResult
    mutating func achievement(_ candidate: Int32, _ qualification: Int32, _ unit: Int32, _ status: AchievementStatus,
                              grade: String = "", series: String = "Summer 2024") -> Int32 {
        let n = store.achievements.count
        store.achievements.candidate.append(candidate)
        store.achievements.qualification.append(qualification)
        store.achievements.unit.append(unit)
        store.achievements.series.append(pool.intern(series))
        store.achievements.status.append(status)
        store.achievements.grade.append(pool.intern(grade))
        return Int32(n)
    }

    @discardableResult
    mutating func result(_ candidate: Int32, _ qualification: Int32, grade: String, series: String = "Summer 2024") -> Int32 {
        let n = store.results.count
        store.results.candidate.append(candidate)
        store.results.qualification.append(qualification)
        store.results.series.append(pool.intern(series))
        store.results.grade.append(pool.intern(grade))
        store.results.mark.append(Store.noNumber)
        store.results.status.append(.provisional)
        return Int32(n)
    }

    @discardableResult
    mutating func review(_ id: String, _ candidate: Int32, _ qualification: Int32, _ service: Service,
                         requested: String = "2024-08-23", component: String = "", submitted: String? = nil,
                         outcome: ReviewOutcome = .none, outcomeDate: String? = nil, newGrade: String = "",
                         series: String = "") -> Int32 {
        let n = store.reviews.count
        store.reviews.id.append(pool.intern(id))
        store.reviews.candidate.append(candidate)
        store.reviews.qualification.append(qualification)
        store.reviews.component.append(pool.intern(component))
        store.reviews.series.append(pool.intern(series))
        store.reviews.service.append(service)
        store.reviews.requested.append(Self.day(requested))
        store.reviews.consent.append(.blank)
        store.reviews.submitted.append(submitted.map(Self.day) ?? .blank)
        store.reviews.outcome.append(outcome)
        store.reviews.outcomeDate.append(outcomeDate.map(Self.day) ?? .blank)
        store.reviews.newGrade.append(pool.intern(newGrade))
        store.reviews.fee.append(Store.noNumber)
        return Int32(n)
    }

    @discardableResult
    mutating func event(_ event: String, _ date: String, appliesTo: String = "", series: String = "Summer 2024") -> Int32 {
        let n = store.calendar.count
        store.calendar.append(series: pool.intern(series), event: pool.intern(event), date: Self.day(date),
                              time: 0, appliesTo: pool.intern(appliesTo))
        return Int32(n)
    }

    mutating func withSummer2024Calendar() { BuiltInCalendar.add(to: &store) }

    /// The store, indexed.
    func build() -> Store {
        var s = store
        s.reindex()
        return s
    }

    /// A context on `today` in `series` (interned here so it exists even when no row names it).
    func context(today: String = "2024-08-22", series: String = "Summer 2024") -> RuleContext {
        RuleContext(today: Self.day(today), series: pool.intern(series))
    }
}
