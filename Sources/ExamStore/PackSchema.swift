/// The files and columns of a data pack (DATA-PACK.md, format 1), and the header aliases that
/// MIS exports use, as data in one place for the importer and the writer.
package enum PackSchema {
    /// One column of a pack file: its canonical (lower-case) name and whether a file must have it.
    package struct Column: Sendable {
        package let name: String
        package let required: Bool
    }

    /// The pack's files in load order: a file comes after the files its rows point at.
    package static let files: [(name: String, columns: [Column])] = [
        ("candidates.csv", columns("*candidate *surname *forenames uci uln dob group centre")),
        ("qualifications.csv", columns("*qualification *title type level size glh awarding_body")),
        ("units.csv", columns("*qualification *unit title *glh *mandatory *assessment")),
        ("entries.csv", columns("*candidate *qualification *series completion acknowledged centre")),
        ("achievements.csv", columns("*candidate *qualification *unit *series *status grade centre")),
        ("results.csv", columns("*candidate *qualification *series *grade mark status centre")),
        ("reviews.csv", columns("*id *candidate *qualification component *service *requested consent submitted outcome outcome_date new_grade fee centre")),
        ("calendar.csv", columns("*series *event *date time applies_to")),
        ("certificates.csv", columns("*candidate *qualification *series received issued destroyed centre")),
    ]

    /// Other spellings of column names, by canonical name. Matching ignores case, spaces, `_` and `-`.
    package static let aliases: [String: [String]] = [
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
        "applies_to": ["applies"],
        "outcome_date": ["outcome on", "date of outcome"],
        "new_grade": ["revised grade", "grade after review"],
        "awarding_body": ["board", "exam board", "awarding organisation", "awarding organization"],
        "unit": ["unit code", "unit number", "unit no"],
        "series": ["exam series", "session"],
        "completion": ["estimated completion", "completion series", "expected completion"],
        "acknowledged": ["ack"],
        "glh": ["guided learning hours"],
        "assessment": ["assessment type", "assessed by"],
        "id": ["request id", "review id", "reference", "ref"],
        "service": ["service code"],
        "requested": ["request date", "date requested"],
        "consent": ["consent date", "consent received"],
        "submitted": ["date submitted", "submitted date"],
        "event": ["event name"],
        "time": ["event time"],
    ]

    /// A header as matching sees it: lower case, without spaces, `_` and `-`.
    package static func normalized(_ header: String) -> String {
        String(header.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" && $0 != "\t" })
    }

    /// Normalized spelling → canonical name, over every name and alias (`(s)` read both ways).
    package static let canonicalByHeader: [String: String] = {
        var map: [String: String] = [:]
        for file in files { for c in file.columns { map[normalized(c.name)] = c.name } }
        for (name, spellings) in aliases {
            for spelling in spellings {
                let n = normalized(spelling)
                map[n] = name
                if n.hasSuffix("(s)") {
                    let stem = String(n.dropLast(3))
                    map[stem] = name
                    map[stem + "s"] = name
                }
            }
        }
        return map
    }()

    /// The columns of `file` (nil for a file that is not part of a pack).
    package static func columns(of file: String) -> [Column]? {
        files.first { $0.name == file }?.columns
    }

    private static func columns(_ spec: String) -> [Column] {
        spec.split(separator: " ").map {
            $0.hasPrefix("*") ? Column(name: String($0.dropFirst()), required: true) : Column(name: String($0), required: false)
        }
    }
}
