/// The store's tables, one struct of column arrays each (struct of arrays, not arrays of rows).
///
/// Text cells are `StringPool` ids (0 = blank); dates are `Day`s (`Day.blank` = blank);
/// whole numbers are `Int32` with `Store.noNumber` for blank. A column named after another
/// collection (`candidate`, `qualification`, `unit`) holds a row index into that table.
/// Every column of a table has the same count; append through `Store`'s methods.

/// The pack's centres and their names (`centres.csv`, format 2).
package struct CentreTable: Sendable {
    package var centre: [Int32] = []      // centre number, interned ("64123")
    package var name: [Int32] = []        // "Riverside Academy"
    package var count: Int { centre.count }
}

package struct CandidateTable: Sendable {
    package var centre: [Int32] = []      // centre number, interned ("12345")
    package var number: [Int32] = []      // candidate number as written ("0042"), interned
    package var key: [Int32] = []         // candidate number's value (42): the key within a centre
    package var surname: [Int32] = []
    package var forenames: [Int32] = []
    package var uci: [Int32] = []
    package var uln: [Int32] = []
    package var dob: [Day] = []
    package var group: [Int32] = []
    package var count: Int { number.count }

    /// Makes room for `rows` rows in every column.
    package mutating func reserveCapacity(_ rows: Int) {
        for column in [\Self.centre, \.number, \.key, \.surname, \.forenames, \.uci, \.uln, \.group] {
            self[keyPath: column].reserveCapacity(rows)
        }
        dob.reserveCapacity(rows)
    }

    /// Adds the rows of `other` after these.
    package mutating func append(contentsOf other: CandidateTable) {
        for column in [\Self.centre, \.number, \.key, \.surname, \.forenames, \.uci, \.uln, \.group] {
            self[keyPath: column] += other[keyPath: column]
        }
        dob += other.dob
    }
}

package struct QualificationTable: Sendable {
    package var code: [Int32] = []        // entry code ("05839", "J560")
    package var title: [Int32] = []
    package var type: [Int32] = []        // "Cambridge Technical", "GCSE", "A Level"
    package var level: [Int32] = []       // as written: "3", "2", "1/2"
    package var size: [Int32] = []        // "Extended Certificate"
    package var glh: [Int32] = []         // Store.noNumber when blank
    package var awardingBody: [Int32] = []
    package var grading: [Grading] = []     // single, double, triple; .blank: from the type and size
    package var count: Int { code.count }
}

package struct UnitTable: Sendable {
    package var qualification: [Int32] = [] // row in qualifications
    package var code: [Int32] = []          // unit number or code ("1", "CC")
    package var title: [Int32] = []
    package var glh: [Int32] = []
    package var mandatory: [Bool] = []
    package var assessment: [Assessment] = []
    package var count: Int { code.count }
}

package struct EntryTable: Sendable {
    package var candidate: [Int32] = []
    package var qualification: [Int32] = []
    package var series: [Int32] = []
    package var completion: [Int32] = []    // estimated completion series
    package var acknowledged: [Bool] = []
    package var count: Int { candidate.count }

    /// Makes room for `rows` rows in every column.
    package mutating func reserveCapacity(_ rows: Int) {
        for column in [\Self.candidate, \.qualification, \.series, \.completion] { self[keyPath: column].reserveCapacity(rows) }
        acknowledged.reserveCapacity(rows)
    }

    /// Adds the rows of `other` after these.
    package mutating func append(contentsOf other: EntryTable) {
        if count == 0 { self = other; return }
        candidate += other.candidate; qualification += other.qualification; series += other.series
        completion += other.completion; acknowledged += other.acknowledged
    }
}

package struct AchievementTable: Sendable {
    package var candidate: [Int32] = []
    package var qualification: [Int32] = []
    package var unit: [Int32] = []          // row in units
    package var series: [Int32] = []
    package var status: [AchievementStatus] = []
    package var grade: [Int32] = []
    package var count: Int { candidate.count }

    /// Makes room for `rows` rows in every column.
    package mutating func reserveCapacity(_ rows: Int) {
        for column in [\Self.candidate, \.qualification, \.unit, \.series, \.grade] { self[keyPath: column].reserveCapacity(rows) }
        status.reserveCapacity(rows)
    }

    /// Adds the rows of `other` after these.
    package mutating func append(contentsOf other: AchievementTable) {
        if count == 0 { self = other; return }
        candidate += other.candidate; qualification += other.qualification; unit += other.unit
        series += other.series; status += other.status; grade += other.grade
    }
}

package struct ResultTable: Sendable {
    package var candidate: [Int32] = []
    package var qualification: [Int32] = []
    package var series: [Int32] = []
    package var grade: [Int32] = []
    package var mark: [Int32] = []
    package var status: [ResultStatus] = []
    /// Review outcomes applied (the store as at a day, ExamRules' `StoreAsAt`): the grade as first
    /// issued, and the review row (in `reviews`) whose outcome set `grade`, -1 where none did.
    /// Both are empty when no outcome changed a grade; read them through `originalGrade(_:)` and
    /// `changedBy(_:)`.
    package var originalGrades: [Int32] = []
    package var changedBy: [Int32] = []
    package var count: Int { candidate.count }

    /// These rows, in this order.
    package func selecting(_ rows: [Int32]) -> ResultTable {
        var o = PackSchema.results.selecting(self, rows)
        if !originalGrades.isEmpty { o.originalGrades = rows.map { originalGrades[Int($0)] } }
        if !changedBy.isEmpty { o.changedBy = rows.map { changedBy[Int($0)] } }
        return o
    }

    /// The grade of row `r` as first issued, before any review outcome.
    package func originalGrade(_ r: Int) -> Int32 { originalGrades.isEmpty ? grade[r] : originalGrades[r] }
    /// The review row whose outcome set row `r`'s grade; nil when none did.
    package func changedBy(_ r: Int) -> Int32? { changedBy.isEmpty || changedBy[r] < 0 ? nil : changedBy[r] }

    /// Makes room for `rows` rows in every column.
    package mutating func reserveCapacity(_ rows: Int) {
        for column in [\Self.candidate, \.qualification, \.series, \.grade, \.mark] { self[keyPath: column].reserveCapacity(rows) }
        status.reserveCapacity(rows)
    }

    /// Adds the rows of `other` after these.
    package mutating func append(contentsOf other: ResultTable) {
        if count == 0 { self = other; return }
        candidate += other.candidate; qualification += other.qualification; series += other.series
        grade += other.grade; mark += other.mark; status += other.status
    }
}

package struct ReviewTable: Sendable {
    package var id: [Int32] = []
    package var candidate: [Int32] = []
    package var qualification: [Int32] = []
    package var component: [Int32] = []
    package var series: [Int32] = []        // series of the result reviewed; blank: worked out (Deadlines.series)
    package var service: [Service] = []
    package var requested: [Day] = []
    package var consent: [Day] = []
    package var submitted: [Day] = []
    package var outcome: [ReviewOutcome] = []
    package var outcomeDate: [Day] = []
    package var newGrade: [Int32] = []
    package var fee: [Int32] = []           // pence; Store.noNumber when blank
    package var count: Int { id.count }

    /// These rows, in this order.
    package func selecting(_ rows: [Int32]) -> ReviewTable { PackSchema.reviews.selecting(self, rows) }
}

package struct CalendarTable: Sendable {
    package var series: [Int32] = []
    package var event: [Int32] = []         // "restricted_release", "review_deadline", ...
    package var date: [Day] = []
    package var time: [Int32] = []          // "00:01", as written
    package var appliesTo: [Int32] = []     // blank = all; "level 3"; a qualification type
    /// True for a built-in date that no source gives, worked out from the pattern of earlier
    /// years (`BuiltInCalendar`); false for every row of a pack's calendar.csv.
    package var estimated: [Bool] = []
    package var count: Int { event.count }

    /// Adds one event.
    package mutating func append(series: Int32, event: Int32, date: Day, time: Int32, appliesTo: Int32, estimated: Bool = false) {
        self.series.append(series); self.event.append(event); self.date.append(date)
        self.time.append(time); self.appliesTo.append(appliesTo); self.estimated.append(estimated)
    }
}

package struct CertificateTable: Sendable {
    package var candidate: [Int32] = []
    package var qualification: [Int32] = []
    package var series: [Int32] = []
    package var received: [Day] = []
    package var issued: [Day] = []
    package var method: [IssueMethod] = []  // collected, posted, third party; .blank when not said
    package var destroyed: [Day] = []
    package var count: Int { candidate.count }

    /// These rows, in this order.
    package func selecting(_ rows: [Int32]) -> CertificateTable { PackSchema.certificates.selecting(self, rows) }
}
