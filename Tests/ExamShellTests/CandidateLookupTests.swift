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
}
