/// The eligibility verdict on one qualification entry.
package struct EntryVerdict: Sendable, Equatable {
    /// The entry's row.
    package var entry: Int32
    /// The reasons that hold for the entry, whatever its series or acknowledgement.
    package var reasons: Reasons
    /// GLH of the qualification's units achieved (not U) or in progress.
    package var glhAchieved: Int
    /// The qualification's GLH (0 when blank: then `notEnoughGLH` never holds).
    package var glhRequired: Int
    /// The entry's estimated completion is the current series.
    package var inSeries: Bool
    /// The centre has acknowledged the entry in the Progress Tracker.
    package var acknowledged: Bool
    /// The qualification has units in the store. Entries of qualifications without units
    /// (GCSEs, A levels) get no reasons at all.
    package var isUnitised: Bool

    package init(entry: Int32, reasons: Reasons, glhAchieved: Int, glhRequired: Int,
                inSeries: Bool, acknowledged: Bool, isUnitised: Bool) {
        self.entry = entry
        self.reasons = reasons
        self.glhAchieved = glhAchieved
        self.glhRequired = glhRequired
        self.inSeries = inSeries
        self.acknowledged = acknowledged
        self.isUnitised = isUnitised
    }

    /// In the current series, not acknowledged, and some reason holds.
    package var atRisk: Bool { Self.atRisk(inSeries: inSeries, acknowledged: acknowledged, reasons: reasons) }
    @inline(__always) package static func atRisk(inSeries: Bool, acknowledged: Bool, reasons: Reasons) -> Bool {
        inSeries && !acknowledged && !reasons.isEmpty
    }

    /// The reasons exq reports: those of an at-risk entry, none otherwise.
    package var reportedReasons: Reasons { atRisk ? reasons : [] }

    /// In the current series with some reason, acknowledged or not: it gets no result by design,
    /// so it is reported as not eligible, never as missing a result.
    package var notEligible: Bool { Self.notEligible(inSeries: inSeries, reasons: reasons) }
    @inline(__always) package static func notEligible(inSeries: Bool, reasons: Reasons) -> Bool { inSeries && !reasons.isEmpty }

    /// In the current series (acknowledged or not) with `Mandatory unit not yet achieved` or `No activity`
    /// (a unit the candidate was absent from is a unit not achieved).
    package var lacksMandatory: Bool { Self.lacksMandatory(inSeries: inSeries, reasons: reasons) }
    @inline(__always) package static func lacksMandatory(inSeries: Bool, reasons: Reasons) -> Bool {
        inSeries && !reasons.isDisjoint(with: [.mandatoryUnitNotAchieved, .noActivity])
    }
}
