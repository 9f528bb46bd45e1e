import Foundation
import Testing

/// `exq generate` and `--timing`, through the real binary.
@Suite struct GenerateAndTimingTests {
    static func temporaryFolder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("exq-\(name)-\(UUID().uuidString)")
    }

    /// Every file of a pack folder, by name, as bytes.
    static func files(in dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            out[name] = try Data(contentsOf: dir.appendingPathComponent(name))
        }
        return out
    }

    @Test func generateWritesAPackThatLoads() throws {
        let dir = Self.temporaryFolder("gen")
        defer { try? FileManager.default.removeItem(at: dir) }
        let g = try ExqProcess.run(["generate", "--candidates", "2500", "--seed", "7", dir.path])
        #expect(g.status == 0, "\(g.stderr)")
        #expect(g.stdout.isEmpty)
        #expect(g.stderr.hasPrefix("Wrote a generated centre (2,500 candidates, seed 7) to \(dir.path)"))
        #expect(g.stderr.contains("candidates.csv (2,500)"))
        let names = Set(try Self.files(in: dir).keys)
        #expect(names.isSuperset(of: ["candidates.csv", "qualifications.csv", "units.csv", "entries.csv", "achievements.csv",
                                      "results.csv", "reviews.csv", "calendar.csv"]))
        let o = try ExqProcess.run(["--pack", dir.path, "--format", "csv", "-c", "candidates | count", "-c", "candidates | distinct centre | count"])
        #expect(o.status == 0, "\(o.stderr)")
        // 2,500 candidates: past 2,000 a second centre starts.
        #expect(o.stdout == "count\n2500\ncount\n2\n")
    }

    @Test func theSameSeedWritesTheSameBytes() throws {
        let a = Self.temporaryFolder("seed-a"), b = Self.temporaryFolder("seed-b"), c = Self.temporaryFolder("seed-c")
        defer { for d in [a, b, c] { try? FileManager.default.removeItem(at: d) } }
        for (dir, seed) in [(a, "3"), (b, "3"), (c, "4")] {
            #expect(try ExqProcess.run(["generate", "--candidates", "400", "--seed", seed, dir.path]).status == 0)
        }
        let fa = try Self.files(in: a), fb = try Self.files(in: b), fc = try Self.files(in: c)
        #expect(!fa.isEmpty)
        #expect(fa == fb)
        #expect(fa["candidates.csv"] != fc["candidates.csv"])
    }

    @Test func generateBadUsageExitsTwo() throws {
        let missing = try ExqProcess.run(["generate", "/tmp/exq-never-written"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--candidates"))
        #expect(try ExqProcess.run(["generate", "--candidates", "0", "/tmp/exq-never-written"]).status == 2)
        #expect(try ExqProcess.run(["generate", "--candidates", "ten", "/tmp/exq-never-written"]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/exq-never-written"))
        // The root command is unchanged: a script path as the first argument still runs.
        #expect(try ExqProcess.run(["Examples/no-such-script.exq"]).status == 1)
    }

    /// Whether `line` is a timing line: `time: load 0.012 s, plan 0.000 s, run 0.003 s`.
    static func isTimingLine(_ line: Substring) -> Bool {
        let parts = line.split(separator: " ")
        guard parts.count == 10, parts[0] == "time:", parts[1] == "load", parts[4] == "plan", parts[7] == "run" else { return false }
        return [parts[2], parts[5], parts[8]].allSatisfy { n in
            n.split(separator: ".").count == 2 && n.split(separator: ".")[1].count == 3 && Double(n) != nil
        } && parts[3] == "s," && parts[6] == "s," && parts[9] == "s"
    }

    @Test func timingPrintsEachCommandsTimesToStderr() throws {
        let plain = try ExqProcess.run(["--demo", "-c", "candidates | count", "-c", "entries | count"])
        let timed = try ExqProcess.run(["--demo", "--timing", "-c", "candidates | count", "-c", "entries | count"])
        #expect(timed.status == 0)
        #expect(timed.stdout == plain.stdout)
        #expect(!plain.stderr.contains("time:"))
        let lines = timed.stderr.split(separator: "\n")
        // --demo loads the demo as a statement of its own, then the two commands.
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { Self.isTimingLine($0) })
    }

    @Test func setTimingTurnsItOnAndOff() throws {
        let o = try ExqProcess.run(["--demo", "-c", "set timing on", "-c", "candidates | count", "-c", "set timing off", "-c", "entries | count"])
        #expect(o.status == 0)
        #expect(o.stdout == "300\n735\n")
        // `set timing on` itself, then the query; `set timing off` and after print none.
        #expect(o.stderr.split(separator: "\n").filter { Self.isTimingLine($0) }.count == 2)
        let bad = try ExqProcess.run(["--demo", "-c", "set timing sometimes"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("expected 'set timing on' or 'set timing off'"))
    }

    @Test func timingCountsALoadAsLoad() throws {
        let dir = Self.temporaryFolder("timing-pack")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try ExqProcess.run(["generate", "--candidates", "50", dir.path]).status == 0)
        let o = try ExqProcess.run(["--timing", "-c", "load \(dir.path)", "-c", "candidates | count"])
        #expect(o.status == 0, "\(o.stderr)")
        let lines = o.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("Loaded 50 candidates"))
        #expect(Self.isTimingLine(Substring(lines[1])))
        #expect(Self.isTimingLine(Substring(lines[2])))
    }
}
