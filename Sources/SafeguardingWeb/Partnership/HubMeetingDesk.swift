import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// Hub meetings (F8): the agenda builds itself from the referrals waiting for a
/// decision, attendance is recorded by agency, items are decided through the hub's
/// ordinary decision, and closing the meeting sends its minutes to every attendee.
struct HubMeetingDesk {
    let request: Request
    let user: SignedInUser

    init(_ request: Request) throws {
        self.request = request
        self.user = try request.requireUser()
    }

    /// Everything a meeting page or its minutes need.
    struct Record: Sendable {
        var meeting: HubMeeting
        var referrals: [UUID: Referral]
        var requests: [UUID: [InformationRequest]]
        var lacking: [UUID: [UUID]]
        var agencies: [UUID: Agency]
        var chairName: String
        /// The latest decision on each item's referral, for the reasons in the minutes.
        var decisions: [UUID: HubDecision] = [:]
    }

    func recent() async throws -> [HubMeeting] {
        try await HubMeetingRepository(request.db).recent(limit: 20)
    }

    /// Opens a meeting whose agenda is every referral now waiting, most urgent first.
    func open(startsAt: Date) async throws -> HubMeeting {
        if let refusal = HubMeetingError.refusal(startingAt: startsAt, now: Date()) { throw Self.failure(refusal) }
        let user = self.user, requestID = request.requestID
        return try await request.store.transaction { db in
            try await Self.open(startsAt: startsAt, by: user, requestID: requestID, on: db)
        }
    }

    /// The opening itself, inside the caller's transaction (the demonstration partnership
    /// plans its next meeting through this too).
    static func open(startsAt: Date, by user: SignedInUser, requestID: String, on db: any Database) async throws -> HubMeeting {
        let waiting = try await ReferralRepository(db).queue(limit: 200)
        let meeting = HubMeeting(
            startsAt: startsAt, chairID: user.account.id,
            items: waiting.enumerated().map { HubMeetingItem(referralID: $0.element.id, position: $0.offset + 1) })
        try await HubMeetingRepository(db).create(meeting)
        try await AuditTrail.append(
            user.auditEvent(.hubMeetingOpened, subjectID: meeting.id, detail: "items=\(meeting.items.count)",
                requestID: requestID), on: db)
        return meeting
    }

    func record(_ id: UUID) async throws -> Record {
        guard let meeting = try await HubMeetingRepository(request.db).find(id) else { throw ProblemError.notFound }
        return try await Self.record(of: meeting, db: request.db)
    }

    static func record(of meeting: HubMeeting, db: any Database) async throws -> Record {
        let ids = meeting.items.map(\.referralID)
        let referrals = try await ReferralRepository(db).find(ids)
        let requests = Dictionary(grouping: try await InformationRequestRepository(db).forReferrals(ids), by: \.referralID)
        let involvements = try await ChildRepository(db).involvements(of: referrals.values.compactMap(\.childID))
        var expected: [UUID: [ExpectedContribution]] = [:]
        for id in ids {
            var contributions = (requests[id] ?? []).map {
                ExpectedContribution(agencyID: $0.agencyID, answeredInWriting: $0.isAnswered)
            }
            if let childID = referrals[id]?.childID {
                let asked = Set(contributions.map(\.agencyID))
                contributions += (involvements[childID] ?? []).filter { $0.isCurrent && !asked.contains($0.agencyID) }
                    .map { ExpectedContribution(agencyID: $0.agencyID, answeredInWriting: false) }
            }
            expected[id] = contributions
        }
        // Until attendance is taken no one is known to be absent.
        let lacking = meeting.attendance.isEmpty ? [:] : meeting.itemsLackingInformation(expected: expected)
        let agencies = Dictionary(uniqueKeysWithValues: try await AgencyRepository(db).all().map { ($0.id, $0) })
        let chair = try await UserRepository(db).find(meeting.chairID)?.displayName ?? ""
        let decisions = try await DecisionRepository(db).all(forReferrals: ids).compactMapValues { $0.last }
        return Record(
            meeting: meeting, referrals: referrals, requests: requests, lacking: lacking, agencies: agencies, chairName: chair,
            decisions: decisions)
    }

    /// Replaces the attendance with what the chair recorded. An attendee whose name is
    /// that of an account in their agency is linked to it, so the minutes reach them.
    /// Whether the meeting exists: asked before a write's body is read, so that its problems never tell what exists.
    func mayReach(_ id: UUID) async throws {
        guard try await HubMeetingRepository(request.db).find(id) != nil else { throw ProblemError.notFound }
    }

    func recordAttendance(_ id: UUID, _ recorded: [HubMeetingAttendance]) async throws {
        let user = self.user, requestID = request.requestID
        let accounts = try await UserRepository(request.db).all()
        let attendance = recorded.map { entry in
            var entry = entry
            entry.userID = entry.present
                ? accounts.first {
                    $0.agencyID == entry.agencyID && $0.displayName.caseInsensitiveCompare(entry.attendeeName) == .orderedSame
                }?.id
                : nil
            return entry
        }
        try await request.store.transaction { db in
            guard var meeting = try await HubMeetingRepository(db).find(id) else { throw ProblemError.notFound }
            guard !meeting.isClosed else { throw Self.failure(.closed) }
            meeting.attendance = attendance
            try await HubMeetingRepository(db).save(meeting)
            try await AuditTrail.append(
                user.auditEvent(.hubMeetingChanged, subjectID: id,
                    detail: "present=\(attendance.filter(\.present).count) absent=\(attendance.filter { !$0.present }.count)",
                    requestID: requestID), on: db)
        }
    }

    /// Notes a decision against the open meeting that has the referral on its agenda;
    /// called inside the decision's transaction.
    static func noteDecision(referralID: UUID, outcome: DecisionOutcome, at now: Date, db: any Database) async throws {
        guard var meeting = try await HubMeetingRepository(db).openMeeting(with: referralID),
            let index = meeting.items.firstIndex(where: { $0.referralID == referralID })
        else { return }
        meeting.items[index].outcome = outcome
        meeting.items[index].decidedAt = now
        try await HubMeetingRepository(db).save(meeting)
    }

    func requireOnAgenda(_ meetingID: UUID, _ referralID: UUID) async throws {
        guard let meeting = try await HubMeetingRepository(request.db).find(meetingID) else { throw ProblemError.notFound }
        guard !meeting.isClosed else { throw Self.failure(.closed) }
        guard meeting.items.contains(where: { $0.referralID == referralID }) else { throw Self.failure(.notOnAgenda) }
    }

    /// Closes the meeting and sends the minutes, in both languages, to every attendee
    /// with an account, in the same transaction.
    func close(_ id: UUID) async throws {
        let user = self.user, requestID = request.requestID, catalogue = request.application.catalogue
        try await request.store.transaction { db in
            guard var meeting = try await HubMeetingRepository(db).find(id) else { throw ProblemError.notFound }
            let now = Date()
            // Not before it is held; and a meeting nobody attended has no minutes to send.
            if let refusal = HubMeetingError.closingRefusal(meeting, now: now) { throw Self.failure(refusal) }
            meeting.closedAt = now
            meeting.minutesSentAt = now
            try await HubMeetingRepository(db).save(meeting)
            let record = try await Self.record(of: meeting, db: db)
            let minutes = Dictionary(uniqueKeysWithValues: Language.allCases.map {
                ($0, HubMeetingMinutes(record: record, language: $0, catalogue: catalogue).text)
            })
            var recipients = Set(meeting.attendance.filter(\.present).compactMap(\.userID))
            recipients.insert(meeting.chairID)
            let policy = AccessPolicy()
            let agencies = try await AgencyRepository(db).all()
            for recipient in recipients {
                // The minutes speak of children: they go only to active accounts of those
                // who take part in screening (hub staff, agencies' safeguarding leads), not
                // to whoever was named as attending.
                guard let person = try await UserRepository(db).find(recipient), person.isActive,
                    let agency = agencies.first(where: { $0.id == person.agencyID }),
                    policy.permits(Actor(user: person, agency: agency), .answerInformationRequests)
                else { continue }
                try await NoticeRepository(db).enqueue(
                    PartnershipNotices.minutes(minutes, startsAt: meeting.startsAt, to: person, catalogue: catalogue))
            }
            try await AuditTrail.append(
                user.auditEvent(.hubMeetingClosed, subjectID: id, detail: "minutes_to=\(recipients.count)",
                    requestID: requestID), on: db)
        }
    }

    static func failure(_ error: HubMeetingError) -> ValidationFailure {
        let (field, key) = switch error {
        case .closed: ("meeting", "error.meeting.closed")
        case .notOnAgenda: ("referral", "error.meeting.not_on_agenda")
        case .itemsUndecided: ("meeting", "error.meeting.items_undecided")
        case .noAttendance: ("attendance", "error.meeting.no_attendance")
        case .startsOutOfRange: ("starts_at", "error.meeting.starts_out_of_range")
        case .notYetHeld: ("meeting", "error.meeting.not_yet_held")
        }
        return ValidationFailure([FieldError(field, .invalid(key))])
    }
}

/// The minutes of a hub meeting, written from the record in one language: who came for
/// which agency, which agencies sent no one, and each item's decision with any
/// information that was missing because an agency was absent.
struct HubMeetingMinutes {
    struct Item: Encodable, Sendable {
        var reference: String
        var childName: String
        var href: String
        var outcome: String
        var reasons: String
        var lacking: String
    }

    var heading: String
    var chair: String
    var presentLabel: String
    var present: [String]
    var absentLabel: String
    var absent: [String]
    var items: [Item]

    init(record: HubMeetingDesk.Record, language: Language, catalogue: Catalogue) {
        let meeting = record.meeting
        func agencyName(_ id: UUID) -> String { record.agencies[id]?.name(in: language) ?? "" }
        heading = catalogue.text("minutes.heading", language, [DateWording.dateTime(meeting.startsAt, language)])
        chair = catalogue.text("minutes.chair", language, [record.chairName])
        presentLabel = catalogue.text("minutes.present", language)
        absentLabel = catalogue.text("minutes.absent", language)
        (present, absent) = Self.attendance(meeting.attendance, agencies: record.agencies, language: language)
        items = meeting.items.sorted { $0.position < $1.position }.map { item in
            let referral = record.referrals[item.referralID]
            let lacking = (record.lacking[item.referralID] ?? []).map(agencyName).joined(separator: ", ")
            // An item carried forward was not decided at all: "decided without information
            // from …" belongs to a decision, and said of one carried forward contradicted it.
            return Item(
                reference: referral?.reference ?? "", childName: referral?.form.child.fullName ?? "",
                href: "/referrals/\(item.referralID.uuidString.lowercased())",
                outcome: item.outcome.map { catalogue.text("decision.outcome.\($0.rawValue)", language) }
                    ?? catalogue.text("minutes.not_decided", language),
                reasons: item.outcome == nil ? "" : record.decisions[item.referralID]?.reasons ?? "",
                lacking: lacking.isEmpty ? ""
                    : catalogue.text(item.outcome == nil ? "minutes.awaiting" : "minutes.lacking", language, [lacking]))
        }
    }

    /// The minutes as the text of an email: references and decisions only. Names and
    /// reasons stay in Diogelu, on the minutes page, where reading them is audited.
    var text: String {
        var lines = [heading, chair, "", presentLabel]
        lines += present.map { "  " + $0 }
        if !absent.isEmpty { lines += [absentLabel] + absent.map { "  " + $0 } }
        lines.append("")
        for item in items {
            lines.append("\(item.reference): \(item.outcome)")
            if !item.lacking.isEmpty { lines.append("  " + item.lacking) }
        }
        return lines.joined(separator: "\n")
    }
}

extension HubMeetingMinutes {
    /// Who came for each agency ("Gwent Police, Rhian Evans, sergeant"), and the agencies
    /// that sent no one: the attendance lines of any meeting's minutes, hub or MACE.
    static func attendance(
        _ attendance: [HubMeetingAttendance], agencies: [UUID: Agency], language: Language
    ) -> (present: [String], absent: [String]) {
        func agencyName(_ id: UUID) -> String { agencies[id]?.name(in: language) ?? "" }
        let present = attendance.filter(\.present).map {
            [agencyName($0.agencyID), $0.attendeeName, $0.attendeeRole].filter { !$0.isEmpty }.joined(separator: ", ")
        }
        return (present, attendance.filter { !$0.present }.map { agencyName($0.agencyID) })
    }
}
