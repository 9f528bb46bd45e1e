/// The small closed vocabularies of the data pack, stored as one byte each.

/// How a unit is assessed (`units.csv` `assessment`).
package enum Assessment: UInt8, CaseIterable, Sendable {
    case exam, moderated
    package var name: String { self == .exam ? "exam" : "moderated" }
    package init?(name: String) {
        switch name.lowercased() {
        case "exam", "examined", "e": self = .exam
        case "moderated", "moderation", "centre-assessed", "centre assessed", "m": self = .moderated
        default: return nil
        }
    }
}

/// The state of one unit row (`achievements.csv` `status`).
package enum AchievementStatus: UInt8, CaseIterable, Sendable {
    case achieved, claimed, entered, absent
    package var name: String { ["achieved", "claimed", "entered", "absent"][Int(rawValue)] }
    package init?(name: String) {
        guard let s = AchievementStatus.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = s
    }
}

/// Whether a result is provisional (the default) or final.
package enum ResultStatus: UInt8, CaseIterable, Sendable {
    case provisional, final
    package var name: String { self == .provisional ? "provisional" : "final" }
    package init?(name: String) {
        switch name.lowercased() {
        case "", "provisional": self = .provisional
        case "final": self = .final
        default: return nil
        }
    }
}

/// A post-results service (`reviews.csv` `service`).
package enum Service: UInt8, CaseIterable, Sendable {
    case clericalRecheck, reviewOfMarking, priorityReviewOfMarking, reviewOfModeration
    case copyOfScript, priorityCopyOfScript, missingResult, appeal1, appeal2

    /// Whether the service may be asked for a qualification of this type and level: a priority
    /// review of marking (2P) is for A level and level 3 vocational qualifications only, not AS,
    /// not GCSE (DATA-PACK.md "Services"); every other service for any.
    package func applies(type: String, level: String) -> Bool {
        guard self == .priorityReviewOfMarking else { return true }
        let t = type.lowercased()
        if t.hasPrefix("gcse") || t == "as" || t.hasPrefix("as ") || t.hasPrefix("as-") || t.contains("gce as") { return false }
        let l = level.lowercased()
        return l.split(whereSeparator: { !$0.isNumber }).contains("3")
    }

    /// The code as written in a pack: `1`, `2`, `2P`, `3`, `ATS`, `ATSP`, `MIR`, `APPEAL1`, `APPEAL2`.
    package var code: String { ["1", "2", "2P", "3", "ATS", "ATSP", "MIR", "APPEAL1", "APPEAL2"][Int(rawValue)] }

    package var title: String {
        ["clerical re-check", "review of marking", "priority review of marking", "review of moderation",
         "copy of a script", "priority copy of a script", "missing or incomplete result",
         "preliminary appeal", "appeal hearing"][Int(rawValue)]
    }

    package init?(code: String) {
        let c = String(code.uppercased().filter { $0 != " " })
        guard let s = Service.allCases.first(where: { $0.code == c }) else { return nil }
        self = s
    }

    /// Review of moderation is the centre's own request: no candidate consent is needed.
    package var needsConsent: Bool { self != .reviewOfModeration }

    /// A review of results, whose outcome starts the stage 1 appeal window.
    package var isReviewOfResults: Bool {
        self == .clericalRecheck || self == .reviewOfMarking || self == .priorityReviewOfMarking || self == .reviewOfModeration
    }
}

/// What a review found (`reviews.csv` `outcome`); `.none` while awaited.
package enum ReviewOutcome: UInt8, CaseIterable, Sendable {
    case none, confirmed, raised, lowered
    package var name: String { ["", "confirmed", "raised", "lowered"][Int(rawValue)] }
    package init?(name: String) {
        guard let s = ReviewOutcome.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = s
    }
}

/// How many grades a qualification's result holds (`qualifications.csv` `grading`, format 2):
/// a Diploma's `DM` is double, an Extended Diploma's `DMM` triple, GCSE Combined Science `9-8`
/// double. `.blank` when the pack does not say: the rules work it out (docs/rules.md "Grade scales").
package enum Grading: UInt8, CaseIterable, Sendable, PackChoice {
    case blank, single, double, triple
    package var packWord: String { ["", "single", "double", "triple"][Int(rawValue)] }
    package init?(packWord: String) {
        guard let g = Grading.allCases.first(where: { $0.packWord == packWord.lowercased() }) else { return nil }
        self = g
    }
    package static var blankValue: Grading? { .blank }
}

/// How an issued certificate reached the candidate (`certificates.csv` `method`, format 2).
package enum IssueMethod: UInt8, CaseIterable, Sendable, PackChoice {
    case blank, collected, posted, thirdParty
    package var packWord: String { ["", "collected", "posted", "third party"][Int(rawValue)] }
    package init?(packWord: String) {
        let w = packWord.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" }).joined(separator: " ")
        guard let m = IssueMethod.allCases.first(where: { $0.packWord == w }) else { return nil }
        self = m
    }
    package static var blankValue: IssueMethod? { .blank }
}

extension Assessment: PackChoice {
    package var packWord: String { name }
    package init?(packWord: String) { self.init(name: packWord) }
    package static var blankValue: Assessment? { nil }
}

extension AchievementStatus: PackChoice {
    package var packWord: String { name }
    package init?(packWord: String) { self.init(name: packWord) }
    package static var blankValue: AchievementStatus? { nil }
}

extension ResultStatus: PackChoice {
    package var packWord: String { name }
    package init?(packWord: String) { self.init(name: packWord) }
    package static var blankValue: ResultStatus? { .provisional }
}

extension Service: PackChoice {
    package var packWord: String { code }
    package init?(packWord: String) { self.init(code: packWord) }
    package static var blankValue: Service? { nil }
}

extension ReviewOutcome: PackChoice {
    package var packWord: String { name }
    package init?(packWord: String) { self.init(name: packWord) }
    package static var blankValue: ReviewOutcome? { ReviewOutcome.none }
}
