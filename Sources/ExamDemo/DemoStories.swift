import ExamStore

/// The demo's planted candidates: each shows one case of the exam cycle, so that every question
/// exq answers about the demo has an interesting answer. They are candidates 0001-0024; the
/// generated candidates follow. Today is meant to be 19-22 August 2024, the current series Summer 2024.
///
/// Unit rows are written `unit:grade@series`, the grade `P`/`M`/`D`/`U` (achieved) or a status
/// (`absent`, `claimed`, `entered`); series `s23`, `j24`, `s24`, `j25`.
enum DemoStories {
    struct Story: Sendable {
        let number: Int, surname: String, forenames: String, group: String
        /// What the candidate shows, for `help demo` and for a reader of this file.
        let shows: String
        let write: @Sendable (inout CentreBuilder, Int32) -> Void
    }

    typealias K = DemoCatalogue

    static let all: [Story] = [
        // Eligibility: the best row of each unit counts.
        Story(number: 1, surname: "Müller", forenames: "Zoë", group: "13X",
              shows: "U in IT unit 1 in January, D in the summer: the best row counts, on track") { b, c in
            b.technical(c, K.itExtended, "1:U@j24 1:D@s24 2:M@s23 3:M@s24 6:D@s24 8:D@s24", result: "D")
            b.general(c, K.aLevelComputing, "A"); b.general(c, K.aLevelMaths, "B")
        },
        Story(number: 2, surname: "Nowak", forenames: "Łukasz", group: "13X",
              shows: "absent from Business unit 2 in January, re-entered for the summer: in progress, result Q") { b, c in
            b.technical(c, K.businessExtended, "1:M@j24 2:absent@j24 2:entered@s24 4:M@s24 3:P@s24 7:M@s24", result: "Q")
            b.general(c, K.aLevelMaths, "C"); b.general(c, K.aLevelComputing, "B")
        },
        Story(number: 3, surname: "O'Connor", forenames: "Siobhán", group: "13Y",
              shows: "Sport unit 3 passed, then resat to improve: on track, result D") { b, c in
            b.technical(c, K.sportExtended, "1:M@j24 2:D@s24 3:P@s23 3:D@s24 8:M@s24 18:D@s24", result: "D")
            b.general(c, K.aLevelBiology, "B"); b.general(c, K.aLevelMaths, "A")
        },
        // Certificates.
        Story(number: 4, surname: "Begum", forenames: "Fatima", group: "13Y",
              shows: "IT Certificate in Summer 2023, certificate received and issued; now topped up to the Extended Certificate") { b, c in
            b.addEntry(candidate: c, qualification: K.itCertificate, series: b.summer2023, completion: b.summer2023)
            b.units(c, K.itCertificate, "1:M@s23 2:D@s23")
            b.result(c, K.itCertificate, "M", series: b.summer2023, final: true)
            b.addCertificate(candidate: c, qualification: K.itCertificate, series: b.summer2023,
                             received: CentreBuilder.day(2023, 10, 19), issued: CentreBuilder.day(2023, 11, 6))
            b.technical(c, K.itExtended, "1:M@s23 2:D@s23 3:M@s24 17:D@s24 22:M@s24", result: "D")
            b.general(c, K.aLevelComputing, "B"); b.general(c, K.aLevelMaths, "C")
        },
        Story(number: 5, surname: "Wood", forenames: "Daniel", group: "13X",
              shows: "IT Certificate completed January 2024: certificate received 14 Mar, not yet issued") { b, c in
            b.addEntry(candidate: c, qualification: K.itCertificate, series: b.summer2023, completion: b.january2024)
            b.units(c, K.itCertificate, "1:P@s23 2:M@j24")
            b.result(c, K.itCertificate, "P", series: b.january2024, final: true)
            b.addCertificate(candidate: c, qualification: K.itCertificate, series: b.january2024,
                             received: CentreBuilder.day(2024, 3, 14))
            b.technical(c, K.itExtended, "1:P@s23 2:M@j24 6:M@s24 8:P@s24 17:M@s24", result: "M")
            b.general(c, K.aLevelBiology, "D"); b.general(c, K.aLevelMaths, "E")
        },
        Story(number: 6, surname: "Osei", forenames: "Chidi", group: "13Y",
              shows: "GCSE Maths 3 in Summer 2022 (certificate unclaimed, destroyed Jan 2024), resat Summer 2024: 4") { b, c in
            let summer2022 = b.pool.intern("Summer 2022")
            b.addEntry(candidate: c, qualification: K.gcseMaths, series: summer2022, completion: summer2022)
            b.result(c, K.gcseMaths, "3", series: summer2022, final: true)
            b.addCertificate(candidate: c, qualification: K.gcseMaths, series: summer2022, received: CentreBuilder.day(2022, 11, 10),
                             destroyed: CentreBuilder.day(2024, 1, 15))
            b.general(c, K.gcseMaths, "4")
            b.technical(c, K.sportExtended, "1:P@j24 2:M@s24 3:M@s24 8:M@s24 17:P@s24", result: "M")
            b.general(c, K.aLevelBiology, "C")
        },
        // At risk (Progress Tracker's "Not Eligible" reasons), one reason each, then several.
        Story(number: 7, surname: "Hassan", forenames: "Ali", group: "13X",
              shows: "no activity in IT Extended Certificate: entered, no unit rows, no result") { b, c in
            b.technical(c, K.itExtended, "")
            b.general(c, K.aLevelComputing, "C"); b.general(c, K.aLevelMaths, "D")
        },
        Story(number: 8, surname: "Okafor", forenames: "Grace", group: "13Y",
              shows: "mandatory unit not achieved: no row for Business unit 4 (enough hours from optional units)") { b, c in
            b.technical(c, K.businessExtended, "1:M@j24 2:P@s24 3:M@s24 7:D@s24 8:M@s24")
            b.general(c, K.aLevelBiology, "B"); b.general(c, K.aLevelMaths, "C")
        },
        Story(number: 9, surname: "Nguyễn", forenames: "Thanh", group: "13X",
              shows: "mandatory unit not achieved: only U rows for IT unit 1 (January and summer)") { b, c in
            b.technical(c, K.itExtended, "1:U@j24 1:U@s24 2:P@s24 3:M@s24 6:M@s24 8:P@s24 17:M@s24 22:P@s24")
            b.general(c, K.aLevelMaths, "B")
        },
        Story(number: 10, surname: "Sharma", forenames: "Priya", group: "13Y",
              shows: "absent from mandatory exam: IT unit 2 U in January, absent in the summer") { b, c in
            b.technical(c, K.itExtended, "1:M@j24 2:U@j24 2:absent@s24 3:D@s24 6:D@s24 8:M@s24 17:D@s24 22:M@s24")
            b.general(c, K.aLevelMaths, "A*"); b.general(c, K.aLevelComputing, "A")
        },
        Story(number: 11, surname: "Thompson", forenames: "Jack", group: "13X",
              shows: "not enough GLH: IT units 1, 2 and 6 achieved, 240 of 360 hours") { b, c in
            b.technical(c, K.itExtended, "1:P@j24 2:P@s24 6:M@s24")
            b.general(c, K.aLevelMaths, "E"); b.general(c, K.aLevelBiology, "U")
        },
        Story(number: 12, surname: "Kelly", forenames: "Aoife", group: "13Y",
              shows: "several reasons in Sport: unit 1 absent, unit 3 only U, 150 of 360 hours") { b, c in
            b.technical(c, K.sportExtended, "1:absent@s24 2:M@s24 3:U@j24 3:U@s24 8:P@s24")
            b.general(c, K.aLevelBiology, "D"); b.general(c, K.aLevelMaths, "U")
        },
        Story(number: 13, surname: "Iqbal", forenames: "Muhammad", group: "13X",
              shows: "at risk (Business unit 2 only U) but acknowledged by the centre: not reported") { b, c in
            b.technical(c, K.businessExtended, "1:P@j24 2:U@j24 2:U@s24 4:P@s24 3:P@s24 7:M@s24 8:P@s24", acknowledged: true)
            b.general(c, K.aLevelMaths, "C"); b.general(c, K.aLevelComputing, "D")
        },
        Story(number: 14, surname: "MacDonald", forenames: "Ewan", group: "12X",
              shows: "Applied Science completing Summer 2025, only a U so far: not in scope this summer") { b, c in
            b.addEntry(candidate: c, qualification: K.scienceExtended, series: b.summer2024, completion: b.summer2025)
            b.units(c, K.scienceExtended, "1:U@j24")
        },
        // Results to chase.
        Story(number: 15, surname: "Fernández", forenames: "Inés", group: "13Y",
              shows: "every Applied Science unit achieved but no result row: missing result, MIR submitted") { b, c in
            b.technical(c, K.scienceExtended, "1:M@j24 2:D@s24 6:M@s24 18:D@s24 21:M@s24")
            b.addReview(candidate: c, qualification: K.scienceExtended, service: .missingResult, requested: CentreBuilder.day(2024, 8, 16),
                        consent: CentreBuilder.day(2024, 8, 16), submitted: CentreBuilder.day(2024, 8, 16))
            b.general(c, K.aLevelBiology, "A"); b.general(c, K.aLevelMaths, "B")
        },
        Story(number: 16, surname: "Mensah", forenames: "Kwame", group: "13X",
              shows: "A level Maths with no result row (missing), Biology X (no result)") { b, c in
            b.general(c, K.aLevelMaths, nil); b.general(c, K.aLevelBiology, "X"); b.general(c, K.aLevelComputing, "B")
        },
        Story(number: 17, surname: "Adeyemi", forenames: "Adaeze", group: "11A",
              shows: "GCSE English Language with no result row (missing), Combined Science Q (pending)") { b, c in
            b.general(c, K.gcseMaths, "7"); b.general(c, K.gcseEnglish, nil); b.general(c, K.gcseScience, "Q")
        },
        Story(number: 18, surname: "Schäfer", forenames: "Jürgen", group: "11B",
              shows: "GCSE Combined Science X; clerical re-check of Maths requested, consent to chase") { b, c in
            b.general(c, K.gcseMaths, "4"); b.general(c, K.gcseEnglish, "5"); b.general(c, K.gcseScience, "X")
            b.addReview(candidate: c, qualification: K.gcseMaths, service: .clericalRecheck, requested: CentreBuilder.day(2024, 8, 22))
        },
        // Post-results requests.
        Story(number: 19, surname: "Brontë", forenames: "Chloë", group: "13Y",
              shows: "priority review of A level Biology due this week (deadline 22 Aug, not submitted); review of moderation of Business unit 22") { b, c in
            b.technical(c, K.businessDiploma, "1:D@j24 2:M@s23 3:M@s24 4:D@s24 22:M@s24 5:M@s24 6:D@s24 7:M@s24 8:M@s24 9:D@s24",
                        result: "DM")
            b.addReview(candidate: c, qualification: K.businessDiploma, component: b.pool.intern("22"), service: .reviewOfModeration,
                        requested: CentreBuilder.day(2024, 8, 15), submitted: CentreBuilder.day(2024, 8, 16))
            b.general(c, K.aLevelBiology, "B")
            b.addReview(candidate: c, qualification: K.aLevelBiology, service: .priorityReviewOfMarking,
                        requested: CentreBuilder.day(2024, 8, 16), consent: CentreBuilder.day(2024, 8, 16))
        },
        Story(number: 20, surname: "Ó Súilleabháin", forenames: "Seán", group: "13X",
              shows: "A level Maths priority review confirmed 16 Aug; stage 1 appeal requested, window open to 15 Sep") { b, c in
            b.technical(c, K.itExtended, "1:D@j24 2:D@s24 3:D@s24 6:M@s24 22:D@s24", result: "D*")
            b.general(c, K.aLevelMaths, "B"); b.general(c, K.aLevelComputing, "A")
            b.addReview(candidate: c, qualification: K.aLevelMaths, service: .priorityReviewOfMarking,
                        requested: CentreBuilder.day(2024, 8, 15), consent: CentreBuilder.day(2024, 8, 15),
                        submitted: CentreBuilder.day(2024, 8, 15), outcome: .confirmed, outcomeDate: CentreBuilder.day(2024, 8, 16))
            b.addReview(candidate: c, qualification: K.aLevelMaths, service: .appeal1,
                        requested: CentreBuilder.day(2024, 8, 19), consent: CentreBuilder.day(2024, 8, 19))
        },
        Story(number: 21, surname: "Chen", forenames: "Mei", group: "13Y",
              shows: "copy of the Computer Science script, then a review of marking that raised B to A") { b, c in
            b.general(c, K.aLevelComputing, "B"); b.general(c, K.aLevelMaths, "A*"); b.general(c, K.aLevelBiology, "A")
            b.addReview(candidate: c, qualification: K.aLevelComputing, service: .copyOfScript,
                        requested: CentreBuilder.day(2024, 8, 15), consent: CentreBuilder.day(2024, 8, 15),
                        submitted: CentreBuilder.day(2024, 8, 15))
            b.addReview(candidate: c, qualification: K.aLevelComputing, service: .reviewOfMarking,
                        requested: CentreBuilder.day(2024, 8, 16), consent: CentreBuilder.day(2024, 8, 16),
                        submitted: CentreBuilder.day(2024, 8, 17), outcome: .raised, outcomeDate: CentreBuilder.day(2024, 8, 19),
                        newGrade: b.pool.intern("A"))
        },
        Story(number: 22, surname: "Ahmed", forenames: "Yusuf", group: "13X",
              shows: "clerical re-check of A level Biology lowered C to D") { b, c in
            b.technical(c, K.sportExtended, "1:M@s23 2:P@s24 3:P@j24 18:M@s24 8:P@s24", result: "P")
            b.general(c, K.aLevelBiology, "C")
            b.addReview(candidate: c, qualification: K.aLevelBiology, service: .clericalRecheck,
                        requested: CentreBuilder.day(2024, 8, 15), consent: CentreBuilder.day(2024, 8, 15),
                        submitted: CentreBuilder.day(2024, 8, 15), outcome: .lowered, outcomeDate: CentreBuilder.day(2024, 8, 19),
                        newGrade: b.pool.intern("D"))
        },
        Story(number: 23, surname: "Kowalski", forenames: "Małgorzata", group: "13Y",
              shows: "priority copy of the IT unit 3 script, consent to chase; review of marking of unit 2 submitted") { b, c in
            b.technical(c, K.itExtended, "1:M@j24 2:M@s24 3:P@s24 6:M@s24 8:M@s24", result: "M")
            b.general(c, K.aLevelComputing, "C")
            b.addReview(candidate: c, qualification: K.itExtended, component: b.pool.intern("3"), service: .priorityCopyOfScript,
                        requested: CentreBuilder.day(2024, 8, 15))
            b.addReview(candidate: c, qualification: K.itExtended, component: b.pool.intern("2"), service: .reviewOfMarking,
                        requested: CentreBuilder.day(2024, 8, 16), consent: CentreBuilder.day(2024, 8, 17),
                        submitted: CentreBuilder.day(2024, 8, 19))
        },
        Story(number: 24, surname: "Murphy", forenames: "Dáithí", group: "13X",
              shows: "January review of Business unit 1 confirmed, appealed, confirmed; appeal hearing never submitted: overdue since 3 Jun") { b, c in
            b.technical(c, K.businessDiploma, "1:P@j24 2:M@s23 3:P@s24 4:M@s24 22:M@s24 5:P@s24 7:M@s24 8:P@s24 9:M@s24 10:M@s24",
                        result: "MM")
            b.general(c, K.aLevelMaths, "D")
            let unit1 = b.pool.intern("1"), january = b.january2024
            b.addReview(candidate: c, qualification: K.businessDiploma, component: unit1, series: january, service: .reviewOfMarking,
                        requested: CentreBuilder.day(2024, 3, 12), consent: CentreBuilder.day(2024, 3, 12),
                        submitted: CentreBuilder.day(2024, 3, 13), outcome: .confirmed, outcomeDate: CentreBuilder.day(2024, 4, 5))
            b.addReview(candidate: c, qualification: K.businessDiploma, component: unit1, series: january, service: .appeal1,
                        requested: CentreBuilder.day(2024, 4, 20), consent: CentreBuilder.day(2024, 4, 20),
                        submitted: CentreBuilder.day(2024, 4, 22), outcome: .confirmed, outcomeDate: CentreBuilder.day(2024, 5, 20))
            b.addReview(candidate: c, qualification: K.businessDiploma, component: unit1, series: january, service: .appeal2,
                        requested: CentreBuilder.day(2024, 5, 28), consent: CentreBuilder.day(2024, 5, 28))
        },
    ]
}

extension CentreBuilder {
    /// Unit rows from `unit:grade@series` tokens (see `DemoStories`).
    mutating func units(_ c: Int32, _ q: Int, _ rows: String) {
        let qual = DemoCatalogue.qualifications[q]
        for token in rows.split(separator: " ") {
            let parts = token.split(separator: "@")
            let head = parts[0].split(separator: ":")
            let unit = qual.units.firstIndex { $0.code == head[0] }!
            let series: Int32
            switch parts[1] {
            case "s23": series = summer2023
            case "j24": series = january2024
            case "s24": series = summer2024
            default: series = january2025
            }
            if let status = AchievementStatus(name: String(head[1])) {
                addAchievement(candidate: c, qualification: q, unit: unit, series: series, status: status)
            } else {
                addAchievement(candidate: c, qualification: q, unit: unit, series: series, status: .achieved,
                               grade: pool.intern(String(head[1])))
            }
        }
    }

    /// A Cambridge Technical entry completing Summer 2024, its unit rows and (when given) its result.
    mutating func technical(_ c: Int32, _ q: Int, _ rows: String, result grade: String? = nil, acknowledged: Bool = false) {
        addEntry(candidate: c, qualification: q, series: summer2024, completion: summer2024, acknowledged: acknowledged)
        if !rows.isEmpty { units(c, q, rows) }
        if let grade { result(c, q, grade) }
    }

    /// A GCSE or A level entry of Summer 2024 and its result; nil = no result row.
    mutating func general(_ c: Int32, _ q: Int, _ grade: String?) {
        addEntry(candidate: c, qualification: q, series: summer2024, completion: summer2024)
        if let grade { result(c, q, grade) }
    }

    mutating func result(_ c: Int32, _ q: Int, _ grade: String, series: Int32? = nil, final: Bool = false) {
        addResult(candidate: c, qualification: q, series: series ?? summer2024, grade: pool.intern(grade), final: final)
    }
}
