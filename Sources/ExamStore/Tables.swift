/// The store's tables, one struct of column arrays each (struct of arrays, not arrays of rows).
///
/// Text cells are `StringPool` ids (0 = blank); dates are `Day`s (`Day.blank` = blank);
/// whole numbers are `Int32` with `Store.noNumber` for blank. A column named after another
/// collection (`candidate`, `qualification`, `unit`) holds a row index into that table.
/// Every column of a table has the same count; append through `Store`'s methods.

/// The pack's centres and their names (`centres.csv`, format 2).
public struct CentreTable: Sendable {
    public var centre: [Int32] = []      // centre number, interned ("64123")
    public var name: [Int32] = []        // "Riverside Academy"
    public var count: Int { centre.count }
}

public struct CandidateTable: Sendable {
    public var centre: [Int32] = []      // centre number, interned ("12345")
    public var number: [Int32] = []      // candidate number as written ("0042"), interned
    public var key: [Int32] = []         // candidate number's value (42): the key within a centre
    public var surname: [Int32] = []
    public var forenames: [Int32] = []
    public var uci: [Int32] = []
    public var uln: [Int32] = []
    public var dob: [Day] = []
    public var group: [Int32] = []
    public var count: Int { number.count }

    /// Makes room for `rows` rows in every column.
    public mutating func reserveCapacity(_ rows: Int) {
        for column in [\Self.centre, \.number, \.key, \.surname, \.forenames, \.uci, \.uln, \.group] {
            self[keyPath: column].reserveCapacity(rows)
        }
        dob.reserveCapacity(rows)
    }

    /// Adds the rows of `other` after these.
    public mutating func append(contentsOf other: CandidateTable) {
        for column in [\Self.centre, \.number, \.key, \.surname, \.forenames, \.uci, \.uln, \.group] {
            self[keyPath: column] += other[keyPath: column]
        }
        dob += other.dob
    }
}

public struct QualificationTable: Sendable {
    public var code: [Int32] = []        // entry code ("05839", "J560")
    public var title: [Int32] = []
    public var type: [Int32] = []        // "Cambridge Technical", "GCSE", "A Level"
    public var level: [Int32] = []       // as written: "3", "2", "1/2"
    public var size: [Int32] = []        // "Extended Certificate"
    public var glh: [Int32] = []         // Store.noNumber when blank
    public var awardingBody: [Int32] = []
    public var grading: [Grading] = []     // single, double, triple; .blank: from the type and size
    public var count: Int { code.count }
}

public struct UnitTable: Sendable {
    public var qualification: [Int32] = [] // row in qualifications
    public var code: [Int32] = []          // unit number or code ("1", "CC")
    public var title: [Int32] = []
    public var glh: [Int32] = []
    public var mandatory: [Bool] = []
    public var assessment: [Assessment] = []
    public var count: Int { code.count }
}

public struct EntryTable: Sendable {
    public var candidate: [Int32] = []
    public var qualification: [Int32] = []
    public var series: [Int32] = []
    public var completion: [Int32] = []    // estimated completion series
    public var acknowledged: [Bool] = []
    public var count: Int { candidate.count }

    /// Makes room for `rows` rows in every column.
    public mutating func reserveCapacity(_ rows: Int) {
        for column in [\Self.candidate, \.qualification, \.series, \.completion] { self[keyPath: column].reserveCapacity(rows) }
        acknowledged.reserveCapacity(rows)
    }

    /// Adds the rows of `other` after these.
    public mutating func append(contentsOf other: EntryTable) {
        if count == 0 { self = other; return }
        candidate += other.candidate; qualification += other.qualification; series += other.series
        completion += other.completion; acknowledged += other.acknowledged
    }
}

public struct AchievementTable: Sendable {
    public var candidate: [Int32] = []
    public var qualification: [Int32] = []
    public var unit: [Int32] = []          // row in units
    public var series: [Int32] = []
    public var status: [AchievementStatus] = []
    public var grade: [Int32] = []
    public var count: Int { candidate.count }

    /// Makes room for `rows` rows in every column.
    public mutating func reserveCapacity(_ rows: Int) {
        for column in [\Self.candidate, \.qualification, \.unit, \.series, \.grade] { self[keyPath: column].reserveCapacity(rows) }
        status.reserveCapacity(rows)
    }

    /// Adds the rows of `other` after these.
    public mutating func append(contentsOf other: AchievementTable) {
        if count == 0 { self = other; return }
        candidate += other.candidate; qualification += other.qualification; unit += other.unit
        series += other.series; status += other.status; grade += other.grade
    }
}

public struct ResultTable: Sendable {
    public var candidate: [Int32] = []
    public var qualification: [Int32] = []
    public var series: [Int32] = []
    public var grade: [Int32] = []
    public var mark: [Int32] = []
    public var status: [ResultStatus] = []
    /// Review outcomes applied (the store as at a day, ExamRules' `StoreAsAt`): the grade as first
    /// issued, and the review row (in `reviews`) whose outcome set `grade`, -1 where none did.
    /// Both are empty when no outcome changed a grade; read them through `originalGrade(_:)` and
    /// `changedBy(_:)`.
    public var originalGrades: [Int32] = []
    public var changedBy: [Int32] = []
    public var count: Int { candidate.count }

    /// These rows, in this order.
    public func selecting(_ rows: [Int32]) -> ResultTable {
        var o = PackSchema.results.selecting(self, rows)
        if !originalGrades.isEmpty { o.originalGrades = rows.map { originalGrades[Int($0)] } }
        if !changedBy.isEmpty { o.changedBy = rows.map { changedBy[Int($0)] } }
        return o
    }

    /// The grade of row `r` as first issued, before any review outcome.
    public func originalGrade(_ r: Int) -> Int32 { originalGrades.isEmpty ? grade[r] : originalGrades[r] }
    /// The review row whose outcome set row `r`'s grade; nil when none did.
    public func changedBy(_ r: Int) -> Int32? { changedBy.isEmpty || changedBy[r] < 0 ? nil : changedBy[r] }

    /// Makes room for `rows` rows in every column.
    public mutating func reserveCapacity(_ rows: Int) {
        for column in [\Self.candidate, \.qualification, \.series, \.grade, \.mark] { self[keyPath: column].reserveCapacity(rows) }
        status.reserveCapacity(rows)
    }

    /// Adds the rows of `other` after these.
    public mutating func append(contentsOf other: ResultTable) {
        if count == 0 { self = other; return }
        candidate += other.candidate; qualification += other.qualification; series += other.series
        grade += other.grade; mark += other.mark; status += other.status
    }
}

public struct ReviewTable: Sendable {
    public var id: [Int32] = []
    public var candidate: [Int32] = []
    public var qualification: [Int32] = []
    public var component: [Int32] = []
    public var series: [Int32] = []        // series of the result reviewed; blank: worked out (Deadlines.series)
    public var service: [Service] = []
    public var requested: [Day] = []
    public var consent: [Day] = []
    public var submitted: [Day] = []
    public var outcome: [ReviewOutcome] = []
    public var outcomeDate: [Day] = []
    public var newGrade: [Int32] = []
    public var fee: [Int32] = []           // pence; Store.noNumber when blank
    public var count: Int { id.count }

    /// These rows, in this order.
    public func selecting(_ rows: [Int32]) -> ReviewTable { PackSchema.reviews.selecting(self, rows) }
}

public struct CalendarTable: Sendable {
    public var series: [Int32] = []
    public var event: [Int32] = []         // "restricted_release", "review_deadline", ...
    public var date: [Day] = []
    public var time: [Int32] = []          // "00:01", as written
    public var appliesTo: [Int32] = []     // blank = all; "level 3"; a qualification type
    /// True for a built-in date that no source gives, worked out from the pattern of earlier
    /// years (`BuiltInCalendar`); false for every row of a pack's calendar.csv.
    public var estimated: [Bool] = []
    public var count: Int { event.count }

    /// Adds one event.
    public mutating func append(series: Int32, event: Int32, date: Day, time: Int32, appliesTo: Int32, estimated: Bool = false) {
        self.series.append(series); self.event.append(event); self.date.append(date)
        self.time.append(time); self.appliesTo.append(appliesTo); self.estimated.append(estimated)
    }
}

public struct CertificateTable: Sendable {
    public var candidate: [Int32] = []
    public var qualification: [Int32] = []
    public var series: [Int32] = []
    public var received: [Day] = []
    public var issued: [Day] = []
    public var method: [IssueMethod] = []  // collected, posted, third party; .blank when not said
    public var destroyed: [Day] = []
    public var count: Int { candidate.count }

    /// These rows, in this order.
    public func selecting(_ rows: [Int32]) -> CertificateTable { PackSchema.certificates.selecting(self, rows) }
}
