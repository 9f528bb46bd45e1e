import ExamStore

/// The stored fields of every collection. Derived fields (the rules) are in Field+Derived.swift.
extension Field {
    typealias Column<T> = @Sendable (Store) -> [T]

    static func text(_ name: String, _ meaning: String, _ column: @escaping Column<Int32>) -> Field {
        var f = Field(name: name, kind: .text, meaning: meaning, read: { ev, rows in
            let c = column(ev.store)
            return .text(rows.map { c[Int($0)] })
        })
        f.storedText = { store in (column(store), nil) }
        return f
    }

    /// A stored grade: text, read on the scale `source` gives each row.
    static func grade(_ name: String, _ meaning: String, _ column: @escaping Column<Int32>, _ source: GradeSource) -> Field {
        var f = text(name, meaning, column)
        f.grade = source
        return f
    }

    static func date(_ name: String, _ meaning: String, _ column: @escaping Column<Day>) -> Field {
        Field(name: name, kind: .date, meaning: meaning, read: { ev, rows in
            let c = column(ev.store)
            return .date(rows.map { c[Int($0)] })
        })
    }

    static func number(_ name: String, _ meaning: String, scale: Double = 1, _ column: @escaping Column<Int32>) -> Field {
        Field(name: name, kind: .number, meaning: meaning, read: { ev, rows in
            let c = column(ev.store)
            return .number(rows.map { let v = c[Int($0)]; return v == Store.noNumber ? .nan : Double(v) / scale })
        })
    }

    static func flag(_ name: String, _ meaning: String, _ column: @escaping Column<Bool>) -> Field {
        Field(name: name, kind: .bool, meaning: meaning, read: { ev, rows in
            let c = column(ev.store)
            return .bool(rows.map { c[Int($0)] })
        })
    }

    static func code<T: Sendable>(_ name: String, _ meaning: String, _ column: @escaping Column<T>, _ word: @escaping @Sendable (T) -> String) -> Field {
        Field(name: name, kind: .text, meaning: meaning, read: { ev, rows in
            let c = column(ev.store)
            return .string(rows.map { word(c[Int($0)]) })
        })
    }

    /// A field naming a record of another collection: shows `shown` of that record, and can be
    /// followed with a dot (`candidate.group`).
    static func link(_ name: String, _ meaning: String, to target: Collection, _ column: @escaping Column<Int32>,
                     shown: @escaping Column<Int32>) -> Field {
        var f = Field(name: name, kind: .text, meaning: meaning, read: { ev, rows in
            let c = column(ev.store), s = shown(ev.store)
            return .text(rows.map { s[Int(c[Int($0)])] })
        })
        f.link = (target, { @Sendable store, rows in let c = column(store); return rows.map { c[Int($0)] } })
        f.storedText = { store in (column(store), shown(store)) }
        return f
    }

    /// A field of a linked record shown as if it were this record's own (`surname` on entries).
    static func through(_ name: String, _ column: @escaping Column<Int32>, _ target: Field) -> Field {
        var f = target
        f.name = name
        f.read = { ev, rows in let c = column(ev.store); return target.read(ev, rows.map { c[Int($0)] }) }
        // A plain text column of the target, read through this record's link; a target that is
        // itself a link would need two steps, so grouping reads it as any other field.
        f.storedText = nil
        if let text = target.storedText, target.link == nil {
            f.storedText = { store in (column(store), text(store).ids) }
        }
        f.link = target.link.map { link in (link.0, { @Sendable store, rows in let c = column(store); return link.1(store, rows.map { c[Int($0)] }) }) }
        return f
    }

    static let candidateNumber = Field.text("candidate", "candidate number within the centre, as written (0042)", { $0.candidates.number })
    static let surname = Field.text("surname", "family name", { $0.candidates.surname })
    static let forenames = Field.text("forenames", "given names", { $0.candidates.forenames })
    static let group = Field.text("group", "teaching or registration group", { $0.candidates.group })
    static let title = Field.text("title", "qualification title", { $0.qualifications.title })

    static func candidateLink(_ column: @escaping Column<Int32>) -> Field {
        .link("candidate", "the candidate (number); follow with candidate.surname, candidate.group ...", to: .candidates, column, shown: { $0.candidates.number })
    }
    static func qualificationLink(_ column: @escaping Column<Int32>) -> Field {
        .link("qualification", "the qualification (entry code); follow with qualification.title ...", to: .qualifications, column, shown: { $0.qualifications.code })
    }
    static func candidateFields(_ column: @escaping Column<Int32>) -> [Field] {
        [candidateLink(column), .through("surname", column, surname), .through("forenames", column, forenames), .through("group", column, group)]
    }

    static let stored: [Collection: [Field]] = [
        .candidates: [
            candidateNumber, surname, forenames, group,
            .text("centre", "centre number", { $0.candidates.centre }),
            .text("uci", "unique candidate identifier (13 characters)", { $0.candidates.uci }),
            .text("uln", "unique learner number (10 digits)", { $0.candidates.uln }),
            .date("dob", "date of birth", { $0.candidates.dob }),
            Field(name: "name", kind: .text, meaning: "SURNAME: Forenames, as on awarding-body documents", read: { ev, rows in
                .string(rows.map { ev.store.formalName(candidate: $0) })
            }),
            Field(name: "uci_valid", kind: .bool, meaning: "the UCI passes its check letter (yes when blank)", read: { ev, rows in
                let c = ev.store.candidates.uci, p = ev.store.pool
                return .bool(rows.map { c[Int($0)] == 0 || Identifiers.isValidUCI(p[c[Int($0)]]) })
            }),
            Field(name: "uln_valid", kind: .bool, meaning: "the ULN passes its check digit rule (yes when blank)", read: { ev, rows in
                let c = ev.store.candidates.uln, p = ev.store.pool
                return .bool(rows.map { c[Int($0)] == 0 || Identifiers.isValidULN(p[c[Int($0)]]) })
            }),
        ],
        .qualifications: [
            .text("qualification", "entry code (05839, J560)", { $0.qualifications.code }),
            title,
            .text("type", "Cambridge Technical, GCSE, A Level ...", { $0.qualifications.type }),
            .text("level", "level as written (3, 2, 1/2)", { $0.qualifications.level }),
            .text("size", "size (Certificate, Extended Certificate, Diploma ...)", { $0.qualifications.size }),
            .number("glh", "guided learning hours the qualification needs", { $0.qualifications.glh }),
            .text("awarding_body", "OCR, AQA, Pearson ...", { $0.qualifications.awardingBody }),
        ],
        .units: [
            qualificationLink({ $0.units.qualification }),
            .text("unit", "unit number or code within the qualification", { $0.units.code }),
            .text("title", "unit title", { $0.units.title }),
            .number("glh", "guided learning hours of the unit", { $0.units.glh }),
            .flag("mandatory", "the unit is mandatory in this qualification", { $0.units.mandatory }),
            .code("assessment", "exam or moderated", { $0.units.assessment }, { $0.name }),
        ],
        .entries: candidateFields({ $0.entries.candidate }) + [
            qualificationLink({ $0.entries.qualification }),
            .through("title", { $0.entries.qualification }, title),
            .text("series", "series the entry was made for", { $0.entries.series }),
            .text("completion", "estimated completion series", { $0.entries.completion }),
            .flag("acknowledged", "the centre acknowledged the entry in the Progress Tracker", { $0.entries.acknowledged }),
        ],
        .achievements: candidateFields({ $0.achievements.candidate }) + [
            qualificationLink({ $0.achievements.qualification }),
            {
                var f = Field.link("unit", "the unit (code); follow with unit.title, unit.mandatory ...", to: .units, { $0.achievements.unit }, shown: { $0.units.code })
                f.meaning = "the unit (code); follow with unit.title, unit.glh, unit.mandatory"
                return f
            }(),
            .text("series", "series of the row", { $0.achievements.series }),
            .code("status", "achieved, claimed, entered or absent", { $0.achievements.status }, { $0.name }),
            .grade("grade", "unit grade when achieved (D, M, P, R, U), on the unit scale", { $0.achievements.grade }, .unit),
        ],
        .results: candidateFields({ $0.results.candidate }) + [
            qualificationLink({ $0.results.qualification }),
            .through("title", { $0.results.qualification }, title),
            .text("series", "series of the result", { $0.results.series }),
            .grade("grade", "grade on its qualification's scale (9-1, A*-E, D*/D/M/P, U); X no result, Q pending", { $0.results.grade },
                   .qualification({ $0.results.qualification })),
            .number("mark", "mark, where given", { $0.results.mark }),
            .code("status", "provisional or final", { $0.results.status }, { $0.name }),
        ],
        .reviews: [
            .text("id", "request id", { $0.reviews.id }),
        ] + candidateFields({ $0.reviews.candidate }) + [
            qualificationLink({ $0.reviews.qualification }),
            .text("component", "component, where given", { $0.reviews.component }),
            .code("service", "1, 2, 2P, 3, ATS, ATSP, MIR, APPEAL1, APPEAL2", { $0.reviews.service }, { $0.code }),
            .code("service_name", "the service in words", { $0.reviews.service }, { $0.title }),
            .date("requested", "date the candidate asked", { $0.reviews.requested }),
            .date("consent", "date of the candidate's signed consent", { $0.reviews.consent }),
            .date("submitted", "date sent to the awarding body", { $0.reviews.submitted }),
            .code("outcome", "confirmed, raised or lowered; blank while awaited", { $0.reviews.outcome }, { $0.name }),
            .date("outcome_date", "date of the outcome", { $0.reviews.outcomeDate }),
            .grade("new_grade", "grade after the review, on the qualification's scale", { $0.reviews.newGrade },
                   .qualification({ $0.reviews.qualification })),
            .number("fee", "fee in pounds", scale: 100, { $0.reviews.fee }),
        ],
        .calendar: [
            .text("series", "series", { $0.calendar.series }),
            .text("event", "restricted_release, results_day, review_deadline ...", { $0.calendar.event }),
            .date("date", "date of the event", { $0.calendar.date }),
            .text("time", "time, where given", { $0.calendar.time }),
            .text("applies_to", "blank = all; a level (level 3) or a qualification type", { $0.calendar.appliesTo }),
            .flag("estimated", "a built-in date estimated from earlier years' pattern, not a published one", { $0.calendar.estimated }),
        ],
        .certificates: candidateFields({ $0.certificates.candidate }) + [
            qualificationLink({ $0.certificates.qualification }),
            .text("series", "series of the result certified", { $0.certificates.series }),
            .date("received", "date received from the awarding body", { $0.certificates.received }),
            .date("issued", "date issued to the candidate", { $0.certificates.issued }),
            .date("destroyed", "date destroyed confidentially", { $0.certificates.destroyed }),
        ],
    ]
}
