import ExamStore
import Testing
@testable import ExamRules

@Suite struct CurrentSeriesTests {
    func day(_ s: String) -> Day { StoreBuilder.day(s) }

    @Test func inAugust2024TheBuiltInCalendarGivesSummer2024() {
        var b = StoreBuilder()
        b.withSummer2024Calendar()
        let store = b.build()
        #expect(CurrentSeries.resolve(store: store, today: day("2024-08-22"), explicit: nil) == "Summer 2024")
        let context = RuleContext(store: store, today: day("2024-08-22"))
        #expect(store.pool[context.series] == "Summer 2024")
    }

    @Test func anExplicitSeriesWins() {
        var b = StoreBuilder()
        b.withSummer2024Calendar()
        #expect(CurrentSeries.resolve(store: b.build(), today: day("2024-08-22"), explicit: "November 2024") == "November 2024")
    }

    @Test func theSeriesWithTheLatestEventOnOrBeforeTodayWins() {
        var b = StoreBuilder()
        b.withSummer2024Calendar()
        b.event("results_day", "2025-01-09", series: "November 2024")
        let store = b.build()
        #expect(CurrentSeries.resolve(store: store, today: day("2025-01-08"), explicit: nil) == "Summer 2024")
        #expect(CurrentSeries.resolve(store: store, today: day("2025-01-09"), explicit: nil) == "November 2024")
    }

    @Test func beforeAnyEventTheComingSeriesIsCurrent() {
        var b = StoreBuilder()
        b.withSummer2024Calendar()
        #expect(CurrentSeries.resolve(store: b.build(), today: day("2024-03-01"), explicit: nil) == "Summer 2024")
    }

    @Test func anEmptyCalendarGivesNoSeries() {
        let store = StoreBuilder().build()
        #expect(CurrentSeries.resolve(store: store, today: day("2024-08-22"), explicit: nil) == nil)
        #expect(RuleContext(store: store, today: day("2024-08-22")).series == 0)
    }

    /// The current series is among the entries' series, their names compared as series names:
    /// entries written `SUMMER 2024` keep a Summer 2024 centre in Summer 2024 on a later day.
    @Test func theEntriesSeriesAreComparedAsSeriesNames() {
        var b = StoreBuilder()
        let q = b.qualification("J560", type: "GCSE", level: "2", size: "", glh: nil)
        b.entry(b.candidate("0001"), q, series: "SUMMER 2024")
        b.withSummer2024Calendar()
        b.event("results_day", "2025-08-21", series: "Summer 2025")
        let store = b.build()
        #expect(CurrentSeries.resolve(store: store, today: day("2025-09-01"), explicit: nil) == "Summer 2024")
    }
}
