/// The qualifications and units of the demo centre and of generated packs, as data.
///
/// Codes, titles, GLH and assessment follow shared/CATALOGUE.md. Where the catalogue marks a fact
/// *inferred* or does not know it (most optional units, several GLH, which units are mandatory for
/// a size), the values here are plausible inventions, listed in `DemoCentre.description`. They are
/// data the user can edit in a pack, never rules in code.
enum DemoCatalogue {
    struct Unit {
        let code: String, title: String, glh: Int, mandatory: Bool, exam: Bool
    }

    struct Qualification {
        let code: String, title: String, type: String, level: String, size: String, glh: Int
        let units: [Unit]
        var isTechnical: Bool { type == "Cambridge Technical" }
        /// Double-graded (`DM`) rather than single-graded (`D`).
        var isDoubleGraded: Bool { size == "Diploma" }
    }

    static func m(_ code: String, _ title: String, _ glh: Int, exam: Bool) -> Unit {
        Unit(code: code, title: title, glh: glh, mandatory: true, exam: exam)
    }
    static func o(_ code: String, _ title: String, _ glh: Int, exam: Bool) -> Unit {
        Unit(code: code, title: title, glh: glh, mandatory: false, exam: exam)
    }

    // Positions in `qualifications`, named for the generator and the stories.
    static let itCertificate = 0, itExtended = 1, businessExtended = 2, businessDiploma = 3
    static let sportExtended = 4, scienceExtended = 5
    static let gcseMaths = 6, gcseEnglish = 7, gcseScience = 8
    static let aLevelMaths = 9, aLevelBiology = 10, aLevelComputing = 11

    static let qualifications: [Qualification] = [
        Qualification(code: "05838", title: "Cambridge Technical in IT", type: "Cambridge Technical", level: "3",
                      size: "Certificate", glh: 180, units: [
                        m("1", "Fundamentals of IT", 90, exam: true),
                        m("2", "Global information", 90, exam: true),
                      ]),
        Qualification(code: "05839", title: "Cambridge Technical in IT", type: "Cambridge Technical", level: "3",
                      size: "Extended Certificate", glh: 360, units: [
                        m("1", "Fundamentals of IT", 90, exam: true),
                        m("2", "Global information", 90, exam: true),
                        o("3", "Cyber security", 60, exam: true),
                        o("6", "Application design", 60, exam: false),
                        o("8", "Project management", 60, exam: false),
                        o("17", "Internet of Everything", 60, exam: false),
                        o("22", "Big Data analytics", 60, exam: false),
                      ]),
        Qualification(code: "05835", title: "Cambridge Technical in Business", type: "Cambridge Technical", level: "3",
                      size: "Extended Certificate", glh: 360, units: [
                        m("1", "The business environment", 120, exam: true),
                        m("2", "Working in business", 60, exam: true),
                        m("4", "Customers and communication", 60, exam: false),
                        o("3", "Business decisions", 60, exam: true),
                        o("7", "Marketing campaign", 60, exam: false),
                        o("8", "Human resources", 60, exam: false),
                      ]),
        Qualification(code: "05837", title: "Cambridge Technical in Business", type: "Cambridge Technical", level: "3",
                      size: "Diploma", glh: 720, units: [
                        m("1", "The business environment", 120, exam: true),
                        m("2", "Working in business", 60, exam: true),
                        m("3", "Business decisions", 60, exam: true),
                        m("4", "Customers and communication", 60, exam: false),
                        m("22", "Delivering a business project", 120, exam: false),
                        o("5", "Marketing and market research", 60, exam: false),
                        o("6", "Marketing strategy", 60, exam: false),
                        o("7", "Marketing campaign", 60, exam: false),
                        o("8", "Human resources", 60, exam: false),
                        o("9", "Recruitment and selection", 60, exam: false),
                        o("10", "Accounting concepts", 60, exam: false),
                      ]),
        Qualification(code: "05827", title: "Cambridge Technical in Sport and Physical Activity", type: "Cambridge Technical",
                      level: "3", size: "Extended Certificate", glh: 360, units: [
                        m("1", "Body systems and the effects of physical activity", 90, exam: true),
                        m("2", "Sports coaching and activity leadership", 90, exam: false),
                        m("3", "Sports organisation and development", 60, exam: true),
                        o("8", "Organisation of sports events", 60, exam: false),
                        o("17", "Sports injuries and rehabilitation", 60, exam: false),
                        o("18", "Practical skills in sport and physical activities", 60, exam: false),
                      ]),
        Qualification(code: "05847", title: "Cambridge Technical in Applied Science", type: "Cambridge Technical",
                      level: "3", size: "Extended Certificate", glh: 360, units: [
                        m("1", "Science fundamentals", 120, exam: true),
                        m("2", "Laboratory techniques", 60, exam: true),
                        m("6", "Control of hazards in the laboratory", 60, exam: false),
                        m("18", "Microbiology", 60, exam: false),
                        m("21", "Product testing techniques", 60, exam: false),
                      ]),
        Qualification(code: "J560", title: "Mathematics", type: "GCSE", level: "2", size: "", glh: 0, units: []),
        Qualification(code: "J351", title: "English Language", type: "GCSE", level: "2", size: "", glh: 0, units: []),
        Qualification(code: "J260", title: "Combined Science A (Gateway)", type: "GCSE", level: "2", size: "", glh: 0, units: []),
        Qualification(code: "H240", title: "Mathematics A", type: "A Level", level: "3", size: "", glh: 0, units: []),
        Qualification(code: "H420", title: "Biology A", type: "A Level", level: "3", size: "", glh: 0, units: []),
        Qualification(code: "H446", title: "Computer Science", type: "A Level", level: "3", size: "", glh: 0, units: []),
    ]

    /// The Cambridge Technicals a year 13 or year 12 student may be entered for (not the Certificate,
    /// which only appears as a top-up step), with their weights.
    static let technicalChoices: [(qualification: Int, weight: Double)] = [
        (itExtended, 0.25), (businessExtended, 0.20), (businessDiploma, 0.12), (sportExtended, 0.23), (scienceExtended, 0.20),
    ]
    static let aLevels = [aLevelMaths, aLevelBiology, aLevelComputing]
    static let gcses = [gcseMaths, gcseEnglish, gcseScience]

    // Grade scales, worst first, with national-like shares (JCQ summer 2024 for GCSE: 7+ 21.8%,
    // 4+ 67.6%, 1+ 97.9%; A level shares approximate).
    static let gcseGrades = ["U", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
    static let gcseShares = [0.021, 0.063, 0.090, 0.150, 0.150, 0.158, 0.150, 0.103, 0.070, 0.045]
    /// GCSE Combined Science (J260) is double-graded: U, 1-1, 2-1, 2-2 ... 9-8, 9-9.
    static let combinedGrades = ["U"] + (1...9).flatMap { g in g == 1 ? ["1-1"] : ["\(g)-\(g - 1)", "\(g)-\(g)"] }
    static let aLevelGrades = ["U", "E", "D", "C", "B", "A", "A*"]
    static let aLevelShares = [0.027, 0.073, 0.135, 0.228, 0.259, 0.185, 0.093]
    static let unitGrades = ["U", "P", "M", "D"]
    static let singleGrades = ["P", "M", "D", "D*"]
    static let doubleGrades = ["PP", "MP", "MM", "DM", "DD", "D*D", "D*D*"]
}
