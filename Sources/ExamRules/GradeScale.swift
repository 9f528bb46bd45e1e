import ExamStore

/// The order of a qualification's grades, best first, with points and national figures where known.
///
/// Used by results analysis: entries per grade, cumulative percentage at or above each grade,
/// average points per entry, and the JCQ national figures beside a centre's own.
public struct GradeScale: Sendable, Equatable {
    /// The national cumulative percentage of entries at or above a grade.
    public struct NationalFigure: Sendable, Equatable {
        public var atOrAbove: String
        public var percent: Double
        /// Where the figure comes from, for a footnote.
        public var source: String
    }

    public var name: String
    /// Every grade, best first; `U` last.
    public var grades: [String]
    /// Points per grade for average points per entry; empty when the scale has none.
    public var points: [String: Int]
    /// National cumulative figures, best threshold first; empty when DOMAIN.md gives none.
    public var national: [NationalFigure]

    /// The position of a grade, 0 = best; nil for a grade outside the scale (X, Q, a typo).
    public func rank(of grade: String) -> Int? { grades.firstIndex(of: grade) }

    /// Points for a grade, or nil when the scale has no points or the grade is not on it.
    public func points(for grade: String) -> Int? { points[grade] }

    /// The national cumulative percentage at or above `grade`, where known.
    public func nationalPercent(atOrAbove grade: String) -> Double? {
        national.first { $0.atOrAbove == grade }?.percent
    }

    static let jcq2024 = "JCQ UK summer 2024"

    /// GCSE (9-1): 9 best, then U. Points are the grade's number (U = 0).
    public static let gcse = GradeScale(
        name: "GCSE (9-1)",
        grades: ["9", "8", "7", "6", "5", "4", "3", "2", "1", "U"],
        points: ["9": 9, "8": 8, "7": 7, "6": 6, "5": 5, "4": 4, "3": 3, "2": 2, "1": 1, "U": 0],
        national: [
            NationalFigure(atOrAbove: "7", percent: 21.8, source: jcq2024),
            NationalFigure(atOrAbove: "4", percent: 67.6, source: jcq2024),
            NationalFigure(atOrAbove: "1", percent: 97.9, source: jcq2024),
        ])

    /// A level: A* to E, then U. Points are UCAS-like (A* 56 down to E 16, U 0), not DfE points.
    public static let aLevel = GradeScale(
        name: "A level",
        grades: ["A*", "A", "B", "C", "D", "E", "U"],
        points: ["A*": 56, "A": 48, "B": 40, "C": 32, "D": 24, "E": 16, "U": 0],
        national: [])

    /// Cambridge Technicals, single-graded sizes (Certificate to Foundation Diploma): D*, D, M, P, U.
    public static let cambridgeTechnical = GradeScale(
        name: "Cambridge Technical", grades: ["D*", "D", "M", "P", "U"], points: [:], national: [])

    /// Cambridge Technical Diploma, double-graded: the two grades never more than one step apart.
    public static let cambridgeTechnicalDouble = GradeScale(
        name: "Cambridge Technical (double)",
        grades: ["D*D*", "D*D", "DD", "DM", "MM", "MP", "PP", "U"], points: [:], national: [])

    /// Cambridge Technical Extended Diploma, triple-graded.
    public static let cambridgeTechnicalTriple = GradeScale(
        name: "Cambridge Technical (triple)",
        grades: ["D*D*D*", "D*D*D", "D*DD", "DDD", "DDM", "DMM", "MMM", "MMP", "MPP", "PPP", "U"],
        points: [:], national: [])

    /// The scale for a qualification type as `qualifications.csv` writes it (case-insensitive):
    /// `GCSE...` → GCSE; `A Level`, `A-level`, `GCE...` → A level; `Cambridge Technical...` →
    /// single, double (size `Diploma`) or triple (size `Extended Diploma`), or as `grading` says
    /// when the pack gives it. Nil for other types.
    public static func scale(forType type: String, size: String = "", grading: Grading = .blank) -> GradeScale? {
        let t = type.lowercased()
        if t.contains("gcse") { return .gcse }
        if t.contains("a level") || t.contains("a-level") || t.hasPrefix("gce") { return .aLevel }
        if t.contains("cambridge technical") {
            switch grading {
            case .single: return .cambridgeTechnical
            case .double: return .cambridgeTechnicalDouble
            case .triple: return .cambridgeTechnicalTriple
            case .blank: break
            }
            switch size.lowercased().split(separator: " ").joined(separator: " ") {
            case "diploma": return .cambridgeTechnicalDouble
            case "extended diploma": return .cambridgeTechnicalTriple
            default: return .cambridgeTechnical
            }
        }
        return nil
    }

    /// The scale for qualification row `qualification`, by its type, size and grading.
    public static func scale(store: Store, qualification: Int32) -> GradeScale? {
        let q = Int(qualification)
        return scale(forType: store.pool[store.qualifications.type[q]], size: store.pool[store.qualifications.size[q]],
                     grading: store.qualifications.grading[q])
    }
}
