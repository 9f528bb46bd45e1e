import Testing
import ExamStore

/// DOMAIN.md "Post-results requests" (checks on every request) and "Certificates", on loaded
/// rows (DATA-PACK.md: the checks apply to every row loaded): each breach an error at its file,
/// line and column, and the pack does not load.
@Suite struct PackTrackingChecksTests {
    static let qualifications = """
        qualification,title,type,level,size,glh,awarding_body
        05839,IT,Cambridge Technical,3,Extended Certificate,360,OCR
        J560,Mathematics,GCSE,1/2,,,OCR
        H040,Further Maths,AS Level,3,,,OCR
        H240,Mathematics,A Level,3,,,OCR
        """
    static let entries = """
        candidate,qualification,series
        42,05839,Summer 2024
        42,J560,Summer 2024
        42,H040,Summer 2024
        42,H240,Summer 2024
        7,05839,Summer 2024
        """
    static let header = "id,candidate,qualification,component,service,requested,consent,submitted,outcome,outcome_date,new_grade,fee\n"

    func errors(reviews: String? = nil, certificates: String? = nil) -> [Diagnostic] {
        var files = SamplePack.with(["qualifications.csv": Self.qualifications, "entries.csv": Self.entries])
        if let reviews { files["reviews.csv"] = Self.header + reviews }
        if let certificates { files["certificates.csv"] = "candidate,qualification,series,received,issued,destroyed\n" + certificates }
        let pack = PackFixture(files)
        return loadErrors(pack.directory) ?? []
    }

    @Test func theSamePackWithValidRequestsLoads() {
        #expect(errors(reviews: "R1,42,H240,,2P,2024-08-16,2024-08-16,2024-08-16,raised,2024-08-19,A*,\nR2,7,05839,,2P,2024-08-16,,2024-08-16,,,,\n").isEmpty)
    }

    @Test func aPriorityReviewOfAGCSEOrAnASLevelIsAnErrorAtItsService() {
        let e = errors(reviews: "R1,42,J560,,2P,2024-08-23,,,,,,\nR2,42,H040,,2P,2024-08-16,,,,,,\n")
        #expect(e.map(place) == ["reviews.csv:2:13", "reviews.csv:3:13"])
        #expect(e.first?.message.contains("a priority review of marking (2P) is for A level and level 3 vocational qualifications only, not AS or GCSE") == true)
    }

    @Test func anOutcomeBeforeItsRequestOrSubmissionIsAnErrorAtTheOutcomeDate() {
        // Column 45 is outcome_date in "R1,42,H240,,2,2024-08-23,,2024-08-24,raised,2024-08-20,...".
        let e = errors(reviews: "R1,42,H240,,2,2024-08-23,,2024-08-24,raised,2024-08-20,A,\nR2,42,H240,,2,2024-08-23,,,confirmed,2024-08-20,,\n")
        #expect(e.map(place) == ["reviews.csv:2:45", "reviews.csv:3:38"])
        #expect(e.first?.message == "outcome_date 20/08/2024 is before submitted 24/08/2024")
        #expect(e.last?.message == "outcome_date 20/08/2024 is before requested 23/08/2024")
    }

    @Test func aCopyOfAScriptSubmittedBeforeItWasRequestedIsAnError() {
        let e = errors(reviews: "R1,42,H240,,ATS,2024-08-23,2024-08-21,2024-08-22,,,,\n")
        #expect(e.map(place) == ["reviews.csv:2:39"])
        #expect(e.first?.message == "submitted 22/08/2024 is before requested 23/08/2024")
    }

    @Test func consentAfterSubmissionIsAnError() {
        let e = errors(reviews: "R1,42,H240,,2,2024-08-16,2024-08-20,2024-08-18,,,,\n")
        #expect(e.map(place) == ["reviews.csv:2:37"])
        #expect(e.first?.message == "submitted 18/08/2024 is before consent 20/08/2024")
    }

    @Test func aRequestForAQualificationTheCandidateWasNotEnteredForIsAnErrorAtTheQualification() {
        // Liam (7) is entered for 05839 only.
        let e = errors(reviews: "R1,42,H240,,2,2024-08-16,,,,,,\nR2,7,J560,,1,2024-08-23,,,,,,\n")
        #expect(e.map(place) == ["reviews.csv:3:6"])
        #expect(e.first?.message == "7 O'BRIEN, JR: Liam has no entry for J560: a request is about a qualification the candidate was entered for")
        #expect(e.first?.sourceLine == "R2,7,J560,,1,2024-08-23,,,,,,")
        #expect(e.first?.length == 4)
    }

    @Test func aCertificateIssuedBeforeItArrivedIsAnErrorAtIssued() {
        let e = errors(certificates: "42,05839,Summer 2024,2024-11-20,2024-11-19,\n")
        #expect(e.map(place) == ["certificates.csv:2:33"])
        #expect(e.first?.message == "issued 19/11/2024 is before received 20/11/2024")
    }

    @Test func aCertificateDestroyedBeforeTwelveMonthsAfterReceiptIsAnError() {
        // Received 20 Nov 2024: kept until 20 Nov 2025; destroyed on 19 Nov 2025 is a day early,
        // on 20 Nov 2025 is allowed.
        let early = errors(certificates: "42,05839,Summer 2024,2024-11-20,,2025-11-19\n")
        #expect(early.map(place) == ["certificates.csv:2:34"])
        #expect(early.first?.message == "destroyed on 19/11/2025, before the 12 months a certificate received on 20/11/2024 must be kept (until 20/11/2025)")
        #expect(errors(certificates: "42,05839,Summer 2024,2024-11-20,,2025-11-20\n").isEmpty)
    }

    @Test func anIssuedCertificateCannotHaveBeenDestroyed() {
        let e = errors(certificates: "42,05839,Summer 2024,2023-11-20,2023-12-01,2025-01-10\n")
        #expect(e.map(place) == ["certificates.csv:2:44"])
        #expect(e.first?.message.hasPrefix("a certificate issued on 01/12/2023 cannot have been destroyed") == true)
    }
}
