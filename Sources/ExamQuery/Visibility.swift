import ExamStore
import ExamRules

/// What a role may see of the store now: the one place the results embargo is decided
/// (DOMAIN.md, "The embargo").
///
/// For a role that may not see restricted results (a teacher) the embargo fails closed: a result is
/// withheld while the real clock *or* the session's clock says it is embargoed, or while no
/// calendar gives its results day. Withheld results are simply not in `store`, the view every
/// answer, warning, completion, explanation and file written is made from; reviews of withheld
/// results lose their outcomes and new grades there too. Those entitled see the whole store, and
/// `audited` marks the results whose reading goes to the audit log.
package struct Visibility: Sendable {
    package let role: Role
    /// The store as this role may see it.
    package let store: Store
    /// How many results are left out of `store`.
    package let hidden: Int
    /// For an entitled role, per (qualification, series) pair of `store`'s results (`ResultPairs`,
    /// with each result's pair): embargoed by either clock, so reading its results is audited. Nil
    /// when none is (and always for a role shown no embargoed results).
    let audited: (pairs: [Bool], perResult: [Int32])?
    /// (qualification row, series id) pairs whose results are withheld, results or not.
    let withheldPairs: Set<Int64>
    /// Series and qualification types whose results no calendar releases (for the warning on loading).
    package let uncovered: [String]

    /// - Parameters:
    ///   - real: the real clock now.
    ///   - session: the session's clock (`set today`, `set time`), which may be set to anything.
    package init(store full: Store, role: Role, real: Moment, session: Moment) {
        self.role = role
        let (perResult, releases) = Embargo.releases(store: full)
        let held = releases.map { Embargo.withholds($0, at: real) || Embargo.withholds($0, at: session) }
        var uncoveredNames = Set<String>()
        if held.contains(true), releases.contains(.unknown) {
            var seen = Set<Int32>()
            for r in 0..<full.results.count where releases[Int(perResult[r])] == .unknown && seen.insert(perResult[r]).inserted {
                let q = Int(full.results.qualification[r])
                let type = full.pool[full.qualifications.type[q]]
                uncoveredNames.insert(full.pool[full.results.series[r]] + (type.isEmpty ? "" : " " + type))
            }
        }
        uncovered = uncoveredNames.sorted()
        if role.seesRestrictedRelease || !held.contains(true) {
            store = full; hidden = 0; withheldPairs = []
            // Audited: embargoed by either clock. (A release no calendar gives is not known to be embargoed.)
            let embargoed = releases.map { $0 != .unknown && (Embargo.withholds($0, at: real) || Embargo.withholds($0, at: session)) }
            audited = embargoed.contains(true) ? (embargoed, perResult) : nil
            return
        }
        // Every pair results or entries name, so that whether any result has arrived is not told either.
        var pairs = Set<Int64>(), decided = Set<Int64>()
        func decide(_ q: Int32, _ s: Int32) {
            let key = Int64(q) << 32 | Int64(UInt32(bitPattern: s))
            guard decided.insert(key).inserted else { return }
            let release = Embargo.release(store: full, qualification: q, series: s)
            if Embargo.withholds(release, at: real) || Embargo.withholds(release, at: session) { pairs.insert(key) }
        }
        for r in 0..<full.results.count { decide(full.results.qualification[r], full.results.series[r]) }
        for e in 0..<full.entries.count { decide(full.entries.qualification[e], full.entries.completion[e]) }
        withheldPairs = pairs
        audited = nil
        var view = full
        let results = full.results
        var keptRows: [Int32] = []
        var byCandidate = Set<Int64>()
        for r in 0..<results.count {
            if held[Int(perResult[r])] {
                byCandidate.insert(Int64(results.candidate[r]) << 32 | Int64(UInt32(bitPattern: results.qualification[r])))
                continue
            }
            keptRows.append(Int32(r))
        }
        let kept = results.selecting(keptRows)
        hidden = results.count - kept.count
        view.results = kept
        // A review of a withheld result would tell its grade (raised, lowered, to what): its
        // outcome is left out with the result.
        for i in 0..<view.reviews.count {
            let key = Int64(view.reviews.candidate[i]) << 32 | Int64(UInt32(bitPattern: view.reviews.qualification[i]))
            guard byCandidate.contains(key) else { continue }
            view.reviews.outcome[i] = .none
            view.reviews.outcomeDate[i] = .blank
            view.reviews.newGrade[i] = 0
        }
        view.reindex()
        store = view
    }

    /// The whole store, for a role that sees everything (before any clock is known).
    package init(everything store: Store) {
        self.role = .examsOfficer
        self.store = store
        hidden = 0; audited = nil; withheldPairs = []; uncovered = []
    }

    /// True when this role may not be told whether results of the qualification in the series have
    /// arrived (a missing-result flag would tell it).
    package func withholds(qualification: Int32, series: Int32) -> Bool {
        !withheldPairs.isEmpty && withheldPairs.contains(Int64(qualification) << 32 | Int64(UInt32(bitPattern: series)))
    }

    /// Whether any audited result is among `rows` (all results when nil).
    package func readsAudited(_ rows: [Int32]? = nil) -> Bool {
        guard let audited else { return false }
        guard let rows else { return true }   // some pair is audited, and every pair has results
        return rows.contains { audited.pairs[Int(audited.perResult[Int($0)])] }
    }
}
