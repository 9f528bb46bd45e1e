import ExamStore
import ExamRules

/// `update certificate CANDIDATE QUALIFICATION [SERIES] set received|issued|destroyed = DATE, ...`
struct UpdateCertificateCommand: Command, Equatable {
    var candidate: Word
    var qualification: Word
    var series: Word?
    var changes: [Assignment]

    static let info = CommandInfo(
        words: ["update", "certificate"], synopsis: "update certificate CANDIDATE QUALIFICATION [SERIES] set received|issued|destroyed = DATE, ...",
        summary: "record certificates received, issued or destroyed",
        help: """
            Name the series when the candidate has certificates for the qualification from several.
              update certificate 0005 05838 set issued = today
              update certificate 0005 05838 "January 2024" set received = 2024-11-20, issued = ""
            """,
        changesData: true, completion: .candidates, topics: ["certificates"],
        parse: { try UpdateCertificateCommand(&$0) })

    init(candidate: Word, qualification: Word, series: Word?, changes: [Assignment]) {
        self.candidate = candidate
        self.qualification = qualification
        self.series = series
        self.changes = changes
    }

    init(_ r: inout CommandReader) throws {
        candidate = try r.word("a candidate")
        qualification = try r.word("a qualification's entry code")
        if !r.isKeyword("set") { series = try r.word("a series or 'set'") }
        try r.expect("set")
        let fields = Tracking.certificateFields
        changes = try Assignment.list(&r, fields: fields, dates: Set(fields))
    }

    var statement: String {
        "update certificate " + candidate.quoted + " " + qualification.quoted + (series.map { " " + $0.quoted } ?? "")
            + " set " + changes.map(\.statement).joined(separator: ", ")
    }

    func run(in session: Session) throws -> String? {
        let c = try session.candidate(candidate), q = try session.qualification(qualification)
        var changed = session.store
        let row: Int32
        do {
            row = try Tracking.certificate(store: changed, candidate: c, qualification: q, series: series?.text)
        } catch {
            throw session.failure(error.description, at: series ?? qualification,
                                  notes: series == nil ? ["such as: update certificate \(candidate) \(qualification) \"Summer 2024\" set issued = today"] : [])
        }
        var resolved = self
        for (i, change) in changes.enumerated() {
            let text = change.value.text
            let day = text.isEmpty ? Day.blank : text.lowercased() == "today" ? session.today : Day(parsing: text) ?? .blank
            do {
                try Tracking.updateCertificate(store: &changed, row: row, field: change.field.text, day: day)
            } catch {
                throw session.failure(error.description, at: change.field)
            }
            resolved.changes[i].value = Word(day.isBlank ? "" : day.iso)
        }
        let (number, code) = session.keyWords(c, q)
        resolved.candidate = number
        resolved.qualification = code
        resolved.series = Word(session.store.pool[session.store.certificates.series[Int(row)]])
        try session.commit(resolved.statement, changed)
        session.console.out("Updated certificate of \(session.store.formalName(candidate: c)) for \(qualification): "
            + resolved.changes.map { "\($0.field) = \(session.shown(date: $0.value.text))" }.joined(separator: ", ") + "\n")
        return resolved.statement
    }
}
