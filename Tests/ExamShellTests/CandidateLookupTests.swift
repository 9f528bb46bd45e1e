import Foundation
import Testing

/// DOMAIN.md "Identifiers": a candidate by number where one centre holds it, by CENTRE/NUMBER or
/// by UCI anywhere; a number several centres hold is an error listing them.
@Suite struct CandidateLookupTests {
    /// A trust of two centres, both with a candidate 0632.
    func trust() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exq-trust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try """
        centre,candidate,surname,forenames,uci
        64123,0632,Khan,Zara,641230240632B
        70001,0632,Lee,Ben,
        70001,0007,Ode,Ama,
        """.write(to: dir.appendingPathComponent("candidates.csv"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func aNumberTwoCentresHoldIsAnErrorListingTheChoices() throws {
        let dir = try trust()
        defer { try? FileManager.default.removeItem(at: dir) }
        let o = try ExqProcess.run(["-c", "load \(dir.path)", "-c", "why 0632"])
        #expect(o.status == 1)
        #expect(o.stderr.contains("2 centres have a candidate 0632: name one as CENTRE/NUMBER"))
        #expect(o.stderr.contains("64123/0632 KHAN: Zara, 70001/0632 LEE: Ben"))
    }

    @Test func centreSlashNumberAndAUCINameOneCandidate() throws {
        let dir = try trust()
        defer { try? FileManager.default.removeItem(at: dir) }
        let o = try ExqProcess.run(["-c", "load \(dir.path)", "-c", "why 70001/0632", "-c", "why 641230240632b", "-c", "why 7"])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stdout.contains("0632 LEE: Ben"))
        #expect(o.stdout.contains("0632 KHAN: Zara"))
        #expect(o.stdout.contains("0007 ODE: Ama"))  // held by one centre only
    }

    @Test func aCentreWithoutTheNumberOrAnUnknownUCIIsAnError() throws {
        let dir = try trust()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wrongCentre = try ExqProcess.run(["-c", "load \(dir.path)", "-c", "why 64123/0007"])
        #expect(wrongCentre.status == 1)
        #expect(wrongCentre.stderr.contains("no candidate 0007 at centre 64123"))
        #expect(wrongCentre.stderr.contains("centres with a candidate 0007: 70001"))
        let uci = try ExqProcess.run(["-c", "load \(dir.path)", "-c", "why 641230240633C"])
        #expect(uci.status == 1)
        #expect(uci.stderr.contains("no candidate has the UCI 641230240633C"))
    }

    /// A trust of two centres, both with a candidate 0042 entered for J560, with results and a certificate.
    func trustWithEntries() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exq-trust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let files = [
            "candidates.csv": "centre,candidate,surname,forenames,uci,dob\n64123,0042,Jones,Emily,641230240042Y,15/03/2007\n70001,0042,Lee,Ben,,02/09/2006\n",
            "qualifications.csv": "qualification,title,type,level\nJ560,Mathematics,GCSE,2\nH420,Biology A,A Level,3\n",
            "entries.csv": "centre,candidate,qualification,series,completion\n64123,0042,J560,Summer 2024,Summer 2024\n70001,0042,J560,Summer 2024,Summer 2024\n70001,0042,H420,Summer 2024,Summer 2024\n",
            "results.csv": "centre,candidate,qualification,series,grade\n64123,0042,J560,Summer 2024,5\n70001,0042,J560,Summer 2024,7\n70001,0042,H420,Summer 2024,B\n",
            "certificates.csv": "centre,candidate,qualification,series,received\n70001,0042,J560,Summer 2024,14/11/2024\n",
        ]
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func everyCommandThatTakesACandidateAcceptsCentreSlashNumberAndAUCI() throws {
        let dir = try trustWithEntries()
        defer { try? FileManager.default.removeItem(at: dir) }
        let o = try ExqProcess.run(["--today", "2024-12-01", "--pack", dir.path,
                                    "-c", "why 70001/0042", "-c", "why 641230240042Y",
                                    "-c", "statement 70001/0042", "-c", "statement 641230240042Y",
                                    "-c", "acknowledge 70001/0042 J560", "-c", "unacknowledge 641230240042Y J560",
                                    "-c", "set completion 70001/0042 H420 \"Summer 2025\"",
                                    "-c", "add review 70001/0042 H420 2 requested 2024-08-20 consent 2024-08-20",
                                    "-c", "update certificate 70001/0042 J560 set issued = today",
                                    "-c", "save session s.exq"], in: dir)
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stdout.contains("70001/0042 LEE: Ben\n"))
        #expect(o.stdout.contains("64123/0042 JONES: Emily, UCI 641230240042Y\n"))
        #expect(o.stdout.contains("Candidate: LEE: Ben\n"))
        #expect(o.stdout.contains("Candidate: JONES: Emily\n"))
        #expect(o.stdout.contains("Acknowledged 70001/0042 LEE: Ben for J560"))
        #expect(o.stdout.contains("Unacknowledged 64123/0042 JONES: Emily for J560"))
        #expect(o.stdout.contains("Estimated completion of 70001/0042 LEE: Ben for H420 is now Summer 2025"))
        #expect(o.stdout.contains("Added review R0001: review of marking for LEE: Ben, H420"))
        #expect(o.stdout.contains("Updated certificate of LEE: Ben for J560: issued = 01/12/2024"))
        // The changes replay as CENTRE/NUMBER, never the bare number two centres hold.
        let saved = try String(contentsOf: dir.appendingPathComponent("s.exq"), encoding: .utf8)
        #expect(saved.contains("acknowledge 70001/0042 J560\n"), "\(saved)")
        #expect(saved.contains("unacknowledge 64123/0042 J560\n"), "\(saved)")
        #expect(saved.contains("set completion 70001/0042 H420 \"Summer 2025\"\n"), "\(saved)")
        #expect(saved.contains("add review 70001/0042 H420 2 "), "\(saved)")
        #expect(saved.contains("update certificate 70001/0042 J560 \"Summer 2024\" set issued = 2024-12-01\n"), "\(saved)")
        try (saved + "entries | where acknowledged | show centre, candidate, qualification\ncertificates | show centre, candidate, issued\n")
            .write(to: dir.appendingPathComponent("replay.exq"), atomically: true, encoding: .utf8)
        let replay = try ExqProcess.run(["replay.exq"], in: dir)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.hasSuffix("70001   0042       J560\ncentre  candidate  issued\n──────  ─────────  ──────────\n70001   0042       01/12/2024\n"), "\(replay.stdout)")
    }

    @Test(arguments: ["why 0042", "statement 0042", "acknowledge 0042 J560", "unacknowledge 0042 J560",
                      "set completion 0042 J560 \"Summer 2025\"", "add review 0042 J560 2", "update certificate 0042 J560 set issued = today"])
    func aNumberTwoCentresHoldIsAnErrorInEveryCommand(statement: String) throws {
        let dir = try trustWithEntries()
        defer { try? FileManager.default.removeItem(at: dir) }
        let o = try ExqProcess.run(["--today", "2024-12-01", "--pack", dir.path, "-c", statement])
        #expect(o.status == 1)
        #expect(o.stderr.contains("2 centres have a candidate 0042: name one as CENTRE/NUMBER"), "\(o.stderr)")
        #expect(o.stderr.contains("64123/0042 JONES: Emily, 70001/0042 LEE: Ben"), "\(o.stderr)")
    }

    @Test func answersThatListCandidatesShowTheCentreFirstInATrust() throws {
        let dir = try trustWithEntries()
        defer { try? FileManager.default.removeItem(at: dir) }
        let o = try ExqProcess.run(["--today", "2024-12-01", "--pack", dir.path, "--format", "csv",
                                    "-c", "entries | where qualification = \"J560\"", "-c", "results | where grade = 7", "-c", "candidates | first 1"])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stdout.contains("centre,candidate,surname,forenames,qualification,title,series,completion,acknowledged,reasons\n64123,0042,Jones,Emily,J560,"))
        #expect(o.stdout.contains("\n70001,0042,Lee,Ben,J560,"))
        #expect(o.stdout.contains("centre,candidate,surname,forenames,qualification,title,series,grade,mark,status\n70001,0042,Lee,Ben,J560,"))
        #expect(o.stdout.contains("centre,candidate,surname,forenames,group,dob,uci,uln\n64123,0042,Jones,Emily,,2007-03-15,641230240042Y,\n"))
        // One centre (the demo): no centre column, as before.
        let demo = try ExqProcess.run(["--demo", "--format", "csv", "-c", "entries | first 1"])
        #expect(demo.stdout.hasPrefix("candidate,surname,"))
    }
}
