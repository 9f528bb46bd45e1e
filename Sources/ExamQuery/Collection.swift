import ExamStore

/// The collections a pipeline can start from.
package enum Collection: String, CaseIterable, Sendable {
    case candidates, qualifications, units, entries, achievements, results, reviews, calendar, certificates, centres

    /// One line on what a record of the collection is.
    package var meaning: String {
        switch self {
        case .centres: return "one centre of the pack and its name (centres.csv)"
        case .candidates: return "one candidate of the centre"
        case .qualifications: return "one qualification of the catalogue"
        case .units: return "one unit's place in a qualification"
        case .entries: return "one qualification entry (registration), with its eligibility this series"
        case .achievements: return "one unit row: achieved, claimed, entered or absent"
        case .results: return "one qualification or subject result"
        case .reviews: return "one post-results request, with its deadline"
        case .calendar: return "one dated event of a series"
        case .certificates: return "one certificate: received, issued, destroyed"
        }
    }

    package func count(in store: Store) -> Int {
        switch self {
        case .centres: return store.centreNames.count
        case .candidates: return store.candidates.count
        case .qualifications: return store.qualifications.count
        case .units: return store.units.count
        case .entries: return store.entries.count
        case .achievements: return store.achievements.count
        case .results: return store.results.count
        case .reviews: return store.reviews.count
        case .calendar: return store.calendar.count
        case .certificates: return store.certificates.count
        }
    }

    /// The fields of a record, stored and derived.
    /// The stored fields, then the derived ones; a derived field of a stored one's name (a
    /// review's `series`: the column when given, else the rule's) takes its place.
    package var fields: [Field] {
        let derived = Field.derived[self] ?? []
        let stored = Field.stored[self] ?? []
        guard derived.contains(where: { d in stored.contains { $0.name == d.name } }) else { return stored + derived }
        return stored.filter { s in !derived.contains { $0.name == s.name } } + derived
    }

    package func field(named name: String) -> Field? {
        let n = name.lowercased()
        return fields.first { $0.name == n }
    }

    /// The columns a bare listing shows.
    package var defaultColumns: [String] {
        switch self {
        case .centres: return ["centre", "name"]
        case .candidates: return ["candidate", "surname", "forenames", "group", "dob", "uci", "uln", "centre"]
        case .qualifications: return ["qualification", "title", "type", "level", "size", "glh", "awarding_body"]
        case .units: return ["qualification", "unit", "title", "glh", "mandatory", "assessment"]
        case .entries: return ["candidate", "surname", "forenames", "qualification", "title", "series", "completion", "acknowledged", "reasons"]
        case .achievements: return ["candidate", "surname", "qualification", "unit", "series", "status", "grade"]
        case .results: return ["candidate", "surname", "forenames", "qualification", "title", "series", "grade", "mark", "status"]
        case .reviews: return ["id", "candidate", "surname", "qualification", "service", "requested", "consent", "submitted", "deadline", "deadline_estimated", "days_left", "outcome", "new_grade", "fee"]
        case .calendar: return ["series", "event", "date", "time", "applies_to", "estimated"]
        case .certificates: return ["candidate", "surname", "qualification", "series", "received", "issued", "destroyed"]
        }
    }
}

/// One field of a collection: its type, its meaning, and how to read it for a set of rows.
package struct Field: Sendable {
    package enum Kind: String, Sendable { case text, number, date, bool = "yes/no" }

    package var name: String
    package var kind: Kind
    package var meaning: String
    /// Reads the field for `rows` (row indexes of the collection).
    package var read: @Sendable (Evaluator, [Int32]) -> Vector
    /// For a field naming another record (`candidate`, `qualification`, `unit`): that collection
    /// and the row of it for each row, so `candidate.group` can be followed.
    package var link: (Collection, @Sendable (Store, [Int32]) -> [Int32])?
    /// True for fields computed by the exam-cycle rules.
    package var derived: Bool = false
    /// For a field of stored text: the store's columns it reads, so grouping can count rows
    /// without reading the field. Row `r`'s text id is `ids[r]`, or `text[ids[r]]` when `text`
    /// is given (a linked record's text, such as a result's qualification code). Nil otherwise.
    package var storedText: (@Sendable (Store) -> (ids: [Int32], text: [Int32]?))? = nil
    /// For a grade field: where each row's scale comes from, so comparisons, sorts and counts
    /// read the grade on its scale (DOMAIN.md "Grade scales"). Nil for every other field.
    package var grade: GradeSource? = nil
}

/// Where the scale of a grade field's rows comes from.
package enum GradeSource: Sendable {
    /// The scale of the row's qualification (the qualification column of the collection).
    case qualification(@Sendable (Store) -> [Int32])
    /// The unit scale (D, M, P, R, U), whatever the qualification.
    case unit
    /// A result's own grade (`results.grade`): on its qualification's scale, with every result's
    /// (scale, grade) pair numbered once per store (ExamRules' `GradePairs.ofResults`).
    case result

    /// For a grade on its qualification's scale, each row's qualification; nil for the unit scale.
    func qualifications(_ store: Store) -> [Int32]? {
        switch self {
        case .qualification(let column): return column(store)
        case .result: return store.results.qualification
        case .unit: return nil
        }
    }
}
