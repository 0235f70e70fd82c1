/// What one measure counts and how it is read: a share of events that met a standard
/// (decisions within a working day) or an average over events (days on the register);
/// which way is better; what it can be broken down by; and whether its definition is
/// the Welsh Government's own. Its words are in the catalogue, under its id.
public struct Measure: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The share of events that met the standard, as a percentage.
        case share
        /// The mean of a value over the events.
        case average(Unit)
    }

    public enum Unit: String, Sendable, Hashable { case days, workingDays = "working-days", score }

    public enum Section: String, Sendable, Hashable, CaseIterable {
        case frontDoor = "front-door"
        case childProtection = "child-protection"
        case exploitationAndMissing = "exploitation-and-missing"
    }

    /// What a measure's figures can be split by. An agency is the one the event belongs
    /// to (the referrer's, the agency asked, the agency invited); a team is the one the
    /// child's case was allocated to when the event happened.
    public enum Breakdown: String, Sendable, Hashable, CaseIterable {
        case partnership, agency, team
    }

    public var id: MeasureID
    public var section: Section
    public var kind: Kind
    public var higherIsBetter: Bool
    public var breakdowns: [Breakdown]
    /// The definition is the Welsh Government's performance framework's (the page says so).
    public var welshGovernment: Bool
    /// The partnership's standard, in the measure's own terms (a percentage for a share),
    /// drawn as the target line; nil where the partnership has set none.
    public var target: Double?

    public var isShare: Bool { kind == .share }

    static let catalogue: [MeasureID: Measure] = {
        func measure(
            _ id: MeasureID, _ section: Section, _ kind: Kind = .share, higherIsBetter: Bool = true,
            byAgency: Bool = false, byTeam: Bool = true, welshGovernment: Bool = false, target: Double? = nil
        ) -> Measure {
            Measure(
                id: id, section: section, kind: kind, higherIsBetter: higherIsBetter,
                breakdowns: [.partnership] + (byAgency ? [.agency] : []) + (byTeam ? [.team] : []),
                welshGovernment: welshGovernment, target: target)
        }
        let all = [
            measure(.decisionsOnTime, .frontDoor, byAgency: true, target: 90),
            measure(.reReferrals, .frontDoor, higherIsBetter: false, byAgency: true, target: 20),
            measure(.referralQuality, .frontDoor, .average(.score), byAgency: true, target: 70),
            measure(.requestsAnsweredOnTime, .frontDoor, byAgency: true, target: 90),
            measure(.strategyMeetingsOnTime, .childProtection, target: 90),
            measure(.strategyMeetingDelay, .childProtection, .average(.workingDays), higherIsBetter: false),
            measure(.minutesCirculatedOnTime, .childProtection, target: 90),
            measure(.initialConferencesOnTime, .childProtection, target: 90),
            measure(.firstCoreGroupsOnTime, .childProtection, target: 90),
            measure(.reviewConferencesOnTime, .childProtection, target: 95),
            measure(.coreGroupAttendance, .childProtection, byAgency: true, target: 80),
            measure(.assessmentsOnTime, .childProtection, welshGovernment: true, target: 90),
            measure(.daysOnRegister, .childProtection, .average(.days), higherIsBetter: false, welshGovernment: true),
            measure(.reRegistrations, .childProtection, higherIsBetter: false, welshGovernment: true, target: 10),
            measure(.returnInterviewsOnTime, .exploitationAndMissing, byAgency: true, target: 90),
            // A review falls due on a day, not at a moment a case stood with a team.
            measure(.exploitationReviewsOnTime, .exploitationAndMissing, byTeam: false, target: 90),
        ]
        return Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
    }()

    public static var all: [Measure] { MeasureID.allCases.map(\.measure) }
}
