import ExamStore

/// The order of a qualification's grades, best first, with points and national figures where known
/// (DOMAIN.md "Grade scales").
///
/// Every comparison, sort and count on a grade reads it on its scale, never as text. A grade is
/// read as written with a few spellings allowed (`99` for `9-9` on Combined Science, `a`-`e` on
/// AS, `u` for `U`, `Not Achieved` for a unit's `U`); a trailing `#` (partial absence) is the grade
/// before it. `X` (no result) and `Q` (pending) are on no scale: `isSpecial`.
package struct GradeScale: Sendable, Equatable {
    /// The national cumulative percentage of entries at or above a grade, in one summer's results.
    package struct NationalFigure: Sendable, Equatable {
        /// The year of the summer series the figure is of.
        package var year: Int
        package var atOrAbove: String
        package var percent: Double
        /// Where the figure comes from, for a footnote.
        package var source: String
    }

    package var name: String
    /// Every grade, best first; `U` last.
    package var grades: [String]
    /// Points per grade for average points per entry; empty when the scale has none.
    package var points: [String: Double] = [:]
    /// National cumulative figures, best threshold first; empty when DOMAIN.md gives none.
    package var national: [NationalFigure] = []
    /// Letters read in either case (AS level: awarding bodies write `A`, some MIS `a`).
    var eitherCase = false
    /// Other spellings of a grade, by their upper-case form (`99` for `9-9`, `NOT ACHIEVED` for `U`).
    var spellings: [String: String] = [:]

    /// The grade as this scale writes it (`9-9` for `99`, `B` for an AS `b`, `8` for `8#`); nil
    /// when the grade is not on the scale (`X`, `Q`, a typo, a grade of another scale).
    package func canonical(_ written: String) -> String? {
        var g = Substring(written).trimmingSpaces
        if g.hasSuffix("#") { g = g.dropLast().trimmingSpaces }
        if g.isEmpty { return nil }
        let text = String(g)
        if grades.contains(text) { return text }
        let upper = text.uppercased()
        if upper == "U" { return "U" }
        if eitherCase, grades.contains(upper) { return upper }
        return spellings[upper]
    }

    /// The position of a grade on the scale, 0 = best, `U` last; nil for a grade off the scale.
    /// `8#` is an 8 (a partial absence does not change the grade's place).
    package func rank(of grade: String) -> Int? { canonical(grade).flatMap { grades.firstIndex(of: $0) } }

    /// Points for a grade, or nil when the scale has no points or the grade is not on it.
    package func points(for grade: String) -> Double? { canonical(grade).flatMap { points[$0] } }

    /// The national cumulative percentage at or above `grade` in the summer of `year`, where known.
    package func nationalPercent(atOrAbove grade: String, year: Int) -> Double? {
        national.first { $0.year == year && $0.atOrAbove == grade }?.percent
    }

    /// The national figures of the summer of `year`, best threshold first; none where unknown.
    package func national(year: Int) -> [NationalFigure] { national.filter { $0.year == year } }

    /// The thresholds a results-day report heads each subject with (label, the grade at or
    /// above which a result counts): GCSE 4+ and 7+, A level A*-B and A*-E, and their like on
    /// each scale.
    package var headlines: [(label: String, atOrAbove: String)] {
        switch name {
        case GradeScale.gcse.name: return [("4+", "4"), ("7+", "7")]
        case GradeScale.gcseCombined.name: return [("4-4+", "4-4"), ("7-7+", "7-7")]
        case GradeScale.aLevel.name: return [("A*-B", "B"), ("A*-E", "E")]
        case GradeScale.asLevel.name: return [("A-B", "B"), ("A-E", "E")]
        case GradeScale.cambridgeNationals.name: return [("L2P+", "L2P"), ("L1P+", "L1P")]
        case GradeScale.cambridgeTechnical.name: return [("D*-M", "M"), ("D*-P", "P")]
        case GradeScale.cambridgeTechnicalDouble.name: return [("D*D*-MM", "MM"), ("D*D*-PP", "PP")]
        case GradeScale.cambridgeTechnicalTriple.name: return [("D*D*D*-MMM", "MMM"), ("D*D*D*-PPP", "PPP")]
        default: return []
        }
    }

    /// The grades listed for a message: `9, 8, 7, ... U`.
    package var listed: String { grades.joined(separator: ", ") }

    /// `X` (no result) and `Q` (pending), in either case: results, but no grade on any scale.
    package static func isSpecial(_ grade: String) -> Bool {
        switch grade { case "X", "x", "Q", "q": return true; default: return false }
    }

    static let jcq = "JCQ UK, all subjects"

    /// GCSE (9-1): 9 best, then U. Points are the grade's number (U = 0).
    package static let gcse = GradeScale(
        name: "GCSE (9-1)",
        grades: ["9", "8", "7", "6", "5", "4", "3", "2", "1", "U"],
        points: ["9": 9, "8": 8, "7": 7, "6": 6, "5": 5, "4": 4, "3": 3, "2": 2, "1": 1, "U": 0],
        national: [
            NationalFigure(year: 2024, atOrAbove: "7", percent: 21.8, source: jcq),
            NationalFigure(year: 2024, atOrAbove: "4", percent: 67.6, source: jcq),
            NationalFigure(year: 2024, atOrAbove: "1", percent: 97.9, source: jcq),
            NationalFigure(year: 2025, atOrAbove: "7", percent: 21.9, source: jcq),
            NationalFigure(year: 2025, atOrAbove: "4", percent: 67.4, source: jcq),
            NationalFigure(year: 2025, atOrAbove: "1", percent: 97.9, source: jcq),
        ])

    /// GCSE Combined Science, double-graded: 9-9, 9-8, 8-8 ... 2-1, 1-1, U (`99` reads as `9-9`).
    /// Points are the mean of the two grades (9-8 is 8.5), U 0.
    package static let gcseCombined: GradeScale = {
        var grades: [String] = []
        var points: [String: Double] = ["U": 0]
        for high in stride(from: 9, through: 1, by: -1) {
            grades.append("\(high)-\(high)")
            points["\(high)-\(high)"] = Double(high)
            if high > 1 {
                grades.append("\(high)-\(high - 1)")
                points["\(high)-\(high - 1)"] = Double(high) - 0.5
            }
        }
        var spellings: [String: String] = [:]
        for g in grades { spellings[g.filter { $0 != "-" }] = g }
        return GradeScale(name: "GCSE Combined Science (9-9 to 1-1)", grades: grades + ["U"], points: points, spellings: spellings)
    }()

    /// A level: A* to E, then U. Points are the DfE's (A* 60, A 50 ... E 10, U 0).
    package static let aLevel = GradeScale(
        name: "A level",
        grades: ["A*", "A", "B", "C", "D", "E", "U"],
        points: ["A*": 60, "A": 50, "B": 40, "C": 30, "D": 20, "E": 10, "U": 0],
        national: [
            NationalFigure(year: 2024, atOrAbove: "A*", percent: 9.3, source: jcq),
            NationalFigure(year: 2024, atOrAbove: "A", percent: 27.8, source: jcq),
            NationalFigure(year: 2024, atOrAbove: "C", percent: 76.4, source: jcq),
            NationalFigure(year: 2024, atOrAbove: "E", percent: 97.2, source: jcq),
            NationalFigure(year: 2025, atOrAbove: "A*", percent: 9.4, source: jcq),
            NationalFigure(year: 2025, atOrAbove: "A", percent: 28.3, source: jcq),
            NationalFigure(year: 2025, atOrAbove: "E", percent: 97.5, source: jcq),
        ])

    /// AS level: A to E (no A*), then U, in either case.
    package static let asLevel = GradeScale(name: "AS level", grades: ["A", "B", "C", "D", "E", "U"], eitherCase: true)

    /// Cambridge Nationals: level 2 distinction* down to level 1 pass, then U.
    package static let cambridgeNationals = GradeScale(
        name: "Cambridge Nationals",
        grades: ["L2D*", "L2D", "L2M", "L2P", "L1D*", "L1D", "L1M", "L1P", "U"])

    /// Cambridge Technicals, single-graded sizes (Certificate to Foundation Diploma): D*, D, M, P, U.
    package static let cambridgeTechnical = GradeScale(name: "Cambridge Technical (single)", grades: ["D*", "D", "M", "P", "U"])

    /// Cambridge Technical Diploma, double-graded: the two grades never more than one step apart.
    package static let cambridgeTechnicalDouble = GradeScale(
        name: "Cambridge Technical (double)", grades: ["D*D*", "D*D", "DD", "DM", "MM", "MP", "PP", "U"])

    /// Cambridge Technical Extended Diploma, triple-graded.
    package static let cambridgeTechnicalTriple = GradeScale(
        name: "Cambridge Technical (triple)",
        grades: ["D*D*D*", "D*D*D", "D*DD", "DDD", "DDM", "DMM", "MMM", "MMP", "MPP", "PPP", "U"])

    /// A unit of a Cambridge Technical: D, M, P, R (near pass, level 3 examined units), U; level 2
    /// units write U as `Not Achieved` (OCR's Progress Tracker guidance).
    package static let unit = GradeScale(
        name: "unit", grades: ["D", "M", "P", "R", "U"], spellings: ["NOT ACHIEVED": "U"])

    /// Every scale, in the order `order` merges them.
    package static let all: [GradeScale] = [
        gcse, gcseCombined, aLevel, asLevel, cambridgeNationals, cambridgeTechnical, unit,
        cambridgeTechnicalDouble, cambridgeTechnicalTriple,
    ]

    /// The scale for a qualification as qualifications.csv describes it (case-insensitive).
    ///
    /// `grading` (`single`, `double`, `triple`) says it outright where given; else a GCSE is
    /// double-graded when its title says Combined Science; a vocational qualification's size
    /// (`Diploma` double, `Extended Diploma` triple, any other single) or else its GLH (over 720
    /// triple, over 540 double) decides. Types: `GCSE...`; `AS...` (before A level); `A Level`,
    /// `A-level`, `GCE...`; `Cambridge National...`; `Cambridge Technical...`, `BTEC...`,
    /// `Technical...`, `Vocational...`. Nil for any other type: its grades are compared as text.
    package static func scale(type: String, title: String = "", size: String = "", glh: Int? = nil,
                             grading: String = "") -> GradeScale? {
        let t = words(type), grading = words(grading)
        if t.contains("gcse") {
            if grading == "double" || (grading.isEmpty && words(title).contains("combined science")) { return .gcseCombined }
            return .gcse
        }
        if t == "as" || t.hasPrefix("as ") || t.hasPrefix("as-") || t.contains("gce as") { return .asLevel }
        if t.contains("a level") || t.contains("a-level") || t.hasPrefix("gce") { return .aLevel }
        if t.contains("cambridge national") { return .cambridgeNationals }
        if t.contains("technical") || t.contains("btec") || t.contains("vocational") {
            switch grading {
            case "single": return .cambridgeTechnical
            case "double": return .cambridgeTechnicalDouble
            case "triple": return .cambridgeTechnicalTriple
            default: break
            }
            switch words(size) {
            case "diploma": return .cambridgeTechnicalDouble
            case "extended diploma": return .cambridgeTechnicalTriple
            case "": break
            default: return .cambridgeTechnical
            }
            if let glh, glh > 720 { return .cambridgeTechnicalTriple }
            if let glh, glh > 540 { return .cambridgeTechnicalDouble }
            return .cambridgeTechnical
        }
        return nil
    }

    /// The scale of qualification row `qualification` (`scale(type:title:size:glh:grading:)`).
    package static func scale(store: Store, qualification: Int32) -> GradeScale? {
        let s = indexes(store: store)[Int(qualification)]
        return s < 0 ? nil : all[Int(s)]
    }

    /// The scale of every qualification row, in row order.
    package static func scales(store: Store) -> [GradeScale?] {
        indexes(store: store).map { $0 < 0 ? nil : all[Int($0)] }
    }

    /// Per qualification row, the index of its scale in `all` (-1 for none): read from the
    /// qualification's columns once per store and kept with it (`DerivedColumns`).
    package static func indexes(store: Store) -> [Int8] {
        if let known = store.derived.qualificationScales, known.count == store.qualifications.count { return known }
        let qs = store.qualifications, pool = store.pool
        let found: [Int8] = (0..<qs.count).map { q in
            let glh = qs.glh[q]
            let named = GradeScale.scale(type: pool[qs.type[q]], title: pool[qs.title[q]], size: pool[qs.size[q]],
                                         glh: glh == Store.noNumber ? nil : Int(glh), grading: qs.grading[q].packWord)
            return named.flatMap { all.firstIndex(of: $0) }.map { Int8($0) } ?? -1
        }
        store.derived.qualificationScales = found
        return found
    }

    /// Lower-case, single-spaced.
    static func words(_ s: String) -> String { s.lowercased().split(separator: " ").joined(separator: " ") }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
