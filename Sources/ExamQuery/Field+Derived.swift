import ExamStore
import ExamRules

/// Fields computed by the exam-cycle rules (ExamRules), read like columns.
extension Field {
    static func derivedFlag(_ name: String, _ meaning: String, _ value: @escaping @Sendable (Evaluator, Int) -> Bool) -> Field {
        Field(name: name, kind: .bool, meaning: meaning, read: { ev, rows in .bool(rows.map { value(ev, Int($0)) }) }, derived: true)
    }
    static func derivedNumber(_ name: String, _ meaning: String, _ value: @escaping @Sendable (Evaluator, Int) -> Double) -> Field {
        Field(name: name, kind: .number, meaning: meaning, read: { ev, rows in .number(rows.map { value(ev, Int($0)) }) }, derived: true)
    }

    /// A yes/no rule field of entries, read in one loop over the eligibility columns.
    static func entryFlag(_ name: String, _ meaning: String, _ flag: EntryEligibility.Flag) -> Field {
        Field(name: name, kind: .bool, meaning: meaning, read: { ev, rows in .bool(ev.eligibility.flags(rows, flag)) }, derived: true)
    }

    /// The place of a grade on its row's scale, 1 = best, `U` last; blank for `X`, `Q`, a blank
    /// or a grade off the scale.
    static func gradeRank(_ name: String, of grade: String, in collection: Collection) -> Field {
        Field(name: name, kind: .number, meaning: "the place of \(grade) on its scale: 1 = best (9, A*, D*), U last; blank for X, Q or a grade off the scale", read: { ev, rows in
            .number(perGrade(ev, rows, collection, grade, blank: .nan) { scale, grade in scale.rank(of: grade).map { Double($0 + 1) } })
        }, derived: true)
    }

    /// Per row, a value from the grade field `grade` of `collection` on its row's scale (nil:
    /// none), worked out once per scale and grade.
    static func perGrade<T>(_ ev: Evaluator, _ rows: [Int32], _ collection: Collection, _ grade: String,
                            blank: T, _ value: (GradeScale, String) -> T?) -> [T] {
        let all = GradeScale.all, pool = ev.store.pool
        return ev.perGrade(collection.field(named: grade)!, rows, blank: blank) { s, id in
            s >= 0 ? value(all[s], pool[id]) ?? blank : blank
        }.values
    }

    static let derived: [Collection: [Field]] = [
        .entries: [
            entryFlag("at_risk", "Not Eligible this series: in the current series, not acknowledged, with a reason", .atRisk),
            Field(name: "reasons", kind: .text, meaning: "why it would not get a result, in the Progress Tracker's words: No activity; Mandatory unit not yet achieved; Absent from a mandatory examined unit; Not enough guided learning hours (GLH)", read: { ev, rows in
                // Shown for every entry completing this series, acknowledged or not, so that
                // `where lacks_mandatory` says why; `at_risk` is what the centre must act on.
                let el = ev.eligibility
                return .string(rows.map { el.inSeries(Int($0)) ? el.reasonSet(Int($0)).words.joined(separator: "; ") : "" })
            }, derived: true),
            entryFlag("not_eligible", "in the current series with a reason, acknowledged or not: it gets no result by design (not a missing result)", .notEligible),
            entryFlag("lacks_mandatory", "in the current series (acknowledged or not) with No activity or Mandatory unit not yet achieved", .lacksMandatory),
            derivedNumber("glh_achieved", "guided learning hours of units achieved (not U) or in progress") { ev, r in
                ev.eligibility.isUnitised(r) ? Double(ev.eligibility.glhAchieved[r]) : .nan
            },
            derivedNumber("glh_required", "guided learning hours the qualification needs") { ev, r in
                ev.eligibility.isUnitised(r) ? Double(ev.eligibility.glhRequired(r)) : .nan
            },
            Field(name: "missing_result", kind: .bool, meaning: "results for its level have arrived this series, it has none, and it is not Not Eligible", read: { ev, rows in
                let missing = ev.missingResults
                return .bool(missing.gathered(rows))
            }, derived: true),
            entryFlag("in_series", "its estimated completion is the current series", .inSeries),
        ],
        .reviews: [
            gradeRank("new_grade_rank", of: "new_grade", in: .reviews),
            Field(name: "deadline", kind: .date, meaning: "last day to request: the service's calendar event, or 30/14 days after a review or appeal outcome", read: { ev, rows in
                .date(rows.map { ev.deadlines[Int($0)]?.date ?? .blank })
            }, derived: true),
            derivedFlag("deadline_estimated", "the deadline is exq's estimate from earlier years' pattern, not a published date") { ev, r in
                ev.deadlines[r]?.estimated ?? false
            },
            Field(name: "series", kind: .text, meaning: "the series of the result reviewed: reviews.csv's series, else the latest results day on or before requested; blank when unknown", read: { ev, rows in
                let series = ev.reviewSeries
                return .text(series.gathered(rows))
            }, derived: true),
            derivedFlag("due", "not submitted and its deadline has not passed") { ev, r in
                Deadlines.isDue(submitted: ev.store.reviews.submitted[r], deadline: ev.deadlines[r]?.date, today: ev.today)
            },
            derivedFlag("overdue", "not submitted and its deadline has passed") { ev, r in
                Deadlines.isOverdue(submitted: ev.store.reviews.submitted[r], deadline: ev.deadlines[r]?.date, today: ev.today)
            },
            derivedNumber("days_left", "days from today to the deadline (negative once passed)") { ev, r in
                Deadlines.daysLeft(deadline: ev.deadlines[r]?.date, today: ev.today).map(Double.init) ?? .nan
            },
            derivedFlag("fee_refundable", "the outcome changed the grade of a submitted request, so the fee comes back") { ev, r in
                ev.refundable[r]
            },
        ],
        .achievements: [
            gradeRank("grade_rank", of: "grade", in: .achievements),
        ],
        .results: [
            gradeRank("grade_rank", of: "grade", in: .results),
            Field(name: "points", kind: .number, meaning: "points for the grade: GCSE its number (U 0); A level A* 60, A 50 ... E 10 (DfE); Combined Science the mean of its two grades; blank for X, Q and scales with none", read: { ev, rows in
                .number(perGrade(ev, rows, .results, "grade", blank: .nan) { scale, grade in scale.points(for: grade) })
            }, derived: true),
            Field(name: "graded", kind: .bool, meaning: "the grade is on its qualification's scale (U included): not X, Q or blank; the rows grade percentages are of", read: { ev, rows in
                .bool(perGrade(ev, rows, .results, "grade", blank: false) { scale, grade in scale.rank(of: grade) != nil })
            }, derived: true),
            Field(name: "original_grade", kind: .text, meaning: "the grade as first issued, before any review outcome", read: { ev, rows in
                let results = ev.store.results
                return .text(rows.map { results.originalGrade(Int($0)) })
            }, derived: true, grade: .qualification({ $0.results.qualification })),
            Field(name: "changed_by", kind: .text, meaning: "the review whose outcome set the grade; blank when none did", read: { ev, rows in
                let store = ev.store
                return .text(rows.map { store.results.changedBy(Int($0)).map { store.reviews.id[Int($0)] } ?? 0 })
            }, derived: true),
            Field(name: "concern", kind: .text, meaning: "a result to chase: X no result, Q pending, # partial absence", read: { ev, rows in
                .string(rows.map { ResultConcern.classify(store: ev.store, result: $0)?.words ?? "" })
            }, derived: true),
            derivedFlag("to_chase", "graded X, Q or with partial absence (#)") { ev, r in ResultConcern.classify(store: ev.store, result: Int32(r)) != nil },
        ],
    ]
}
