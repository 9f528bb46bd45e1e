import ExamStore

/// The built-in demo centre behind `exq --demo`: the same store on every run.
///
/// The planted candidates of `DemoStories` (0001-0024) come first, then candidates made by
/// `CentreGenerator`'s population with a fixed seed, then the built-in Summer 2024 calendar.
public enum DemoCentre {
    /// The seed of the generated part; changing it changes every answer the demo gives.
    package static let seed: UInt64 = 20_240_815
    /// Candidates in the demo, planted and generated together.
    package static let candidateCount = 300
    package static let centreNumber = CentreGenerator.centreNumber(0)
    package static let centreName = "Riverside Academy"

    public static func make() -> Store {
        var builder = CentreBuilder()
        builder.rng = SplitMix64(seed: seed)
        let centre = builder.pool.intern(centreNumber)
        for story in DemoStories.all {
            let year = Int(story.group.prefix(2))!
            let c = builder.addCandidate(
                centre: centre, centreDigits: centreNumber, number: story.number,
                surname: builder.pool.intern(story.surname), forenames: builder.pool.intern(story.forenames),
                uln: CentreBuilder.uln(&builder.rng),
                dob: CentreBuilder.day(2018 - year, 9, 1).adding(days: story.number * 53 % 365),
                group: builder.pool.intern(story.group))
            story.write(&builder, c)
        }
        builder.addPopulation(count: candidateCount - DemoStories.all.count, firstNumber: DemoStories.all.count + 1)
        BuiltInCalendar.add(to: &builder.store)
        builder.store.source = "the demo centre"
        builder.store.reindex()
        return builder.store
    }

    /// What the demo holds and what is invented, for `help demo`.
    package static let description: String = {
        var lines = [
            "The demo centre: \(centreNumber) \(centreName), an invented 11-18 school, on results days of Summer 2024",
            "(set today to 2024-08-19 .. 2024-08-22). \(candidateCount) candidates: year 11 with GCSEs (J560, J351, J260);",
            "year 13 with OCR Cambridge Technicals (IT 05838/05839, Business 05835/05837, Sport 05827, Applied Science",
            "05847) and A levels (H240, H420, H446) completing Summer 2024; year 12 with Cambridge Technicals completing",
            "Summer 2025. Codes, unit numbers, titles and GLH are OCR's where known. Invented: every person, number,",
            "grade, date and fee; which units are mandatory for each size; Sport 05827 as the Extended Certificate; the",
            "GLH of Business unit 2 and Applied Science units; Business units 5, 6, 8, 9, 10 and Sport unit 17.",
            "Planted candidates, one case each:",
        ]
        for s in DemoStories.all {
            lines.append("  \(CentreBuilder.digits(s.number, width: 4)) \(s.forenames) \(s.surname.uppercased()): \(s.shows)")
        }
        return lines.joined(separator: "\n")
    }()
}
