import ExamStore

/// The generated population: candidates of years 11, 12 and 13 with their entries, unit rows,
/// results, post-results requests and certificates, drawn from the builder's random stream.
///
/// Shares are chosen to look like a real 11-18 centre: about 40% year 11 (three GCSEs), 25% year 12
/// (a Cambridge Technical completing Summer 2025), 35% year 13 (Cambridge Technicals and A levels
/// completing Summer 2024). About one level 3 entry in twenty is at risk for one of DOMAIN.md's reasons.
extension CentreBuilder {
    /// How one unit of an entry ends up.
    enum UnitFate { case normal, fail, absent, missing }

    static let gcseCumulative = cumulative(DemoCatalogue.gcseShares)
    static let aLevelCumulative = cumulative(DemoCatalogue.aLevelShares)
    static let passCumulative = [0.40, 0.75, 1.0] // P, M, D among passes

    static func cumulative(_ shares: [Double]) -> [Double] {
        var total = 0.0
        return shares.map { total += $0; return total }
    }

    /// The position in a scale drawn from cumulative shares, leaning on the candidate's ability
    /// (half the time the ability itself, otherwise a fresh draw: the shares stay as given).
    mutating func draw(_ cumulative: [Double], ability: Double) -> Int {
        let u = rng.chance(0.5) ? ability : rng.fraction()
        for (i, c) in cumulative.enumerated() where u < c { return i }
        return cumulative.count - 1
    }

    /// A unit pass grade, 1 = P, 2 = M, 3 = D.
    mutating func passGrade(_ ability: Double) -> Int { 1 + draw(CentreBuilder.passCumulative, ability: ability) }

    mutating func addPopulation(count: Int, firstNumber: Int) {
        let surnames = DemoNames.surnames.map(pool.intern)
        let forenames = DemoNames.forenames.map(pool.intern)
        let groups11 = ["11A", "11B", "11C", "11D"].map(pool.intern)
        let groups12 = ["12X", "12Y"].map(pool.intern)
        let groups13 = ["13X", "13Y"].map(pool.intern)
        let perCentre = CentreGenerator.candidatesPerCentre
        var centre: Int32 = 0, centreDigits = ""
        for i in 0..<count {
            if i % perCentre == 0 {
                centreDigits = CentreGenerator.centreNumber(i / perCentre)
                centre = pool.intern(centreDigits)
            }
            let number = firstNumber + i % perCentre
            let r = rng.fraction()
            let year = r < 0.40 ? 11 : r < 0.65 ? 12 : 13
            let group = rng.pick(year == 11 ? groups11 : year == 12 ? groups12 : groups13)
            // Born in the academic year that puts them in `year` in 2023/24.
            let dob = CentreBuilder.day(2018 - year, 9, 1).adding(days: rng.below(366))
            let c = addCandidate(centre: centre, centreDigits: centreDigits, number: number,
                                 surname: rng.pick(surnames), forenames: rng.pick(forenames),
                                 uln: CentreBuilder.uln(&rng), dob: dob, group: group)
            let ability = rng.fraction()
            switch year {
            case 11:
                for q in DemoCatalogue.gcses { addGeneral(candidate: c, qualification: q, ability: ability) }
            case 12:
                addTechnical(candidate: c, qualification: pickTechnical(), completing: false, ability: ability)
            default:
                addYear13(candidate: c, ability: ability)
            }
        }
    }

    mutating func pickTechnical() -> Int {
        var u = rng.fraction()
        for choice in DemoCatalogue.technicalChoices {
            if u < choice.weight { return choice.qualification }
            u -= choice.weight
        }
        return DemoCatalogue.technicalChoices[0].qualification
    }

    /// A year 13 programme: a Diploma and one A level, or one or two Extended Certificates and
    /// A levels, or three A levels.
    mutating func addYear13(candidate c: Int32, ability: Double) {
        let r = rng.fraction()
        var technicals: [Int] = []
        if r < 0.80 { technicals.append(pickTechnical()) }
        if r >= 0.70 && r < 0.80, technicals[0] != DemoCatalogue.businessDiploma {
            var second = pickTechnical()
            while second == technicals[0] || second == DemoCatalogue.businessDiploma { second = pickTechnical() }
            technicals.append(second)
        }
        let size = technicals.reduce(0) { $0 + DemoCatalogue.qualifications[$1].glh }
        let aLevelCount = technicals.isEmpty ? 3 : size >= 720 ? 1 : 2
        for q in technicals { addTechnical(candidate: c, qualification: q, completing: true, ability: ability) }
        var aLevels = DemoCatalogue.aLevels
        for _ in 0..<aLevelCount {
            let q = aLevels.remove(at: rng.below(aLevels.count))
            addGeneral(candidate: c, qualification: q, ability: ability)
        }
    }

    // MARK: GCSE and A level

    /// A Summer 2024 entry with its result: a grade drawn from national-like shares, or now and
    /// then `X`, `Q` or no result row at all; sometimes a post-results request.
    mutating func addGeneral(candidate c: Int32, qualification q: Int, ability: Double) {
        addEntry(candidate: c, qualification: q, series: summer2024, completion: summer2024)
        let gcse = DemoCatalogue.qualifications[q].type == "GCSE"
        let r = rng.fraction()
        if r < 0.006 {
            if rng.chance(0.3) { addMissingResultRequest(candidate: c, qualification: q) }
            return
        }
        if r < 0.011 { addResult(candidate: c, qualification: q, series: summer2024, grade: noResult); return }
        if r < 0.020 { addResult(candidate: c, qualification: q, series: summer2024, grade: pending); return }
        var scale = gcse ? gcseGrades : aLevelGrades
        var g = draw(gcse ? CentreBuilder.gcseCumulative : CentreBuilder.aLevelCumulative, ability: ability)
        if q == DemoCatalogue.gcseScience {
            // The double grade with the drawn grade first: g-g for even candidate rows, else
            // g-(g-1) (no draw of its own, so the rest of the centre is as it was).
            scale = combinedGrades
            g = g == 0 ? 0 : (c % 2 == 0 || g == 1 ? 2 * g - 1 : 2 * g - 2)
        }
        addResult(candidate: c, qualification: q, series: summer2024, grade: scale[g])
        if rng.chance(0.03) { addRequest(candidate: c, qualification: q, scale: scale, grade: g) }
    }

    // MARK: Cambridge Technicals

    /// An entry with its unit rows and, when completing this summer and eligible, its result.
    mutating func addTechnical(candidate c: Int32, qualification q: Int, completing: Bool, ability: Double) {
        let qual = DemoCatalogue.qualifications[q]
        var units: [Int] = []
        var optional: [Int] = []
        var hours = 0
        for (i, u) in qual.units.enumerated() {
            if u.mandatory { units.append(i); hours += u.glh } else { optional.append(i) }
        }
        while hours < qual.glh, !optional.isEmpty {
            let i = optional.remove(at: rng.below(optional.count))
            units.append(i)
            hours += qual.units[i].glh
        }
        guard completing else { addInProgress(candidate: c, qualification: q, units: units, ability: ability); return }

        // Most entries are on track; about one in twenty is at risk.
        let r = rng.fraction()
        let mandatory = units.filter { qual.units[$0].mandatory }
        let mandatoryExams = mandatory.filter { qual.units[$0].exam }
        var fates = [UnitFate](repeating: .normal, count: units.count)
        var noActivity = false
        if r < 0.010 {
            noActivity = true
        } else if r < 0.025 {
            fates[units.firstIndex(of: rng.pick(mandatory))!] = .fail
        } else if r < 0.035, !mandatoryExams.isEmpty {
            fates[units.firstIndex(of: rng.pick(mandatoryExams))!] = .absent
        } else if r < 0.042 {
            fates[units.firstIndex(of: rng.pick(mandatory))!] = .missing
        } else if r < 0.050, units.count > mandatory.count {
            units.removeLast()
            fates.removeLast()
        }
        let atRisk = noActivity || fates.contains { $0 != .normal }
        || units.reduce(0, { $0 + qual.units[$1].glh }) < qual.glh
        addEntry(candidate: c, qualification: q, series: summer2024, completion: summer2024,
                 acknowledged: rng.chance(atRisk ? 0.15 : 0.005))
        if noActivity { return }

        let firstRow = store.achievements.count
        var points = 0, weight = 0, open = false
        var earlyUnits = 0 // units 1 and 2 passed by January 2024 (the IT Certificate top-up)
        for (k, u) in units.enumerated() {
            let history = addUnitHistory(candidate: c, qualification: q, unit: u, fate: fates[k], ability: ability)
            points += history.grade * qual.units[u].glh
            weight += qual.units[u].glh
            open = open || history.open
            if u < 2, history.grade > 0, history.lastSeries <= 1 { earlyUnits += 1 }
        }
        if q == DemoCatalogue.itExtended, earlyUnits == 2, rng.chance(0.4) {
            addTopUpCertificate(candidate: c, fromRow: firstRow)
        }
        if atRisk { return } // not eligible: the awarding body issues no result
        let r2 = rng.fraction()
        if r2 < 0.01 {
            if rng.chance(0.5) { addMissingResultRequest(candidate: c, qualification: q) }
            return
        }
        if open || r2 < 0.02 {
            addResult(candidate: c, qualification: q, series: summer2024, grade: open ? pending : noResult)
            return
        }
        let mean = Double(points) / Double(max(weight, 1)) // 1 = all P ... 3 = all D
        let scale = qual.isDoubleGraded ? doubleGrades : singleGrades
        let g: Int
        if qual.isDoubleGraded {
            g = min(6, max(0, Int((mean - 1) / 2 * 7)))
        } else {
            g = mean < 1.6 ? 0 : mean < 2.2 ? 1 : mean < 2.75 ? 2 : 3
        }
        addResult(candidate: c, qualification: q, series: summer2024, grade: scale[g])
        if rng.chance(0.03) { addRequest(candidate: c, qualification: q, scale: scale, grade: g) }
    }

    /// Series in order: 0 Summer 2023, 1 January 2024, 2 Summer 2024.
    func series(_ i: Int) -> Int32 { i == 0 ? summer2023 : i == 1 ? january2024 : summer2024 }

    /// One unit's rows for a candidate completing this summer, with resits and absences along the way.
    /// Returns the best pass grade (0 when none), whether a claim is still open, and the last series used.
    mutating func addUnitHistory(candidate c: Int32, qualification q: Int, unit u: Int, fate: UnitFate,
                                 ability: Double) -> (grade: Int, open: Bool, lastSeries: Int) {
        let exam = DemoCatalogue.qualifications[q].units[u].exam
        func row(_ b: inout CentreBuilder, _ s: Int, _ status: AchievementStatus, _ grade: Int = -1) {
            b.addAchievement(candidate: c, qualification: q, unit: u, series: b.series(s), status: status,
                             grade: grade >= 0 ? b.unitGrades[grade] : 0)
        }
        switch fate {
        case .missing:
            return (0, false, 0)
        case .fail:
            if exam && rng.chance(0.5) { row(&self, rng.below(2), .achieved, 0) }
            row(&self, 2, .achieved, 0)
            return (0, false, 2)
        case .absent:
            if rng.chance(0.3) { row(&self, rng.below(2), .achieved, 0) }
            row(&self, 2, .absent)
            return (0, false, 2)
        case .normal:
            break
        }
        if !exam {
            let s = rng.chance(0.25) ? 1 : 2
            if s == 2 && rng.chance(0.015) { row(&self, 2, .claimed); return (0, true, 2) }
            let g = passGrade(ability)
            row(&self, s, .achieved, g)
            return (g, false, s)
        }
        let r = rng.fraction()
        if r < 0.80 {
            let s = rng.below(3), g = passGrade(ability)
            row(&self, s, .achieved, g)
            return (g, false, s)
        }
        let first = rng.below(2), resit = first + 1 + rng.below(2 - first)
        let g = passGrade(ability)
        if r < 0.89 {
            row(&self, first, .achieved, 0)       // a U, then a pass
        } else if r < 0.94 {
            row(&self, first, .absent)            // absent, then sat later
        } else {
            row(&self, first, .achieved, 1)       // a pass, then resat to improve
            row(&self, resit, .achieved, max(g, 2))
            return (max(g, 2), false, resit)
        }
        row(&self, resit, .achieved, g)
        return (g, false, resit)
    }

    /// A year 12 entry completing Summer 2025: some exams taken, some entered for January 2025,
    /// a few centre-assessed units already moderated.
    mutating func addInProgress(candidate c: Int32, qualification q: Int, units: [Int], ability: Double) {
        addEntry(candidate: c, qualification: q, series: summer2024, completion: summer2025)
        let qual = DemoCatalogue.qualifications[q]
        for u in units {
            let r = rng.fraction()
            if qual.units[u].exam {
                if r < 0.40 {
                    let grade = rng.chance(0.08) ? 0 : passGrade(ability)
                    addAchievement(candidate: c, qualification: q, unit: u, series: rng.chance(0.5) ? january2024 : summer2024,
                                   status: .achieved, grade: unitGrades[grade])
                } else if r < 0.75 {
                    addAchievement(candidate: c, qualification: q, unit: u, series: january2025, status: .entered)
                }
            } else if r < 0.20 {
                addAchievement(candidate: c, qualification: q, unit: u, series: summer2024, status: .achieved,
                               grade: unitGrades[passGrade(ability)])
            }
        }
    }

    /// The IT Certificate, completed on the way to the Extended Certificate: its own entry, the
    /// rows of units 1 and 2 under it, a final result and a certificate received (often issued).
    mutating func addTopUpCertificate(candidate c: Int32, fromRow first: Int) {
        let cert = DemoCatalogue.itCertificate
        let unit1 = unitRows[DemoCatalogue.itExtended][0], unit2 = unitRows[DemoCatalogue.itExtended][1]
        var completesInJanuary = false, best = [0, 0]
        for row in first..<store.achievements.count {
            let unit = store.achievements.unit[row]
            guard unit == unit1 || unit == unit2 else { continue }
            let series = store.achievements.series[row], grade = store.achievements.grade[row]
            if series == january2024 { completesInJanuary = true }
            addAchievement(candidate: c, qualification: cert, unit: unit == unit1 ? 0 : 1, series: series,
                           status: store.achievements.status[row], grade: grade)
            if let g = unitGrades.firstIndex(of: grade) { best[unit == unit1 ? 0 : 1] = max(best[unit == unit1 ? 0 : 1], g) }
        }
        let mean = Double(best[0] + best[1]) / 2
        let completion = completesInJanuary ? january2024 : summer2023
        addEntry(candidate: c, qualification: cert, series: completion, completion: completion)
        addResult(candidate: c, qualification: cert, series: completion,
                  grade: singleGrades[mean < 1.6 ? 0 : mean < 2.2 ? 1 : mean < 2.75 ? 2 : 3], final: true)
        let received = completesInJanuary ? CentreBuilder.day(2024, 3, 14) : CentreBuilder.day(2023, 10, 19)
        let arrived = received.adding(days: rng.below(10))
        addCertificate(candidate: c, qualification: cert, series: completion, received: arrived,
                       issued: rng.chance(0.65) ? arrived.adding(days: 5 + rng.below(50)) : .blank)
    }

    // MARK: Post-results requests

    /// The last day for a service's request in Summer 2024 (the built-in calendar's deadlines).
    static func deadline(_ service: Service) -> Day {
        switch service {
        case .priorityReviewOfMarking: return day(2024, 8, 22)
        case .priorityCopyOfScript: return day(2024, 8, 29)
        default: return day(2024, 9, 26)
        }
    }

    /// A request about a result of grade `g` on `scale`: the service suits the qualification
    /// (priority services at level 3, review of moderation and priority copies for Cambridge
    /// Technicals); dates follow results day; some lack consent, some are not yet submitted, some
    /// have an outcome, and a few confirmed ones go on to appeal.
    mutating func addRequest(candidate c: Int32, qualification q: Int, scale: [Int32], grade g: Int) {
        let qual = DemoCatalogue.qualifications[q]
        let levelThree = qual.level == "3"
        let r = rng.fraction()
        let service: Service
        var component: Int32 = 0
        switch qual.type {
        case "GCSE":
            service = r < 0.3 ? .clericalRecheck : r < 0.8 ? .reviewOfMarking : .copyOfScript
        case "A Level":
            service = r < 0.15 ? .clericalRecheck : r < 0.6 ? .reviewOfMarking : r < 0.85 ? .priorityReviewOfMarking : .copyOfScript
        default:
            service = r < 0.4 ? .reviewOfMarking : r < 0.6 ? .priorityReviewOfMarking : r < 0.8 ? .reviewOfModeration : .priorityCopyOfScript
            let wanted = service != .reviewOfModeration
            let fitting = qual.units.indices.filter { qual.units[$0].exam == wanted }
            component = unitCode(q, rng.pick(fitting))
        }
        let start = levelThree ? CentreBuilder.day(2024, 8, 15) : CentreBuilder.day(2024, 8, 22)
        let deadline = CentreBuilder.deadline(service)
        let span = min(Int(deadline.number - start.number) + 1, 30)
        let requested = start.adding(days: min(rng.below(span), rng.below(span)))
        var consent = Day.blank, submitted = Day.blank
        if service.needsConsent {
            if rng.chance(0.88) { consent = requested.adding(days: rng.below(3)) }
        }
        if (consent != .blank || !service.needsConsent) && rng.chance(0.75) {
            let ready = max(requested, consent == .blank ? requested : consent)
            // By the deadline, unless consent came after it (then late, but never before consent).
            submitted = max(ready, min(deadline, ready.adding(days: rng.below(3))))
        }
        var outcome = ReviewOutcome.none, outcomeDate = Day.blank, newGrade: Int32 = 0
        if service.isReviewOfResults, submitted != .blank, rng.chance(0.6) {
            outcomeDate = submitted.adding(days: service == .priorityReviewOfMarking ? 3 + rng.below(5) : 8 + rng.below(14))
            let o = rng.fraction()
            if o < 0.19 && g + 1 < scale.count {
                outcome = .raised; newGrade = scale[g + 1]
            } else if o > 0.97 && g > 0 {
                outcome = .lowered; newGrade = scale[g - 1]
            } else {
                outcome = .confirmed
            }
        }
        addReview(candidate: c, qualification: q, component: component, service: service, requested: requested,
                  consent: consent, submitted: submitted, outcome: outcome, outcomeDate: outcomeDate, newGrade: newGrade)
        guard outcome == .confirmed, rng.chance(0.08) else { return }
        // A preliminary appeal within 30 days of the outcome, now and then taken to a hearing.
        let asked = outcomeDate.adding(days: 3 + rng.below(20))
        let sent = rng.chance(0.5) ? asked.adding(days: 2) : Day.blank
        let decided = sent != .blank && rng.chance(0.5) ? sent.adding(days: 20) : Day.blank
        addReview(candidate: c, qualification: q, component: component, service: .appeal1, requested: asked,
                  consent: asked, submitted: sent, outcome: decided == .blank ? .none : .confirmed, outcomeDate: decided)
        if decided != .blank, rng.chance(0.3) {
            let again = decided.adding(days: 3 + rng.below(8))
            addReview(candidate: c, qualification: q, component: component, service: .appeal2, requested: again, consent: again)
        }
    }

    /// A missing or incomplete result enquiry for an entry with no result row.
    mutating func addMissingResultRequest(candidate c: Int32, qualification q: Int) {
        let levelThree = DemoCatalogue.qualifications[q].level == "3"
        let requested = (levelThree ? CentreBuilder.day(2024, 8, 15) : CentreBuilder.day(2024, 8, 22)).adding(days: rng.below(10))
        addReview(candidate: c, qualification: q, service: .missingResult, requested: requested, consent: requested,
                  submitted: rng.chance(0.6) ? requested.adding(days: 1) : .blank)
    }
}
