import ExamStore

/// The stored fields of every collection. Derived fields (the rules) are in Field+Derived.swift.
extension Field {
    typealias Column<T> = @Sendable (Store) -> [T]

    static func text(_ name: String, _ meaning: String, _ column: @escaping Column<Int32>) -> Field {
        var f = Field(name: name, kind: .text, meaning: meaning, read: { ev, rows in
            let c = column(ev.store)
            return .text(c.gathered(rows))
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
            return .date(c.gathered(rows))
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
            return .bool(c.gathered(rows))
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
        f.link = (target, { @Sendable store, rows in let c = column(store); return c.gathered(rows) })
        f.storedText = { store in (column(store), shown(store)) }
        return f
    }

    /// A field of a linked record shown as if it were this record's own (`surname` on entries).
    static func through(_ name: String, _ column: @escaping Column<Int32>, _ target: Field) -> Field {
        var f = target
        f.name = name
        f.read = { ev, rows in let c = column(ev.store); return target.read(ev, c.gathered(rows)) }
        // A plain text column of the target, read through this record's link; a target that is
        // itself a link would need two steps, so grouping reads it as any other field.
        f.storedText = nil
        if let text = target.storedText, target.link == nil {
            f.storedText = { store in (column(store), text(store).ids) }
        }
        f.link = target.link.map { link in (link.0, { @Sendable store, rows in let c = column(store); return link.1(store, c.gathered(rows)) }) }
        return f
    }

    static let candidateNumber = Field.text("candidate", "candidate number within the centre, as written (0042)", { $0.candidates.number })
    static let surname = Field.text("surname", "family name", { $0.candidates.surname })
    static let forenames = Field.text("forenames", "given names", { $0.candidates.forenames })
    static let group = Field.text("group", "teaching or registration group", { $0.candidates.group })
    static let centre = Field.text("centre", "the candidate's centre number (shown first when the pack holds several centres)", { $0.candidates.centre })
    static let title = Field.text("title", "qualification title", { $0.qualifications.title })

    static func candidateLink(_ column: @escaping Column<Int32>) -> Field {
        .link("candidate", "the candidate (number); follow with candidate.surname, candidate.group ...", to: .candidates, column, shown: { $0.candidates.number })
    }
    static func qualificationLink(_ column: @escaping Column<Int32>) -> Field {
        .link("qualification", "the qualification (entry code); follow with qualification.title ...", to: .qualifications, column, shown: { $0.qualifications.code })
    }
    static func candidateFields(_ column: @escaping Column<Int32>) -> [Field] {
        [candidateLink(column), .through("surname", column, surname), .through("forenames", column, forenames), .through("group", column, group), .through("centre", column, centre)]
    }

    /// The fields of a pack file's declared columns (`PackSchema`), in its order, each followed
    /// by the fields `after` names for it; a text column `grades` names is a grade on that scale.
    static func declared<Table>(_ file: PackFile<Table>, grades: [String: GradeSource] = [:],
                                after: [String: [Field]] = [:]) -> [Field] {
        var out: [Field] = []
        for column in file.columns {
            let name = column.name, meaning = column.meaning
            switch column.cell {
            case .text(let c):
                if let source = grades[name] { out.append(.grade(name, meaning, file.reader(c), source)) }
                else { out.append(.text(name, meaning, file.reader(c))) }
            case .date(let c): out.append(.date(name, meaning, file.reader(c)))
            case .whole(let c): out.append(.number(name, meaning, file.reader(c)))
            case .money(let c): out.append(.number(name, meaning, scale: 100, file.reader(c)))
            case .flag(let c): out.append(.flag(name, meaning, file.reader(c)))
            case .choice(let c):
                out.append(.code(name, meaning, file.reader(c), { c.word($0) }))
            case .candidate(let c): out += candidateFields(file.reader(c))
            case .qualification(let c): out.append(qualificationLink(file.reader(c)))
            case .unit(let c):
                out.append(.link("unit", "the unit (code); follow with unit.title, unit.glh, unit.mandatory", to: .units,
                                 file.reader(c), shown: { $0.units.code }))
            case .centreOfCandidate: break
            }
            out += after[name] ?? []
        }
        return out
    }

    static let stored: [Collection: [Field]] = [
        .centres: declared(PackSchema.centres),
        .candidates: declared(PackSchema.candidates, after: ["centre": [
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
        ]]),
        .qualifications: declared(PackSchema.qualifications),
        .units: declared(PackSchema.units),
        .entries: declared(PackSchema.entries, after: ["qualification": [.through("title", { $0.entries.qualification }, title)]]),
        .achievements: declared(PackSchema.achievements, grades: ["grade": .unit]),
        .results: declared(PackSchema.results, grades: ["grade": .result], after: ["qualification": [.through("title", { $0.results.qualification }, title)]]),
        .reviews: declared(PackSchema.reviews, grades: ["new_grade": .qualification({ $0.reviews.qualification })], after: [
            "service": [.code("service_name", "the service in words", { $0.reviews.service }, { $0.title })],
        ]),
        .calendar: declared(PackSchema.calendar, after: ["applies_to": [
            .flag("estimated", "a built-in date estimated from earlier years' pattern, not a published one", { $0.calendar.estimated }),
        ]]),
        .certificates: declared(PackSchema.certificates),
    ]
}
