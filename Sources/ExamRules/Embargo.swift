import ExamStore

/// Who is using exq, for the results embargo.
public enum Role: String, CaseIterable, Sendable {
    case examsOfficer = "exams-officer"
    case seniorLeader = "senior-leader"
    case teacher

    /// Exams officers and senior leaders may see results under restricted release.
    public var seesRestrictedRelease: Bool { self != .teacher }
}

/// The results embargo (DOMAIN.md, "Results"): from restricted release until 08:00 on results
/// day a series' results are for the exams office and senior leaders only; candidates, and so
/// teachers, see them from 08:00. Cambridge Technicals results may be issued as soon as they
/// arrive, so they are never under embargo.
public enum Embargo {
    /// The moment a result is released: its results day (the `results_day` event whose
    /// `applies_to` fits the qualification best) and the event's time (08:00 when none is given),
    /// in minutes after midnight. Nil when the calendar has no results day for it.
    public static func release(store: Store, result: Int32) -> (day: Day, minutes: Int)? {
        let r = Int(result)
        let q = store.results.qualification[r]
        guard let row = AppliesTo.event(store: store, named: "results_day", series: store.results.series[r], qualification: q) else { return nil }
        let time = store.pool[store.calendar.time[Int(row)]]
        return (store.calendar.date[Int(row)], minutes(time) ?? 8 * 60)
    }

    /// `08:00` → 480; nil when it is not a time.
    public static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }

    /// Whether a result is under embargo at `day`, `minutes` after midnight.
    public static func isEmbargoed(store: Store, result: Int32, day: Day, minutes: Int) -> Bool {
        let q = Int(store.results.qualification[Int(result)])
        if store.pool[store.qualifications.type[q]].lowercased().hasPrefix("cambridge technical") { return false }
        guard let release = release(store: store, result: result) else { return false }
        return day < release.day || (day == release.day && minutes < release.minutes)
    }

    /// Every result's embargo at that moment, or nil when none is under embargo. Decided per
    /// qualification and series first, so after results day it costs nothing per row.
    public static func embargoed(store: Store, day: Day, minutes: Int) -> [Bool]? {
        // Only the series results are held for (the built-in calendars reach years with none).
        var held = Set<Int32>(), last: Int32 = -1
        for s in store.results.series where s != last { held.insert(s); last = s }
        let series = Array(Set(store.calendar.series).intersection(held))
        guard !series.isEmpty, store.results.count > 0,
              let resultsDay = store.pool.lookup("results_day") else { return nil }
        var index: [Int32: Int] = [:]
        for (i, s) in series.enumerated() { index[s] = i }
        var pairs = [Bool](repeating: false, count: store.qualifications.count * series.count)
        var any = false
        for q in 0..<store.qualifications.count {
            if store.pool[store.qualifications.type[q]].lowercased().hasPrefix("cambridge technical") { continue }
            for (i, s) in series.enumerated() {
                guard let row = AppliesTo.event(store: store, named: resultsDay, series: s, qualification: Int32(q)) else { continue }
                let releaseDay = store.calendar.date[Int(row)]
                let releaseMinutes = self.minutes(store.pool[store.calendar.time[Int(row)]]) ?? 8 * 60
                if day < releaseDay || (day == releaseDay && minutes < releaseMinutes) {
                    pairs[q * series.count + i] = true
                    any = true
                }
            }
        }
        guard any else { return nil }
        // Each series id's place in `series`, by id (the calendar's few series ids span a small
        // range), so a million results are read without hashing.
        let qs = store.results.qualification, ss = store.results.series, n = series.count
        let low = Int(series.min()!), high = Int(series.max()!)
        guard high - low < 1 << 20 else {
            return (0..<store.results.count).map { r in index[ss[r]].map { pairs[Int(qs[r]) * n + $0] } ?? false }
        }
        var slot = [Int](repeating: -1, count: high - low + 1)
        for (s, i) in index { slot[Int(s) - low] = i }
        return (0..<store.results.count).map { r in
            let s = Int(ss[r]) - low
            guard s >= 0, s < slot.count else { return false }
            let i = slot[s]
            return i >= 0 && pairs[Int(qs[r]) * n + i]
        }
    }
}
