import ExamStore

/// Checks shared by the demo and generator tests.
enum StoreChecks {
    /// The tables and pool of two stores hold the same values, column by column.
    static func sameColumns(_ a: Store, _ b: Store) -> Bool {
        a.pool.strings == b.pool.strings
            && a.candidates.centre == b.candidates.centre && a.candidates.number == b.candidates.number
            && a.candidates.key == b.candidates.key && a.candidates.surname == b.candidates.surname
            && a.candidates.forenames == b.candidates.forenames && a.candidates.uci == b.candidates.uci
            && a.candidates.uln == b.candidates.uln && a.candidates.dob == b.candidates.dob
            && a.candidates.group == b.candidates.group
            && a.qualifications.code == b.qualifications.code && a.qualifications.glh == b.qualifications.glh
            && a.units.qualification == b.units.qualification && a.units.code == b.units.code
            && a.units.glh == b.units.glh && a.units.mandatory == b.units.mandatory
            && a.units.assessment == b.units.assessment
            && a.entries.candidate == b.entries.candidate && a.entries.qualification == b.entries.qualification
            && a.entries.series == b.entries.series && a.entries.completion == b.entries.completion
            && a.entries.acknowledged == b.entries.acknowledged
            && a.achievements.candidate == b.achievements.candidate && a.achievements.unit == b.achievements.unit
            && a.achievements.qualification == b.achievements.qualification
            && a.achievements.series == b.achievements.series && a.achievements.status == b.achievements.status
            && a.achievements.grade == b.achievements.grade
            && a.results.candidate == b.results.candidate && a.results.qualification == b.results.qualification
            && a.results.series == b.results.series && a.results.grade == b.results.grade
            && a.results.mark == b.results.mark && a.results.status == b.results.status
            && a.reviews.id == b.reviews.id && a.reviews.candidate == b.reviews.candidate
            && a.reviews.qualification == b.reviews.qualification && a.reviews.component == b.reviews.component
            && a.reviews.service == b.reviews.service && a.reviews.requested == b.reviews.requested
            && a.reviews.consent == b.reviews.consent && a.reviews.submitted == b.reviews.submitted
            && a.reviews.outcome == b.reviews.outcome && a.reviews.outcomeDate == b.reviews.outcomeDate
            && a.reviews.newGrade == b.reviews.newGrade && a.reviews.fee == b.reviews.fee
            && a.calendar.event == b.calendar.event && a.calendar.date == b.calendar.date
            && a.certificates.candidate == b.certificates.candidate
            && a.certificates.qualification == b.certificates.qualification
            && a.certificates.series == b.certificates.series && a.certificates.received == b.certificates.received
            && a.certificates.issued == b.certificates.issued && a.certificates.destroyed == b.certificates.destroyed
    }

    /// The problems with row references: each names a table, a row and what is wrong. Empty when
    /// every candidate, qualification and unit column points at a row that exists, every unit row
    /// belongs to its row's qualification, and every text id is in the pool.
    static func brokenReferences(_ s: Store) -> [String] {
        var problems: [String] = []
        let nc = s.candidates.count, nq = s.qualifications.count, nu = s.units.count
        func check(_ table: String, _ column: [Int32], _ count: Int) {
            for (row, v) in column.enumerated() where v < 0 || Int(v) >= count {
                problems.append("\(table) row \(row): \(v) out of 0..<\(count)")
            }
        }
        check("units.qualification", s.units.qualification, nq)
        check("entries.candidate", s.entries.candidate, nc)
        check("entries.qualification", s.entries.qualification, nq)
        check("achievements.candidate", s.achievements.candidate, nc)
        check("achievements.qualification", s.achievements.qualification, nq)
        check("achievements.unit", s.achievements.unit, nu)
        check("results.candidate", s.results.candidate, nc)
        check("results.qualification", s.results.qualification, nq)
        check("reviews.candidate", s.reviews.candidate, nc)
        check("reviews.qualification", s.reviews.qualification, nq)
        check("certificates.candidate", s.certificates.candidate, nc)
        check("certificates.qualification", s.certificates.qualification, nq)
        for row in 0..<s.achievements.count
        where s.units.qualification[Int(s.achievements.unit[row])] != s.achievements.qualification[row] {
            problems.append("achievements row \(row): unit of another qualification")
        }
        let ids = [s.candidates.surname, s.candidates.forenames, s.candidates.uci, s.candidates.uln, s.candidates.group,
                   s.entries.series, s.entries.completion, s.achievements.series, s.achievements.grade,
                   s.results.grade, s.reviews.id, s.reviews.component, s.reviews.newGrade, s.certificates.series]
        for column in ids { check("text id", column, s.pool.count) }
        return problems
    }

    /// Whether the candidate has any unit row for the qualification.
    static func hasAchievement(_ s: Store, candidate: Int32, qualification: Int32) -> Bool {
        s.achievementsByCandidate[candidate].contains { s.achievements.qualification[Int($0)] == qualification }
    }

    /// Whether the candidate has a result row for the qualification in the series.
    static func hasResult(_ s: Store, candidate: Int32, qualification: Int32, series: Int32) -> Bool {
        s.resultsByCandidate[candidate].contains {
            s.results.qualification[Int($0)] == qualification && s.results.series[Int($0)] == series
        }
    }
}
