import ExamStore
import ExamDemo

/// `exq generate`: writes a generated centre (or trust) as a data pack, for trials and benchmarks.
package enum PackGeneration {
    /// Makes `candidates` candidates from `seed` and writes them to `directory`; says what it
    /// wrote on stderr. Returns the exit status: 0 written, 1 the pack could not be written.
    package static func run(candidates: Int, seed: UInt64, directory: String) -> Int32 {
        let console = Console()
        let started = SystemClock.seconds()
        let store = CentreGenerator(candidates: candidates, seed: seed).make()
        do {
            let written = try PackWriter.write(store, to: directory)
            let files = written.map { "\($0.name) (\(Store.grouped($0.rows)))" }.joined(separator: ", ")
            console.err("Wrote \(store.source) to \(directory) in \(Session.seconds(SystemClock.seconds() - started)): \(files)\n")
            return 0
        } catch {
            console.err(error.description + "\n")
            return 1
        }
    }
}
