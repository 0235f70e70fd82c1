import Foundation

/// The rules of lateral checks: who to ask, when answers are due and chased, and what
/// a complete answer holds.
public enum InformationRequestRules {
    /// The agencies to ask about a child: every agency recorded as involved with the
    /// child now or before, apart from the one that made the referral (it has said
    /// what it knows) and any already asked on this referral. Current involvement first.
    public static func suggestedAgencies(
        involvements: [AgencyInvolvement], namedInReferral: [UUID] = [], referrerAgencyID: UUID?, alreadyAsked: Set<UUID>
    ) -> [UUID] {
        var seen = alreadyAsked
        if let referrerAgencyID { seen.insert(referrerAgencyID) }
        var ordered: [UUID] = []
        let involved = involvements.sorted(by: { $0.isCurrent && !$1.isCurrent }).map(\.agencyID)
        for agencyID in involved + namedInReferral where !seen.contains(agencyID) {
            seen.insert(agencyID)
            ordered.append(agencyID)
        }
        return ordered
    }

    /// The agencies a referral names where the referrer says who is involved and where the
    /// child goes to school: a referral about a child whose record is not yet linked
    /// still suggests whom to ask.
    public static func agenciesNamed(in form: ReferralForm, among agencies: [(id: UUID, names: [String])]) -> [UUID] {
        AgencyMentions.named(in: form.agenciesInvolved + "\n" + form.child.schoolAndAttendance, among: agencies)
    }

    /// The problems with an answer; empty when it can be accepted. An agency that holds
    /// information must say what it knows and what risks it knows of.
    public static func problems(of answer: InformationAnswer, today: CalendarDay) -> [FieldError] {
        var errors: [FieldError] = []
        func blank(_ text: String) -> Bool { text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if answer.knowledge.holdsInformation {
            if blank(answer.whatIsKnown) { errors.append(FieldError("what_is_known", .invalid("error.request.what_is_known"))) }
            if blank(answer.knownRisks) { errors.append(FieldError("known_risks", .invalid("error.request.known_risks"))) }
        }
        if let contact = answer.lastContact, contact > today { errors.append(FieldError("last_contact", .dateInFuture)) }
        return errors
    }

    /// Whether an unanswered request should be chased now: once it is overdue, and
    /// again each time the chase interval has passed since the last chase.
    public static func isDueForChase(_ request: InformationRequest, at now: Date, calendar: WorkingCalendar) -> Bool {
        guard !request.isAnswered, now > request.dueAt else { return false }
        guard let last = request.lastChasedAt else { return true }
        return now >= calendar.dueDate(for: calendar.timescales[.informationRequestChase], from: last)
    }
}

/// Why a request for information cannot be sent or answered.
public enum InformationRequestError: Error, Sendable, Hashable {
    case alreadyAnswered
    case notForYourAgency
    case referralNotOpen
    case alreadyAsked
}
