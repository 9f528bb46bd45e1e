import Dispatch

/// The files after units.csv, loaded on as many threads as there are cores.
///
/// They point only at candidates, qualifications and units, which are loaded by then and only read
/// from here on. Each file is opened here, in order, by its own copy of the loader (its own
/// diagnostics, and a local interner that reads the pool without writing it); a large file is read
/// in two halves at once, the second half by another copy starting at a line end near the middle.
/// The parts are then merged in file order, so that the store, its text ids and the diagnostics are
/// those a one-thread load gives, whichever thread read which part:
/// - the first half must stop exactly where a row starts (no quoted field across the middle, no
///   broken quote before it), and no row of the second half may repeat the keys of a row of the
///   first; otherwise the file is read again on one thread, as a one-thread load reads it;
/// - each part's new texts join the pool in file order, then its columns take their pool ids.
extension PackLoader {
    /// Files of at least this many bytes are read in two halves at once.
    static let halvingBytes = 1 << 20

    /// One file, or one half of one, and the loader copy that reads it.
    struct Part {
        let name: String
        var loader: PackLoader
        /// Nil when the file could not be opened (the loader holds why).
        var table: PackTable?
        /// 0 for a whole file; 1 and 2 for its halves.
        let half: Int
        /// Where the second half starts.
        var start = 0
        var interrupted = false
        /// The loader and table just after the header, to read a halved file again whole.
        let opened: (loader: PackLoader, table: PackTable)?

        mutating func run() {
            guard var t = table else { return }
            if half == 2 {
                t.reader = t.reader.continuing(at: start)
                loader.forgetRows(of: t)
            }
            do { try loader.loadRows(name, &t) } catch { interrupted = true }
            table = t
        }
    }

    mutating func loadInParallel(_ names: [String]) throws(Interrupted) {
        var template = self
        template.errors = []; template.errorCount = 0
        template.warnings = []; template.warningCount = 0
        template.interner = interner.local()
        var parts: [Part] = []
        for name in names {
            var loader = template
            guard let table = loader.open(name) else {
                parts.append(Part(name: name, loader: loader, table: nil, half: 0, opened: nil))
                continue
            }
            if halves(table), let middle = table.reader.middleLineStart(minimumBytes: Self.halvingBytes) {
                var first = table, second = table
                first.end = middle
                parts.append(Part(name: name, loader: loader, table: first, half: 1, opened: (loader, table)))
                second.reader = table.reader   // repositioned on its thread (counting lines takes a pass)
                parts.append(Part(name: name, loader: template, table: second, half: 2, start: middle, opened: nil))
            } else {
                parts.append(Part(name: name, loader: loader, table: table, half: 0, opened: nil))
            }
        }
        let count = parts.count
        let buffer = UnsafeMutablePointer<Part>.allocate(capacity: count)
        buffer.initialize(from: parts, count: count)
        parts = []
        defer { buffer.deinitialize(count: count); buffer.deallocate() }
        let shared = UncheckedSendable(buffer)
        DispatchQueue.concurrentPerform(iterations: count) { i in shared.value[i].run() }

        if let stopped = (0..<count).first(where: { buffer[$0].interrupted }) {
            cancelledAt = buffer[stopped].loader.cancelledAt
            throw Interrupted()
        }
        var i = 0
        while i < count {
            let part = buffer[i]
            i += 1
            guard part.half == 1 else { absorb(part.loader, part.name); continue }
            let second = buffer[i]
            i += 1
            if part.table?.reachedEnd == true {
                let first = absorbed(part.loader, part.name), next = absorbed(second.loader, second.name)
                if !Self.repeatsKeys(part.name, first, next, candidates: store.candidates.count) {
                    take(part.loader, part.name, first)
                    take(second.loader, second.name, next)
                    continue
                }
            }
            // The halves do not join: read the file again on this thread.
            guard var (loader, table) = part.opened else { continue }
            do { try loader.loadRows(part.name, &table) } catch {
                cancelledAt = loader.cancelledAt
                throw Interrupted()
            }
            absorb(loader, part.name)
        }
    }

    /// Whether a file may be read in halves: one of the large files whose rows stand alone (the
    /// halves' duplicate check is joined by `repeatsKeys`), and nothing it points at is missing,
    /// so no message is given once per file.
    func halves(_ t: PackTable) -> Bool {
        guard ["entries.csv", "achievements.csv", "results.csv"].contains(t.name),
              candidatesLoaded && qualificationsLoaded && (unitsLoaded || t.name != "achievements.csv") else { return false }
        return t.column("centre") >= 0 || centres.count <= 1
    }

    /// Reads the rows of an opened file (or part of one).
    mutating func loadRows(_ name: String, _ t: inout PackTable) throws(Interrupted) {
        switch name {
        case "entries.csv": try loadEntries(&t)
        case "achievements.csv": try loadAchievements(&t)
        case "results.csv": try loadResults(&t)
        case "reviews.csv": try loadReviews(&t)
        case "calendar.csv": try loadCalendar(&t)
        case "certificates.csv": try loadCertificates(&t)
        default: preconditionFailure("no reader for \(name)")
        }
    }

    /// The store of a part's loader with its new texts added to the pool and its columns holding
    /// pool ids.
    func absorbed(_ part: PackLoader, _ name: String) -> Store {
        var from = part.store
        guard let ids = part.interner.merge() else { return from }
        switch name {
        case "entries.csv":
            from.entries.series.replaceLocalIds(ids)
            from.entries.completion.replaceLocalIds(ids)
        case "achievements.csv":
            from.achievements.series.replaceLocalIds(ids)
            from.achievements.grade.replaceLocalIds(ids)
        case "results.csv":
            from.results.series.replaceLocalIds(ids)
            from.results.grade.replaceLocalIds(ids)
        case "reviews.csv":
            from.reviews.id.replaceLocalIds(ids)
            from.reviews.component.replaceLocalIds(ids)
            from.reviews.newGrade.replaceLocalIds(ids)
        case "calendar.csv":
            from.calendar.series.replaceLocalIds(ids)
            from.calendar.event.replaceLocalIds(ids)
            from.calendar.time.replaceLocalIds(ids)
            from.calendar.appliesTo.replaceLocalIds(ids)
        case "certificates.csv":
            from.certificates.series.replaceLocalIds(ids)
        default:
            preconditionFailure("no reader for \(name)")
        }
        return from
    }

    mutating func absorb(_ part: PackLoader, _ name: String) {
        take(part, name, absorbed(part, name))
    }

    /// Adds a part's diagnostics and rows (`from`, with pool ids) after those taken before it.
    mutating func take(_ part: PackLoader, _ name: String, _ from: Store) {
        for d in part.errors + part.warnings { record(d) }
        errorCount += part.errorCount - part.errors.count
        warningCount += part.warningCount - part.warnings.count
        fileHashes.merge(part.fileHashes) { a, _ in a }
        reportedOnce.formUnion(part.reportedOnce)
        loaded.formUnion(part.loaded)
        switch name {
        case "entries.csv": store.entries.append(contentsOf: from.entries)
        case "achievements.csv": store.achievements.append(contentsOf: from.achievements)
        case "results.csv": store.results.append(contentsOf: from.results)
        case "reviews.csv": store.reviews = from.reviews
        case "calendar.csv": store.calendar = from.calendar
        case "certificates.csv": store.certificates = from.certificates
        default: preconditionFailure("no reader for \(name)")
        }
    }

    /// Whether a row of the second half of entries.csv or results.csv has the candidate,
    /// qualification and series of a row of the first (a duplicate a one-thread load reports).
    static func repeatsKeys(_ name: String, _ first: Store, _ second: Store, candidates: Int) -> Bool {
        func keys(_ s: Store) -> (candidate: [Int32], qualification: [Int32], series: [Int32])? {
            switch name {
            case "entries.csv": (s.entries.candidate, s.entries.qualification, s.entries.series)
            case "results.csv": (s.results.candidate, s.results.qualification, s.results.series)
            default: nil
            }
        }
        guard let a = keys(first), let b = keys(second) else { return false }
        var inFirst = [Bool](repeating: false, count: candidates)
        for c in a.candidate { inFirst[Int(c)] = true }
        var shared = [Bool](repeating: false, count: candidates)
        var any = false
        for c in b.candidate where inFirst[Int(c)] { shared[Int(c)] = true; any = true }
        guard any else { return false }
        var seen = KeyIndex()
        for r in a.candidate.indices where shared[Int(a.candidate[r])] {
            seen.set(a.candidate[r], a.qualification[r], a.series[r], to: 0)
        }
        return b.candidate.indices.contains { r in
            shared[Int(b.candidate[r])] && seen.value(b.candidate[r], b.qualification[r], b.series[r]) != nil
        }
    }
}
