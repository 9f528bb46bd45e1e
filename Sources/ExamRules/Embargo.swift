import ExamStore

/// Who is using exq, for the results embargo. Ordered by what they may see: a teacher sees
/// least, so a role given on the command line may only lower the workspace's (`min`).
package enum Role: String, CaseIterable, Sendable, Comparable {
    case examsOfficer = "exams-officer"
    case seniorLeader = "senior-leader"
    case teacher

    /// Exams officers and senior leaders may see results under restricted release.
    package var seesRestrictedRelease: Bool { self != .teacher }

    var rank: Int {
        switch self {
        case .teacher: return 0
        case .seniorLeader: return 1
        case .examsOfficer: return 2
        }
    }

    package static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }
}

/// A moment on a clock: a day and minutes after midnight.
package struct Moment: Sendable, Equatable {
    package var day: Day
    package var minutes: Int
    package init(day: Day, minutes: Int) { self.day = day; self.minutes = minutes }

    /// True when this moment is before `other`.
    package func isBefore(_ other: Moment) -> Bool {
        day < other.day || (day == other.day && minutes < other.minutes)
    }
}

/// The results embargo (DOMAIN.md, "The embargo"): until 08:00 on results day a series' results
/// are for the exams office and senior leaders only; candidates, and so teachers, see them from
/// then. Cambridge Technicals results may be issued as soon as they arrive: never under embargo.
///
/// The release of a qualification's results in a series is the `results_day` event of that series
/// (names compared as `Embargo.seriesKey` does) that applies most specifically to it, from the
/// pack's calendar, else from the built-in calendar; with neither the release is unknown, and the
/// embargo fails closed for those who may not see restricted results.
package enum Embargo {
    /// When a qualification's results of a series are released.
    package enum Release: Equatable, Sendable {
        /// Never under embargo (Cambridge Technicals).
        case open
        /// Released at this moment.
        case at(Moment)
        /// No calendar gives a results day: withheld from those who may not see restricted results.
        case unknown
    }

    /// A series name as compared: lower case, spaces collapsed, `June` read as `Summer`
    /// (`SUMMER  2024`, `June 2024` and `Summer 2024` are one series).
    package static func seriesKey(_ name: String) -> String { SeriesKey.of(name) }

    /// The built-in results days (`BuiltInCalendar`).
    static let builtInResultsDays: [BuiltInCalendar.Event] = BuiltInCalendar.events.filter { $0.event == "results_day" }

    /// When qualification row `qualification`'s results of series `series` (interned) are released.
    package static func release(store: Store, qualification: Int32, series: Int32) -> Release {
        let q = Int(qualification)
        if store.pool[store.qualifications.type[q]].lowercased().hasPrefix("cambridge technical") { return .open }
        let key = seriesKey(store.pool[series])
        let calendar = store.calendar
        var best: (row: Int, match: AppliesTo.Match)? = nil
        for i in 0..<calendar.count where store.pool[calendar.event[i]].lowercased() == "results_day" {
            guard !calendar.date[i].isBlank, seriesKey(store.pool[calendar.series[i]]) == key else { continue }
            guard let m = AppliesTo.match(store: store, appliesTo: calendar.appliesTo[i], qualification: qualification) else { continue }
            if best == nil || m >= best!.match { best = (i, m) }
        }
        if let best {
            return .at(Moment(day: calendar.date[best.row], minutes: minutes(store.pool[calendar.time[best.row]]) ?? 8 * 60))
        }
        // Where the pack's calendar gives none, the built-in calendar's (DOMAIN.md: a pack's row wins).
        var builtIn: (date: Day, time: String, match: AppliesTo.Match)? = nil
        for e in builtInResultsDays where seriesKey(e.series) == key {
            guard let m = AppliesTo.match(store: store, appliesToText: e.appliesTo, qualification: qualification) else { continue }
            if builtIn == nil || m >= builtIn!.match { builtIn = (e.date, e.time, m) }
        }
        guard let builtIn else { return .unknown }
        return .at(Moment(day: builtIn.date, minutes: minutes(builtIn.time) ?? 8 * 60))
    }

    /// `08:00` → 480; nil when it is not a time.
    package static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }

    /// Whether a release withholds results at `moment` from a reader who may not see restricted results.
    package static func withholds(_ release: Release, at moment: Moment) -> Bool {
        switch release {
        case .open: return false
        case .unknown: return true
        case .at(let r): return moment.isBefore(r)
        }
    }

    /// Every result's release, decided once per qualification and series.
    package static func releases(store: Store) -> (perResult: [Int32], releases: [Release]) {
        let (perResult, pairs) = ResultPairs.of(store)
        return (perResult, pairs.map { release(store: store, qualification: $0.qualification, series: $0.series) })
    }

    /// Whether a result is under embargo at `day`, `minutes` after midnight, for a reader who may
    /// not see restricted results.
    package static func isEmbargoed(store: Store, result: Int32, day: Day, minutes: Int) -> Bool {
        let r = Int(result)
        let release = release(store: store, qualification: store.results.qualification[r], series: store.results.series[r])
        return withholds(release, at: Moment(day: day, minutes: minutes))
    }
}
