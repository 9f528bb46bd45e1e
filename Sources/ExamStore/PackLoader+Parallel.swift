import Dispatch

/// A pack loaded on as many threads as there are cores, with the outcome of a one-thread load.
///
/// candidates.csv is read in two parts at once (`loadCandidatesInHalves`): this loader reads the
/// first, adding to the pool; a copy reads the second with an interner that does not read the pool,
/// whose texts join the pool afterwards.
///
/// The files after units.csv point only at candidates, qualifications and units, which are loaded
/// by then and only read from here on (`loadInParallel`). Each file is opened here, in order, by
/// its own copy of the loader (its own diagnostics, and a local interner that reads the pool
/// without writing it); a large file is read in two halves at once, the second half by another
/// copy starting at a line end near the middle.
///
/// The parts are then merged in file order, so that the store, its text ids and the diagnostics
/// are those a one-thread load gives, whichever thread read which part:
/// - a first part must stop exactly where a row starts (no quoted field across the middle, no
///   broken quote before it), and no row of the second part may repeat the keys of a row of the
///   first; otherwise the file is finished on one thread, as a one-thread load reads it;
/// - each part's new texts join the pool in file order, then its columns take their pool ids.
/// `PackPartsAgreeTests` and the pack fuzzer load packs both ways and compare.
extension PackLoader {
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
        let template = partLoader(interner: interner.local())
        var parts: [Part] = []
        for name in names {
            var loader = template
            guard let table = loader.open(name) else {
                parts.append(Part(name: name, loader: loader, table: nil, half: 0, opened: nil))
                continue
            }
            if halves(table), let middle = table.reader.lineStart(after: 0.5, minimumBytes: halvingBytes) {
                var first = table
                first.end = middle
                parts.append(Part(name: name, loader: loader, table: first, half: 1, opened: (loader, table)))
                // Repositioned at `middle` on its own thread (counting the lines before it takes a pass).
                parts.append(Part(name: name, loader: template, table: table, half: 2, start: middle, opened: nil))
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
            let part = buffer + i
            i += 1
            guard part.pointee.half == 1 else {
                useMergedIds(&part.pointee.loader, part.pointee.name)
                take(&part.pointee.loader, part.pointee.name)
                continue
            }
            let second = buffer + i
            i += 1
            if part.pointee.table?.reachedEnd == true {
                useMergedIds(&part.pointee.loader, part.pointee.name)
                useMergedIds(&second.pointee.loader, second.pointee.name)
                if !Self.repeatsKeys(part.pointee.name, part.pointee.loader.store, second.pointee.loader.store,
                                     candidates: store.candidates.count) {
                    take(&part.pointee.loader, part.pointee.name)
                    take(&second.pointee.loader, second.pointee.name)
                    continue
                }
            }
            // The halves do not join: read the file again on this thread.
            guard var (loader, table) = part.pointee.opened else { continue }
            do { try loader.loadRows(part.pointee.name, &table) } catch {
                cancelledAt = loader.cancelledAt
                throw Interrupted()
            }
            useMergedIds(&loader, part.pointee.name)
            take(&loader, part.pointee.name)
        }
    }

    /// Reads candidates.csv in two halves at once: this loader reads the first, adding to the pool,
    /// while a copy reads the second with an interner of its own that does not read the pool.
    /// The second half's texts then join the pool and its rows follow the first's, unless the
    /// first did not stop where a row starts (it then read on to the end itself) or a candidate
    /// of the second half is one of the first's (the first then reads on, as in one go).
    mutating func loadCandidatesInHalves(_ t: inout PackTable, middle: Int) throws(Interrupted) {
        let copy = partLoader(interner: interner.isolated())
        let lines = t.reader.lines
        // The copy is made before this loader reserves room, so the two share no buffers.
        let part = UnsafeMutablePointer<Part>.allocate(capacity: 1)
        part.initialize(to: Part(name: t.name, loader: copy, table: t, half: 2, start: middle, opened: nil))
        defer { part.deinitialize(count: 1); part.deallocate() }
        let shared = UncheckedSendable(part), done = DispatchSemaphore(value: 0), reading = readAhead
        DispatchQueue.global().async {
            shared.value.pointee.loader.reserveCandidates(lines / 2)
            shared.value.pointee.loader.interner.reserve(lines)
            shared.value.pointee.run()
            reading?.proceed()   // the other files are read once this core is free
            done.signal()
        }
        interner.pool.reserve(lines * 2)
        reserveCandidates(lines)
        t.end = middle
        var stopped = false
        do { try loadCandidateRows(&t) } catch { stopped = true }
        done.wait()
        if stopped || part.pointee.interrupted {
            if !stopped { cancelledAt = part.pointee.loader.cancelledAt }
            throw Interrupted()
        }
        guard t.reachedEnd else { return }
        if !joinCandidates(&part.pointee.loader) {
            t.reader = t.reader.continuing(at: middle)
            t.end = .max
            t.reachedEnd = false
            try loadCandidateRows(&t)
        }
    }

    /// Adds the second half of candidates.csv after the first; false, adding nothing but texts to
    /// the pool, when one of its candidates is one of the first half's.
    mutating func joinCandidates(_ second: inout PackLoader) -> Bool {
        let ids = second.interner.merge()
        var rows = CandidateTable()
        swap(&rows, &second.store.candidates)
        for column in [\CandidateTable.centre, \.number, \.surname, \.forenames, \.uci, \.uln, \.group] {
            rows[keyPath: column].replaceLocalIds(ids)
        }
        for r in 0..<rows.count where candidateRows.value(rows.centre[r], rows.key[r]) != nil { return false }
        let first = store.candidates.count
        for r in 0..<rows.count { candidateRows.set(rows.centre[r], rows.key[r], to: Int32(first + r)) }
        store.candidates.append(contentsOf: rows)
        candidateLines += second.candidateLines
        var secondCentres = second.centres
        secondCentres.replaceLocalIds(ids)
        for centre in secondCentres where knownCentres.insert(centre).inserted { centres.append(centre) }
        recordDiagnostics(of: second)
        return true
    }

    /// A copy of this loader for one part of a load: no diagnostics yet, and `interner`.
    func partLoader(interner: ByteInterner) -> PackLoader {
        var copy = self
        copy.errors = []; copy.errorCount = 0
        copy.warnings = []; copy.warningCount = 0
        copy.interner = interner
        return copy
    }

    /// Adds a part's diagnostics after those recorded so far, with the ones it only counted.
    mutating func recordDiagnostics(of part: PackLoader) {
        for d in part.errors + part.warnings { record(d) }
        errorCount += part.errorCount - part.errors.count
        warningCount += part.warningCount - part.warnings.count
    }

    /// Whether a file may be read in halves: one of the large files whose rows stand alone (the
    /// halves' duplicate check is joined by `repeatsKeys`), with nothing it points at missing, so
    /// that no message said once per file (a missing file, no centre column) could be said twice.
    func halves(_ t: PackTable) -> Bool {
        guard ["entries.csv", "achievements.csv", "results.csv"].contains(t.name),
              candidatesLoaded && qualificationsLoaded && (unitsLoaded || t.name != "achievements.csv") else { return false }
        return t.column("centre") >= 0 || centres.count <= 1
    }

    /// Reads the rows of an opened file (or part of one).
    mutating func loadRows(_ name: String, _ t: inout PackTable) throws(Interrupted) {
        switch name {
        case "candidates.csv": try loadCandidateRows(&t)
        case "entries.csv": try loadEntries(&t)
        case "achievements.csv": try loadAchievements(&t)
        case "results.csv": try loadResults(&t)
        case "reviews.csv": try loadReviews(&t)
        case "calendar.csv": try loadCalendar(&t)
        case "certificates.csv": try loadCertificates(&t)
        case "centres.csv": try loadCentres(&t)
        default: preconditionFailure("no reader for \(name)")
        }
    }

    /// Adds a part's new texts to the pool and gives its columns their pool ids.
    func useMergedIds(_ part: inout PackLoader, _ name: String) {
        guard let ids = part.interner.merge() else { return }
        PackSchema.file(name)?.replaceLocalIds(&part.store, ids)
    }

    /// Moves a part's diagnostics and rows (with pool ids) after those taken before it.
    mutating func take(_ part: inout PackLoader, _ name: String) {
        recordDiagnostics(of: part)
        fileHashes.merge(part.fileHashes) { a, _ in a }
        reportedOnce.formUnion(part.reportedOnce)
        loaded.formUnion(part.loaded)
        // Moved, not copied: the part keeps no reference, so appending a second half reuses the
        // room the first half reserved.
        var from = Store(pool: part.store.pool)
        swap(&from, &part.store)
        switch name {
        case "entries.csv": store.entries.append(contentsOf: from.entries)
        case "achievements.csv": store.achievements.append(contentsOf: from.achievements)
        case "results.csv": store.results.append(contentsOf: from.results)
        case "reviews.csv":
            store.reviews = from.reviews
            reviewLines = part.reviewLines; reviewQualificationField = part.reviewQualificationField
            reviewNewGradeField = part.reviewNewGradeField
        case "calendar.csv": store.calendar = from.calendar
        case "certificates.csv": store.certificates = from.certificates
        case "centres.csv": store.centreNames = from.centreNames
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
