import Testing
import ExamStore

/// The pack fingerprint a saved session and the journal record: 16 hex digits per file, the same
/// for the same bytes, different when one byte (or the length) changes.
@Suite struct PackFingerprintTests {
    @Test func theHashIsSixteenHexDigitsAndFollowsEveryByte() {
        let text = Array("candidate,surname,forenames\n0042,Smith,Ann\n7,Lee,Liam\n".utf8)
        let hash = PackFingerprint.hash(text)
        #expect(hash.count == 16)
        #expect(hash.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(PackFingerprint.hash(text) == hash)
        var seen: Set<String> = [hash, PackFingerprint.hash([])]
        for i in [0, 7, 8, text.count - 1] {           // in a whole word and in the tail
            var changed = text
            changed[i] ^= 1
            seen.insert(PackFingerprint.hash(changed))
        }
        seen.insert(PackFingerprint.hash(text + [0]))
        seen.insert(PackFingerprint.hash(Array(text.dropLast())))
        #expect(seen.count == 8)
    }

    @Test func theTextRoundTripsAndChangesAreNamed() {
        let before = PackFingerprint(files: [("candidates.csv", PackFingerprint.hash([1])), ("entries.csv", PackFingerprint.hash([2]))])
        #expect(PackFingerprint(text: before.text) == before)
        let after = PackFingerprint(files: [("candidates.csv", PackFingerprint.hash([1])), ("entries.csv", PackFingerprint.hash([3])),
                                            ("reviews.csv", PackFingerprint.hash([4]))])
        #expect(after.changes(since: before) == ["entries.csv changed", "reviews.csv added"])
    }
}

@Suite struct LoadFingerprintTests {
    @Test func aLoadRecordsWhatAFreshReadOfTheFolderGivesForThePackFilesOnly() throws {
        var files = SamplePack.files
        files["notes.csv"] = "anything\n"
        let pack = PackFixture(files)
        let loaded = try PackImporter.load(directory: pack.directory)
        #expect(loaded.fingerprint == PackFingerprint.of(folder: pack.directory))
        #expect(loaded.fingerprint.files.map(\.name) == SamplePack.files.keys.sorted())
        for (name, hash) in loaded.fingerprint.files {
            #expect(hash == PackFingerprint.hash(Array(SamplePack.files[name]!.utf8)))
        }
    }
}
