import Testing
import ExamStore
@testable import ExamDemo

@Suite struct DemoCentreTests {
    let demo = DemoCentre.make()

    func day(_ text: String) -> Day { Day(parsing: text)! }
    func id(_ text: String) -> Int32 { demo.pool.lookup(text) ?? -1 }
    func candidate(_ number: String) -> Int32 { demo.candidate(number: number)! }
    func entries(of number: String, _ code: String) -> [Int] {
        let q = demo.qualification(code: code)!
        return demo.entriesByCandidate[candidate(number)].map(Int.init).filter { demo.entries.qualification[$0] == q }
    }

    @Test func everyMakeGivesTheSameStore() {
        #expect(StoreChecks.sameColumns(demo, DemoCentre.make()))
    }

    @Test func isOneCentreOfAFewHundredCandidates() {
        #expect(demo.candidates.count >= 250 && demo.candidates.count <= 400)
        #expect(demo.centres.map { demo.pool[$0] } == ["64123"])
        #expect(demo.source == "the demo centre")
        #expect(demo.candidateByKey.count == demo.candidates.count) // numbers are unique
        #expect(demo.pool[demo.candidates.number[0]] == "0001")
        #expect(demo.formalName(candidate: candidate("7")) == "HASSAN: Ali")
        #expect(demo.calendar.count > 0)
    }

    @Test func everyIdentifierPassesItsCheck() {
        for i in 0..<demo.candidates.count {
            #expect(Identifiers.isValidUCI(demo.pool[demo.candidates.uci[i]]), "UCI of row \(i)")
            #expect(Identifiers.isValidULN(demo.pool[demo.candidates.uln[i]]), "ULN of row \(i)")
        }
    }

    @Test func everyRowPointsAtRowsThatExist() {
        #expect(StoreChecks.brokenReferences(demo) == [])
    }

    @Test func everyServiceAppearsInReviews() {
        for service in Service.allCases {
            #expect(demo.reviews.service.contains(service), "\(service.code)")
        }
        let ids = Set(demo.reviews.id)
        #expect(ids.count == demo.reviews.count)
        #expect(demo.review(id: "R001") != nil)
    }

    @Test func hasResultsToChase() {
        #expect(demo.results.grade.contains(id("X")))
        #expect(demo.results.grade.contains(id("Q")))
        // Summer 2024 entries with no result row, at level 3 and at GCSE.
        let summer = id("Summer 2024")
        var missingLevels = Set<String>()
        for e in 0..<demo.entries.count where demo.entries.completion[e] == summer {
            let c = demo.entries.candidate[e], q = demo.entries.qualification[e]
            if !StoreChecks.hasResult(demo, candidate: c, qualification: q, series: summer) {
                missingLevels.insert(demo.pool[demo.qualifications.level[Int(q)]])
            }
        }
        #expect(missingLevels.contains("3"))
        #expect(missingLevels.contains("2"))
    }

    @Test func hasTheUnitRowsThatEligibilityNeeds() {
        let technical = id("Cambridge Technical")
        let withoutRows = (0..<demo.entries.count).filter { e in
            demo.qualifications.type[Int(demo.entries.qualification[e])] == technical
                && !StoreChecks.hasAchievement(demo, candidate: demo.entries.candidate[e], qualification: demo.entries.qualification[e])
        }
        #expect(!withoutRows.isEmpty)
        let absentFromMandatoryExam = (0..<demo.achievements.count).contains { r in
            let u = Int(demo.achievements.unit[r])
            return demo.achievements.status[r] == .absent && demo.units.mandatory[u] && demo.units.assessment[u] == .exam
        }
        #expect(absentFromMandatoryExam)
        for status in AchievementStatus.allCases { #expect(demo.achievements.status.contains(status), "\(status.name)") }
        #expect(Set(demo.entries.completion).isSuperset(of: [id("Summer 2024"), id("Summer 2025")]))
        #expect(demo.entries.acknowledged.contains(true))
    }

    @Test(arguments: [
        ("0001", "05839", [String]()), ("0002", "05835", []), ("0003", "05827", []),
        ("0007", "05839", ["No activity"]),
        ("0008", "05835", ["Mandatory unit not yet achieved"]),
        ("0009", "05839", ["Mandatory unit not yet achieved"]),
        ("0010", "05839", ["Mandatory unit not yet achieved", "Absent from a mandatory examined unit"]),
        ("0011", "05839", ["Not enough guided learning hours (GLH)"]),
        ("0012", "05827", ["Mandatory unit not yet achieved", "Absent from a mandatory examined unit", "Not enough guided learning hours (GLH)"]),
        ("0013", "05835", ["Mandatory unit not yet achieved"]),
        ("0014", "05847", ["Mandatory unit not yet achieved", "Not enough guided learning hours (GLH)"]),
        ("0015", "05847", []),
    ])
    func storyShowsItsEligibility(number: String, code: String, reasons: [String]) {
        let e = entries(of: number, code).last!
        #expect(EligibilityOracle.reasons(demo, entry: e) == reasons)
    }

    @Test func storiesScopeAndAcknowledgementAreAsTold() {
        #expect(demo.entries.acknowledged[entries(of: "0013", "05835").last!])
        #expect(!demo.entries.acknowledged[entries(of: "0012", "05827").last!])
        #expect(demo.entries.completion[entries(of: "0014", "05847").last!] == id("Summer 2025"))
    }

    @Test func mostLevel3EntriesInScopeAreOnTrack() {
        let summer = id("Summer 2024"), technical = id("Cambridge Technical")
        var inScope = 0, atRisk = 0
        for e in 0..<demo.entries.count
        where demo.entries.completion[e] == summer && demo.qualifications.type[Int(demo.entries.qualification[e])] == technical {
            inScope += 1
            if !EligibilityOracle.reasons(demo, entry: e).isEmpty { atRisk += 1 }
        }
        #expect(inScope > 50)
        #expect(atRisk >= 6 && atRisk * 5 < inScope)
    }

    @Test func requestsAreDueOverdueAndOpenAroundResultsWeek() {
        let r = demo.reviews
        // A priority review due this week: deadline 22 Aug, requested, not submitted.
        #expect((0..<r.count).contains { r.service[$0] == .priorityReviewOfMarking && r.submitted[$0].isBlank
            && r.requested[$0] <= day("2024-08-19") })
        // A stage 1 appeal whose 30-day window from an earlier review's outcome is open on 22 Aug.
        let openAppeal = (0..<r.count).contains { a in
            guard r.service[a] == .appeal1, r.submitted[a].isBlank else { return false }
            return (0..<r.count).contains { v in
                r.service[v].isReviewOfResults && r.candidate[v] == r.candidate[a] && r.qualification[v] == r.qualification[a]
                    && !r.outcomeDate[v].isBlank && r.outcomeDate[v].adding(days: 30) >= day("2024-08-22")
                    && r.outcomeDate[v] <= day("2024-08-19")
            }
        }
        #expect(openAppeal)
        // Something overdue on 19 Aug: an appeal hearing unsubmitted 14 days after its stage 1 outcome.
        let overdue = (0..<r.count).contains { a in
            guard r.service[a] == .appeal2, r.submitted[a].isBlank else { return false }
            return (0..<r.count).contains { v in
                r.service[v] == .appeal1 && r.candidate[v] == r.candidate[a] && r.qualification[v] == r.qualification[a]
                    && !r.outcomeDate[v].isBlank && r.outcomeDate[v].adding(days: 14) < day("2024-08-19")
            }
        }
        #expect(overdue)
        #expect(r.consent.enumerated().contains { $0.element.isBlank && r.service[$0.offset].needsConsent })
        #expect(r.outcome.contains(.raised) && r.outcome.contains(.lowered) && r.outcome.contains(.confirmed))
        // Review of moderation needs no consent and never has one.
        #expect((0..<r.count).allSatisfy { r.service[$0] != .reviewOfModeration || r.consent[$0].isBlank })
    }

    @Test func certificatesAreReceivedIssuedAndDestroyed() {
        let c = demo.certificates
        #expect(c.count > 0 && c.received.allSatisfy { !$0.isBlank })
        #expect(c.issued.contains { !$0.isBlank })
        #expect(c.issued.contains { $0.isBlank })
        #expect(c.destroyed.contains { !$0.isBlank })
    }

    @Test func descriptionNamesTheStoriesAndWhatIsInvented() {
        let text = DemoCentre.description
        #expect(text.contains("0007 Ali HASSAN: no activity in IT Extended Certificate"))
        #expect(text.contains("Invented"))
        #expect(text.split(separator: "\n").count == 8 + DemoStories.all.count)
    }
}
