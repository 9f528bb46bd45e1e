import ExamStore

/// Makes a realistic centre (or, past 2,000 candidates, a trust of centres) from a seed.
///
/// The same seed and size give the same store, row for row, on every machine: all choices come
/// from one `SplitMix64` stream, and nothing iterates a dictionary. Behind both `exq --demo`
/// (through `DemoCentre`) and `exq generate`. Rows are appended straight to the store's columns,
/// so a million candidates take a few seconds in a release build.
package struct CentreGenerator: Sendable {
    package let candidates: Int
    package let seed: UInt64

    /// Candidates per centre before the next centre starts (candidate numbers are 4 digits).
    package static let candidatesPerCentre = 2000

    package init(candidates: Int, seed: UInt64) {
        self.candidates = max(0, candidates)
        self.seed = seed
    }

    package func make() -> Store {
        var builder = CentreBuilder()
        builder.reserve(candidates: candidates)
        builder.rng = SplitMix64(seed: seed)
        builder.addPopulation(count: candidates, firstNumber: 1)
        BuiltInCalendar.add(to: &builder.store)
        builder.store.source = "a generated centre (\(Store.grouped(candidates)) candidates, seed \(seed))"
        builder.store.reindex()
        return builder.store
    }

    /// The centre number of the `k`th centre: 64123 first, then distinct 5-digit numbers.
    package static func centreNumber(_ k: Int) -> String {
        String(10000 + (54123 + k * 7919) % 90000)
    }
}
