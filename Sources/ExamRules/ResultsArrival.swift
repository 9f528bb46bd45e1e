import ExamStore

/// When a series' results reach the centre for a qualification (DOMAIN.md "Missing results").
package enum ResultsArrival {
    /// The day results arrive: the series' `restricted_release` that applies most specifically to
    /// the qualification (`AppliesTo`), or its `results_day` where no restricted release applies;
    /// nil when the calendar has neither for the series.
    package static func arrivalDay(store: Store, qualification: Int32, series: Int32) -> Day? {
        var sameSeries = SeriesMatch(pool: store.pool, series: 0)
        return arrivalDay(store: store, qualification: qualification, series: series, sameSeries: &sameSeries)
    }

    /// As `arrivalDay(store:qualification:series:)`, with the series names read so far
    /// (`sameSeries`), so that a caller asking per pair reads each name once.
    package static func arrivalDay(store: Store, qualification: Int32, series: Int32, sameSeries: inout SeriesMatch) -> Day? {
        for name in ["restricted_release", "results_day"] {
            guard let event = store.pool.lookup(name) else { continue }
            if let row = AppliesTo.event(store: store, named: event, series: series, qualification: qualification, sameSeries: &sameSeries) {
                return store.calendar.date[Int(row)]
            }
        }
        return nil
    }

    /// Whether `today` is on or after the arrival day. False when the calendar gives no day:
    /// exq does not presume results have come.
    package static func resultsArrived(store: Store, qualification: Int32, series: Int32, today: Day) -> Bool {
        guard let day = arrivalDay(store: store, qualification: qualification, series: series) else { return false }
        return today >= day
    }
}
