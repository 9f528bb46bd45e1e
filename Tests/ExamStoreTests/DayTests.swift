import Testing
import ExamStore

@Suite struct DayTests {
    @Test func parsesISOAndUKForms() {
        #expect(Day(parsing: "2024-08-22")?.iso == "2024-08-22")
        #expect(Day(parsing: "22/08/2024") == Day(parsing: "2024-08-22"))
        #expect(Day(parsing: "2/8/2024")?.iso == "2024-08-02")
    }

    @Test func peopleReadDatesDayFirstUnlessTheyAskForISO() {
        let d = Day(year: 2024, month: 8, day: 2)!
        #expect(d.text(.uk) == "02/08/2024")
        #expect(d.text(.iso) == "2024-08-02")
        #expect(Day.blank.text(.uk) == "")
        // What is shown is read back as the same day.
        #expect(Day(parsing: d.text(.uk)) == d)
    }

    @Test func rejectsDatesThatDoNotExist() {
        #expect(Day(parsing: "31/02/2024") == nil)
        #expect(Day(parsing: "2023-02-29") == nil)
        #expect(Day(parsing: "2024-02-29") != nil)
        #expect(Day(parsing: "22-08-2024") == nil)
        #expect(Day(parsing: "") == nil)
    }

    @Test func knowsTheWeekday() {
        // 22 August 2024 was a Thursday; its week began on Monday 19 August.
        let d = Day(parsing: "2024-08-22")!
        #expect(d.weekday == 3)
        #expect(d.monday.iso == "2024-08-19")
        #expect(d.short == "Thu 22 Aug")
        #expect(Day(number: 0).iso == "1970-01-01")
    }
}
