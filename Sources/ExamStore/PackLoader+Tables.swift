/// One reader per pack file, in load order: candidates and qualifications before the files that
/// point at them. The readers of the files after units.csv take the file opened (and may be
/// given a part of it: see `loadInParallel`).
extension PackLoader {
    mutating func loadCandidates() throws(Interrupted) {
        guard var t = open("candidates.csv") else { return }
        // The first part is a little larger: the second's texts still have to join the pool
        // after (0.53 balanced the two best on the M pack).
        if let middle = t.reader.lineStart(after: 0.53, minimumBytes: halvingBytes) {
            try loadCandidatesInHalves(&t, middle: middle)
        } else {
            readAhead?.proceed()
            interner.pool.reserve(t.reader.lines * 2)
            reserveCandidates(t.reader.lines)
            try loadCandidateRows(&t)
        }
    }

    /// Sizes the candidates' columns and keys for a file of `lines` lines (and the caller, the
    /// string table: a UCI and a ULN each are new values; names, dates and numbers mostly repeat).
    mutating func reserveCandidates(_ lines: Int) {
        candidateRows = KeyIndex(capacity: lines)
        store.candidates.reserveCapacity(lines)
        candidateLines.reserveCapacity(lines)
    }

    mutating func loadCandidateRows(_ t: inout PackTable) throws(Interrupted) {
        let cNumber = t.column("candidate"), cSurname = t.column("surname"), cForenames = t.column("forenames")
        let cUCI = t.column("uci"), cULN = t.column("uln"), cDob = t.column("dob")
        let cGroup = t.column("group"), cCentre = t.column("centre")
        while try next(&t) {
            let centre = text(t, cCentre)
            guard let number = candidateNumber(t, cNumber) else { continue }
            let key = Store.CandidateKey(centre: centre, number: number.key)
            if let first = candidateRows[key] {
                let at = centre != 0 ? " at centre \(pool[centre])" : ""
                report(t, cNumber, "duplicate candidate '\(pool[number.written])'\(at): the first is at line \(candidateLines[Int(first)])")
                continue
            }
            let surname = requiredText(t, cSurname, "a surname") ?? 0
            let forenames = text(t, cForenames)
            let uci = text(t, cUCI)
            if uci != 0 && !t.reader.withValue(cUCI, Identifiers.isValidUCI(bytes:)) {
                report(t, cUCI, "invalid UCI '\(pool[uci])' for candidate \(pool[number.written]): expected 13 characters (centre number, 0, year, candidate number, check letter)",
                       severity: .warning)
            }
            let uln = text(t, cULN)
            if uln != 0 && !t.reader.withValue(cULN, Identifiers.isValidULN(bytes:)) {
                report(t, cULN, "invalid ULN '\(pool[uln])' for candidate \(pool[number.written]): expected 10 digits ending in a valid check digit",
                       severity: .warning)
            }
            let dob = day(t, cDob)
            let row = Int32(store.candidates.count)
            store.candidates.centre.append(centre)
            store.candidates.number.append(number.written)
            store.candidates.key.append(number.key)
            store.candidates.surname.append(surname)
            store.candidates.forenames.append(forenames)
            store.candidates.uci.append(uci)
            store.candidates.uln.append(uln)
            store.candidates.dob.append(dob)
            store.candidates.group.append(text(t, cGroup))
            candidateRows.set(key.centre, key.number, to: row)
            candidateLines.append(t.line)
            if knownCentres.insert(centre).inserted { centres.append(centre) }
        }
    }

    mutating func loadQualifications() throws(Interrupted) {
        guard var t = open("qualifications.csv") else { return }
        let cCode = t.column("qualification")
        var cells = DeclaredCells(PackSchema.qualifications, t, rows: t.reader.lines)
        defer { cells.flush(into: &store) }
        while try next(&t) {
            guard let code = requiredText(t, cCode, "a qualification entry code") else { continue }
            if let first = qualificationRows.value(code, 0) {
                report(t, cCode, "duplicate qualification '\(pool[code])': the first is at line \(qualificationLines[Int(first)])")
                continue
            }
            read(t, &cells)
            store.qualifications.code.append(code)
            qualificationRows.set(code, 0, to: Int32(store.qualifications.count - 1))
            qualificationLines.append(t.line)
        }
    }

    mutating func loadUnits() throws(Interrupted) {
        guard var t = open("units.csv") else { return }
        let cQual = t.column("qualification"), cUnit = t.column("unit")
        var cells = DeclaredCells(PackSchema.units, t, rows: t.reader.lines)
        defer { cells.flush(into: &store) }
        while try next(&t) {
            guard let q = qualification(t, cQual), let code = requiredText(t, cUnit, "a unit code") else { continue }
            if let first = unitRows.value(q, code) {
                report(t, cUnit, "duplicate unit '\(pool[code])' of qualification \(pool[store.qualifications.code[Int(q)]]): the first is at line \(unitLines[Int(first)])")
                continue
            }
            read(t, &cells)
            store.units.qualification.append(q)
            store.units.code.append(code)
            unitRows.set(q, code, to: Int32(store.units.count - 1))
            unitLines.append(t.line)
        }
    }

    mutating func loadEntries(_ t: inout PackTable) throws(Interrupted) {
        let cCand = t.column("candidate"), cQual = t.column("qualification"), cSeries = t.column("series")
        let cCompletion = t.column("completion"), cCentre = t.column("centre")
        if cCentre < 0 && defaultCentre(t) == nil { return }
        var firstLine = CandidateRowLines(candidates: store.candidates.count)
        store.entries.reserveCapacity(t.reader.lines)
        var cells = DeclaredCells(PackSchema.entries, t, rows: t.reader.lines)
        defer { cells.flush(into: &store) }
        while try next(&t) {
            guard let (cand, q, series) = entryKeys(t, centre: cCentre, candidate: cCand, qualification: cQual,
                                                    series: cSeries, seen: &firstLine, what: "entry")
            else { continue }
            let completion = text(t, cCompletion)
            read(t, &cells)
            store.entries.candidate.append(cand)
            store.entries.qualification.append(q)
            store.entries.series.append(series)
            store.entries.completion.append(completion == 0 ? series : completion)
        }
    }

    mutating func loadAchievements(_ t: inout PackTable) throws(Interrupted) {
        let cCand = t.column("candidate"), cQual = t.column("qualification"), cUnit = t.column("unit")
        let cSeries = t.column("series"), cGrade = t.column("grade"), cCentre = t.column("centre")
        if cCentre < 0 && defaultCentre(t) == nil { return }
        store.achievements.reserveCapacity(t.reader.lines)
        var cells = DeclaredCells(PackSchema.achievements, t, rows: t.reader.lines)
        defer { cells.flush(into: &store) }
        let status = cells.slot("status"), grade = cells.slot("grade")
        while try next(&t) {
            guard let centre = centre(t, cCentre), let cand = candidate(t, cCand, centre: centre),
                  let q = qualification(t, cQual), let unit = unit(t, cUnit, qualification: q),
                  let series = requiredText(t, cSeries, "a series such as Summer 2024") else { continue }
            read(t, &cells)
            if cells.last(status) == Int32(AchievementStatus.achieved.rawValue) && cells.last(grade) == 0 {
                report(t, cGrade, "an achieved unit needs a grade, found a blank")
            }
            store.achievements.candidate.append(cand)
            store.achievements.qualification.append(q)
            store.achievements.unit.append(unit)
            store.achievements.series.append(series)
        }
    }

    mutating func loadResults(_ t: inout PackTable) throws(Interrupted) {
        let cCand = t.column("candidate"), cQual = t.column("qualification"), cSeries = t.column("series")
        let cCentre = t.column("centre")
        if cCentre < 0 && defaultCentre(t) == nil { return }
        var firstLine = CandidateRowLines(candidates: store.candidates.count)
        store.results.reserveCapacity(t.reader.lines)
        var cells = DeclaredCells(PackSchema.results, t, rows: t.reader.lines)
        defer { cells.flush(into: &store) }
        while try next(&t) {
            guard let (cand, q, series) = entryKeys(t, centre: cCentre, candidate: cCand, qualification: cQual,
                                                    series: cSeries, seen: &firstLine, what: "result")
            else { continue }
            read(t, &cells)
            store.results.candidate.append(cand)
            store.results.qualification.append(q)
            store.results.series.append(series)
        }
    }

    /// Reports `later` when it is before `earlier` (both given): dates of one row out of order.
    mutating func checkOrder(_ t: PackTable, _ earlier: (column: Int, day: Day, name: String), _ later: (column: Int, day: Day, name: String)) {
        guard !earlier.day.isBlank, !later.day.isBlank, later.day < earlier.day else { return }
        report(t, later.column, "\(later.name) \(later.day.text(dates)) is before \(earlier.name) \(earlier.day.text(dates))",
               notes: ["dates of a row run in order: requested, consent and submitted, outcome_date; received, issued"])
    }

    /// A date column read through `cells` on the last row: (field in the file, day, name).
    func lastDate<Table>(_ cells: DeclaredCells<Table>, _ slot: Int) -> (column: Int, day: Day, name: String) {
        (cells.field[slot], Day(number: cells.last(slot)), cells.name[slot])
    }

    /// DOMAIN.md "Post-results requests", on the row just read: 2P only where it applies; dates in
    /// order (requested ≤ submitted ≤ outcome_date, consent ≤ submitted).
    mutating func checkReview<Table>(_ t: PackTable, _ cells: DeclaredCells<Table>, qualification q: Int32,
                                     slots s: (service: Int, requested: Int, consent: Int, submitted: Int, outcomeDate: Int)) {
        if let service = Service(rawValue: UInt8(truncatingIfNeeded: cells.last(s.service))), cells.last(s.service) != 255,
           !service.applies(type: pool[store.qualifications.type[Int(q)]], level: pool[store.qualifications.level[Int(q)]]) {
            report(t, cells.field[s.service], "a priority review of marking (2P) is for A level and level 3 vocational qualifications only, not AS or GCSE; \(pool[store.qualifications.code[Int(q)]]) is \(pool[store.qualifications.type[Int(q)]]) level \(pool[store.qualifications.level[Int(q)]])",
                   notes: ["use service 2 (review of marking)"])
        }
        let requested = lastDate(cells, s.requested), consent = lastDate(cells, s.consent)
        let submitted = lastDate(cells, s.submitted), outcome = lastDate(cells, s.outcomeDate)
        checkOrder(t, requested, submitted)
        checkOrder(t, consent, submitted)
        checkOrder(t, submitted, outcome)
        if submitted.day.isBlank { checkOrder(t, requested, outcome) }
    }

    /// DOMAIN.md "Certificates", on the row just read: issued not before received; destroyed not
    /// within 12 months of receipt, and never on an issued certificate.
    mutating func checkCertificate<Table>(_ t: PackTable, _ cells: DeclaredCells<Table>, slots s: (received: Int, issued: Int, destroyed: Int)) {
        let received = lastDate(cells, s.received), issued = lastDate(cells, s.issued), destroyed = lastDate(cells, s.destroyed)
        checkOrder(t, received, issued)
        guard !destroyed.day.isBlank else { return }
        if !issued.day.isBlank {
            report(t, destroyed.column, "a certificate issued on \(issued.day.text(dates)) cannot have been destroyed: only unclaimed certificates are destroyed")
        } else if !received.day.isBlank && destroyed.day < received.day.adding(years: 1) {
            report(t, destroyed.column, "destroyed on \(destroyed.day.text(dates)), before the 12 months a certificate received on \(received.day.text(dates)) must be kept (until \(received.day.adding(years: 1).text(dates)))")
        }
    }

    mutating func loadReviews(_ t: inout PackTable) throws(Interrupted) {
        let cId = t.column("id"), cCand = t.column("candidate"), cQual = t.column("qualification")
        let cCentre = t.column("centre")
        if cCentre < 0 && defaultCentre(t) == nil { return }
        var firstLine: [Int32: Int] = [:]
        var cells = DeclaredCells(PackSchema.reviews, t, rows: t.reader.lines)
        defer { cells.flush(into: &store) }
        reviewQualificationField = cQual
        reviewNewGradeField = t.column("new_grade")
        let slots = (cells.slot("service"), cells.slot("requested"), cells.slot("consent"), cells.slot("submitted"), cells.slot("outcome_date"))
        while try next(&t) {
            guard let id = requiredText(t, cId, "a request id") else { continue }
            if let first = firstLine[id] {
                report(t, cId, "duplicate review id '\(pool[id])': the first is at line \(first)")
                continue
            }
            firstLine[id] = t.line
            guard let centre = centre(t, cCentre), let cand = candidate(t, cCand, centre: centre),
                  let q = qualification(t, cQual) else { continue }
            read(t, &cells)
            checkReview(t, cells, qualification: q, slots: slots)
            reviewLines.append(Int32(t.line))
            store.reviews.id.append(id)
            store.reviews.candidate.append(cand)
            store.reviews.qualification.append(q)
        }
    }

    /// The keys of a row of entries.csv, results.csv or certificates.csv: its candidate (by centre
    /// and number), qualification and series, each checked in that order; nil (reported) when one
    /// is unknown or blank, or when an earlier row of the file had the same three (`what`: "entry",
    /// "result", "certificate", for the message). `seen` holds the line of each first row.
    mutating func entryKeys(_ t: PackTable, centre cCentre: Int, candidate cCand: Int, qualification cQual: Int,
                            series cSeries: Int, seen: inout CandidateRowLines, what: String)
        -> (candidate: Int32, qualification: Int32, series: Int32)? {
        guard let centre = centre(t, cCentre), let cand = candidate(t, cCand, centre: centre),
              let q = qualification(t, cQual), let series = requiredText(t, cSeries, "a series such as Summer 2024")
        else { return nil }
        if let first = seen.firstLine(cand, q, series) {
            report(t, cQual, "duplicate \(what) of candidate \(pool[store.candidates.number[Int(cand)]]) for \(pool[store.qualifications.code[Int(q)]]) in \(pool[series]): the first is at line \(first)")
            return nil
        }
        seen.add(cand, q, series, line: Int32(t.line))
        return (cand, q, series)
    }

    /// The calendar events DATA-PACK.md names; another name is a warning (it has no meaning to exq).
    static let calendarEvents: Set<String> = [
        "restricted_release", "results_day", "priority_review_deadline", "review_deadline", "priority_ats_deadline",
        "ats_deadline", "mir_deadline", "late_certification_deadline", "claims_deadline",
    ]

    mutating func loadCalendar(_ t: inout PackTable) throws(Interrupted) {
        let cSeries = t.column("series"), cEvent = t.column("event"), cTime = t.column("time"), cApplies = t.column("applies_to")
        var checked = Set<Int32>()
        var cells = DeclaredCells(PackSchema.calendar, t, rows: t.reader.lines)
        defer { cells.flush(into: &store) }
        // The release events by (series, event, applies_to), to refuse a second one: which holds cannot be guessed.
        var releases: [String: Int] = [:]
        while try next(&t) {
            guard let series = requiredText(t, cSeries, "a series such as Summer 2024"),
                  let event = requiredText(t, cEvent, "an event such as results_day") else { continue }
            let eventName = pool[event].lowercased()
            if eventName == "results_day" || eventName == "restricted_release" {
                let appliesId = text(t, cApplies)  // interned before `pool` is read: it may be new
                let applies = SeriesKey.of(pool[appliesId])
                let key = SeriesKey.of(pool[series]) + "\u{0}" + eventName + "\u{0}" + applies
                if let first = releases[key] {
                    report(t, cEvent, "a second \(eventName) for \(pool[series]) applying to \(applies.isEmpty ? "all" : applies): the first is at line \(first), and which one holds cannot be guessed",
                           notes: ["keep one of the two rows"])
                    continue
                }
                releases[key] = t.line
                let timeId = text(t, cTime)
                if timeId != 0, !Self.isTime(pool[timeId]) {
                    report(t, cTime, "expected a time such as 08:00, found '\(pool[timeId])'")
                    continue
                }
            }
            if checked.insert(event).inserted && !Self.calendarEvents.contains(pool[event]) {
                let hint = Suggestion.closest(to: pool[event], among: Self.calendarEvents.sorted())
                report(t, cEvent, "unknown calendar event '\(pool[event])'; exq gives it no meaning",
                       notes: hint.map { ["did you mean '\($0)'?"] } ?? [], severity: .warning)
            }
            read(t, &cells)
            store.calendar.series.append(series)
            store.calendar.event.append(event)
            store.calendar.estimated.append(false)
        }
    }

    /// `08:00` (or `8:00`): hours 0-23, a colon, two-digit minutes.
    static func isTime(_ s: String) -> Bool {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let h = Int(parts[0]), let m = Int(parts[1]) else { return false }
        return h < 24 && m < 60
    }

    mutating func loadCertificates(_ t: inout PackTable) throws(Interrupted) {
        let cCand = t.column("candidate"), cQual = t.column("qualification"), cSeries = t.column("series")
        let cCentre = t.column("centre")
        if cCentre < 0 && defaultCentre(t) == nil { return }
        var firstLine = CandidateRowLines(candidates: store.candidates.count)
        var cells = DeclaredCells(PackSchema.certificates, t, rows: t.reader.lines)
        defer { cells.flush(into: &store) }
        let slots = (cells.slot("received"), cells.slot("issued"), cells.slot("destroyed"))
        while try next(&t) {
            guard let (cand, q, series) = entryKeys(t, centre: cCentre, candidate: cCand, qualification: cQual,
                                                    series: cSeries, seen: &firstLine, what: "certificate")
            else { continue }
            read(t, &cells)
            checkCertificate(t, cells, slots: slots)
            store.certificates.candidate.append(cand)
            store.certificates.qualification.append(q)
            store.certificates.series.append(series)
        }
    }

    /// centres.csv: each centre once, by number.
    mutating func loadCentres(_ t: inout PackTable) throws(Interrupted) {
        let cCentre = t.column("centre")
        var firstLine: [Int32: Int] = [:]
        var cells = DeclaredCells(PackSchema.centres, t, rows: t.reader.lines)
        defer { cells.flush(into: &store) }
        while try next(&t) {
            guard let centre = requiredText(t, cCentre, "a centre number") else { continue }
            if let first = firstLine[centre] {
                report(t, cCentre, "duplicate centre '\(pool[centre])': the first is at line \(first)")
                continue
            }
            firstLine[centre] = t.line
            read(t, &cells)
            store.centreNames.centre.append(centre)
        }
    }
}
