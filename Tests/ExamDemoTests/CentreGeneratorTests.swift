import Testing
import ExamStore
@testable import ExamDemo

@Suite struct CentreGeneratorTests {
    @Test func sameSeedGivesTheSameStore() {
        let a = CentreGenerator(candidates: 1500, seed: 7).make()
        let b = CentreGenerator(candidates: 1500, seed: 7).make()
        #expect(a.candidates.count == 1500)
        #expect(StoreChecks.sameColumns(a, b))
    }

    @Test func differentSeedsGiveDifferentCentres() {
        let a = CentreGenerator(candidates: 500, seed: 1).make()
        let b = CentreGenerator(candidates: 500, seed: 2).make()
        #expect(!StoreChecks.sameColumns(a, b))
        #expect(a.candidates.surname != b.candidates.surname)
        #expect(a.entries.count != b.entries.count || a.entries.qualification != b.entries.qualification)
    }

    @Test func twentyThousandCandidatesScale() {
        let s = CentreGenerator(candidates: 20_000, seed: 42).make()
        #expect(s.candidates.count == 20_000)
        #expect(s.entries.count >= s.candidates.count)
        #expect(s.results.count >= s.candidates.count)
        #expect(s.achievements.count >= s.candidates.count)
        #expect(s.reviews.count >= 100)
        #expect(s.certificates.count >= 100)
        // 2,000 candidates a centre: ten centres, each numbering its candidates 0001-2000.
        #expect(s.centres.count == 10)
        #expect(s.candidateByKey.count == 20_000)
        #expect(s.pool[s.candidates.number[1999]] == "2000" && s.pool[s.candidates.number[2000]] == "0001")
        #expect(StoreChecks.brokenReferences(s).isEmpty)
    }

    @Test func identifiersAreValidAndUnique() {
        let s = CentreGenerator(candidates: 3000, seed: 9).make()
        var ucis = Set<Int32>()
        for i in 0..<s.candidates.count {
            #expect(Identifiers.isValidUCI(s.pool[s.candidates.uci[i]]), "row \(i)")
            #expect(Identifiers.isValidULN(s.pool[s.candidates.uln[i]]), "row \(i)")
            ucis.insert(s.candidates.uci[i])
        }
        #expect(ucis.count == 3000)
    }

    /// GCSE grades should look like a real cohort: near JCQ's 21.8% at 7+ and 67.6% at 4+.
    @Test func gcseGradesFollowNationalShares() {
        let s = CentreGenerator(candidates: 20_000, seed: 3).make()
        let gcse = s.pool.lookup("GCSE")!
        var graded = 0, sevenPlus = 0, fourPlus = 0
        for r in 0..<s.results.count where s.qualifications.type[Int(s.results.qualification[r])] == gcse {
            guard let g = Int(s.pool[s.results.grade[r]]) else { continue }
            graded += 1
            if g >= 7 { sevenPlus += 1 }
            if g >= 4 { fourPlus += 1 }
        }
        let seven = Double(sevenPlus) / Double(graded), four = Double(fourPlus) / Double(graded)
        #expect(graded > 10_000)
        #expect(abs(seven - 0.218) < 0.02)
        #expect(abs(four - 0.676) < 0.02)
    }
}

@Suite struct IdentifierMakingTests {
    @Test(arguments: [("64123", 1), ("64123", 42), ("72042", 2000), ("10000", 9999)])
    func uciCheckLetterAgreesWithIdentifiers(centre: String, number: Int) {
        let uci = CentreBuilder.uci(centre: centre, year: 24, number: number)
        let first12 = String(uci.prefix(12))
        #expect(first12 == centre + "024" + CentreBuilder.digits(number, width: 4))
        #expect(uci.last == Identifiers.uciCheckLetter(first12))
        #expect(Identifiers.isValidUCI(uci))
    }

    @Test func ulnsPassTheirCheck() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<1000 { #expect(Identifiers.isValidULN(CentreBuilder.uln(&rng))) }
    }

    @Test func centreNumbersAreDistinctFiveDigitNumbers() {
        let numbers = (0..<5000).map(CentreGenerator.centreNumber)
        #expect(numbers[0] == "64123")
        #expect(Set(numbers).count == 5000)
        #expect(numbers.allSatisfy { $0.utf8.count == 5 })
    }
}
