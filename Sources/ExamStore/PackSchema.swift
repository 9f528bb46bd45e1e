/// The files and columns of a data pack (docs/data-pack.md), each column declared once
/// (`PackColumn`): the importer, the writer, the query fields and `describe` read them here.
package enum PackSchema {
    /// A column as header matching and the documents see it, whatever its table.
    package struct Column: Sendable {
        package let name: String
        package let aliases: [String]
        package let required: Bool
        package let meaning: String
        /// `text`, `date`, `number`, `money`, `yes/no`, the words of a choice, or the file a key names.
        package let type: String
    }

    package static let centres = PackFile("centres.csv", \.centreNames, "a centre of the pack, named on statements", [
        .text("centre", \.centre, required: true, key: true, "centre number (5 digits)"),
        .text("name", \.name, required: true, aliases: ["centre name", "school", "school name"], "the centre's name, as statements head it"),
    ])

    package static let candidates = PackFile("candidates.csv", \.candidates, "a candidate", [
        .text("candidate", \.number, required: true, key: true, "candidate number within the centre, as written (0042)"),
        .text("surname", \.surname, required: true, key: true, "family name"),
        .text("forenames", \.forenames, required: true, key: true, "given names"),
        .text("uci", \.uci, key: true, "unique candidate identifier (13 characters)"),
        .text("uln", \.uln, key: true, "unique learner number (10 digits)"),
        .date("dob", \.dob, "date of birth"),
        .text("group", \.group, key: true, "teaching or registration group"),
        .text("centre", \.centre, key: true, "centre number"),
    ])

    package static let qualifications = PackFile("qualifications.csv", \.qualifications, "a qualification in the catalogue", [
        .text("qualification", \.code, required: true, key: true, "entry code (05839, J560)"),
        .text("title", \.title, required: true, "qualification title"),
        .text("type", \.type, "Cambridge Technical, GCSE, A Level ..."),
        .text("level", \.level, "level as written (3, 2, 1/2)"),
        .text("size", \.size, "size (Certificate, Extended Certificate, Diploma ...)"),
        .whole("glh", \.glh, "guided learning hours the qualification needs"),
        .text("awarding_body", \.awardingBody, aliases: ["board", "exam board", "awarding organisation", "awarding organization"],
              "OCR, AQA, Pearson ..."),
        .choice("grading", \.grading, "single, double or triple; blank: worked out from the type, size and title"),
    ])

    package static let units = PackFile("units.csv", \.units, "a unit's place in one qualification", [
        .qualification(\.qualification),
        .text("unit", \.code, required: true, key: true, "unit number or code within the qualification"),
        .text("title", \.title, "unit title"),
        .whole("glh", \.glh, required: true, "guided learning hours of the unit"),
        .flag("mandatory", \.mandatory, required: true, "the unit is mandatory in this qualification"),
        .choice("assessment", \.assessment, required: true, aliases: ["assessment type", "assessed by"], "exam or moderated"),
    ])

    package static let entries = PackFile("entries.csv", \.entries, "a qualification entry (registration)", [
        .candidate(\.candidate),
        .qualification(\.qualification),
        .text("series", \.series, required: true, key: true, "series the entry was made for"),
        .text("completion", \.completion, key: true, aliases: ["estimated completion", "completion series", "expected completion"],
              "estimated completion series (blank: the entry's series)"),
        .flag("acknowledged", \.acknowledged, aliases: ["ack"], "the centre acknowledged the entry in the Progress Tracker"),
        .centreOfCandidate,
    ])

    package static let achievements = PackFile("achievements.csv", \.achievements,
                                              "a unit achievement, moderation claim, examined unit entry or absence", [
        .candidate(\.candidate),
        .qualification(\.qualification),
        .unit(\.unit),
        .text("series", \.series, required: true, key: true, "series of the row"),
        .choice("status", \.status, required: true, "achieved, claimed, entered or absent"),
        .text("grade", \.grade, "unit grade when achieved (D, M, P, R, U), on the unit scale"),
        .centreOfCandidate,
    ])

    package static let results = PackFile("results.csv", \.results, "a qualification or subject result", [
        .candidate(\.candidate),
        .qualification(\.qualification),
        .text("series", \.series, required: true, key: true, "series of the result"),
        .text("grade", \.grade, required: true, "grade on its qualification's scale (9-1, A*-E, D*/D/M/P, U); X no result, Q pending"),
        .whole("mark", \.mark, "mark, where given"),
        .choice("status", \.status, "provisional (blank) or final"),
        .centreOfCandidate,
    ])

    package static let reviews = PackFile("reviews.csv", \.reviews, "a post-results request", [
        .text("id", \.id, required: true, key: true, aliases: ["request id", "review id", "reference", "ref"], "request id"),
        .candidate(\.candidate),
        .qualification(\.qualification),
        .text("component", \.component, "component, where given"),
        .text("series", \.series, "series of the result reviewed; blank: the series its deadline is worked out from"),
        .choice("service", \.service, required: true, aliases: ["service code"], "1, 2, 2P, 3, ATS, ATSP, MIR, APPEAL1, APPEAL2"),
        .date("requested", \.requested, required: true, aliases: ["request date", "date requested"], "date the candidate asked"),
        .date("consent", \.consent, aliases: ["consent date", "consent received"], "date of the candidate's signed consent"),
        .date("submitted", \.submitted, aliases: ["date submitted", "submitted date"], "date sent to the awarding body"),
        .choice("outcome", \.outcome, "confirmed, raised or lowered; blank while awaited"),
        .date("outcome_date", \.outcomeDate, aliases: ["outcome on", "date of outcome"], "date of the outcome"),
        .text("new_grade", \.newGrade, aliases: ["revised grade", "grade after review"], "grade after the review, on the qualification's scale"),
        .money("fee", \.fee, "fee in pounds"),
        .centreOfCandidate,
    ])

    package static let calendar = PackFile("calendar.csv", \.calendar, "a dated event of a series",
                                          leavingOut: { table, row in table.estimated[row] }, [
        .text("series", \.series, required: true, key: true, "series"),
        .text("event", \.event, required: true, key: true, aliases: ["event name"], "restricted_release, results_day, review_deadline ..."),
        .date("date", \.date, required: true, "date of the event"),
        .text("time", \.time, aliases: ["event time"], "time, where given"),
        .text("applies_to", \.appliesTo, aliases: ["applies"], "blank = all; a level (level 3) or a qualification type"),
    ])

    package static let certificates = PackFile("certificates.csv", \.certificates, "a certificate", [
        .candidate(\.candidate),
        .qualification(\.qualification),
        .text("series", \.series, required: true, key: true, "series of the result certified"),
        .date("received", \.received, "date received from the awarding body"),
        .date("issued", \.issued, "date issued to the candidate"),
        .choice("method", \.method, "how it was issued: collected, posted or third party (someone the candidate named)"),
        .date("destroyed", \.destroyed, "date destroyed confidentially"),
        .centreOfCandidate,
    ])

    /// The pack's files in load order: a file comes after the files its rows point at.
    package static let files: [any PackFileDeclaration] = [
        centres, candidates, qualifications, units, entries, achievements, results, reviews, calendar, certificates,
    ]

    /// Spellings of the columns that several files share, by canonical name (a declaration may give its own).
    static let sharedAliases: [String: [String]] = [
        "candidate": ["candidate number", "cand no", "candidate no", "candno", "cand number", "cand num",
                      "exam number", "candidate num"],
        "qualification": ["qual", "entry code", "qualification code", "qual code"],
        "forenames": ["forename", "first name(s)", "given name(s)", "legal forenames", "legal forename"],
        "surname": ["last name", "family name", "legal surname"],
        "dob": ["date of birth", "birth date", "birthdate"],
        "group": ["teaching group", "class", "reg group", "form", "tutor group"],
        "centre": ["centre number", "centre no", "center", "center number", "centre num"],
        "uci": ["unique candidate identifier"],
        "uln": ["unique learner number"],
        "unit": ["unit code", "unit number", "unit no"],
        "series": ["exam series", "session"],
        "glh": ["guided learning hours"],
    ]

    /// A header as matching sees it: lower case, without spaces, `_` and `-`.
    package static func normalized(_ header: String) -> String {
        String(header.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" && $0 != "\t" })
    }

    /// Normalized spelling → canonical name, over the names and aliases of `columns` (`(s)` read both ways).
    package static func spellings(_ columns: [Column]) -> [String: String] {
        var map: [String: String] = [:]
        for c in columns {
            map[normalized(c.name)] = c.name
            for spelling in c.aliases {
                let n = normalized(spelling)
                map[n] = c.name
                if n.hasSuffix("(s)") {
                    let stem = String(n.dropLast(3))
                    map[stem] = c.name
                    map[stem + "s"] = c.name
                }
            }
        }
        return map
    }

    /// The declaration of `file` (nil for a file that is not part of a pack).
    package static func file(_ name: String) -> (any PackFileDeclaration)? {
        files.first { $0.name == name }
    }

    /// The columns of `file` (nil for a file that is not part of a pack).
    package static func columns(of file: String) -> [Column]? {
        self.file(file)?.headers
    }

    /// Gives every declared column of every table a blank cell in rows added without one.
    static func pad(_ store: inout Store) {
        for file in files { file.pad(&store) }
    }
}
