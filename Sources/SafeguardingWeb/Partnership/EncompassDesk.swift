import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// Operation Encompass (F21): a notification to the child's school, created with the
/// police notice and sent to the school's safeguarding leads at once.
struct EncompassDesk {
    let request: Request
    let user: SignedInUser

    init(_ request: Request) throws {
        self.request = request
        self.user = try request.requireUser()
    }

    /// Creates the notification when a submitted notice calls for one, inside the
    /// submission's transaction, and sends it if the child's school is known.
    static func notify(for referral: Referral, at now: Date, calendar: WorkingCalendar, catalogue: Catalogue, db: any Database)
        async throws
    {
        // A second officer's notice of the same incident is counted under the first: the
        // school is told once about one incident, not once for each notice.
        guard OperationEncompass.applies(to: referral.form), referral.episodeLeadID == nil,
            try await EncompassRepository(db).forReferral(referral.id) == nil
        else { return }
        let school = try await schoolOf(referral.childID, db: db)
        guard var notification = OperationEncompass.notification(for: referral, schoolAgencyID: school, at: now, calendar: calendar)
        else { return }
        try await EncompassRepository(db).create(notification)
        if school != nil {
            try await send(&notification, reference: referral.reference ?? "", at: now, catalogue: catalogue, db: db)
        }
    }

    /// Once the hub links the notice to a child whose school is known, the school is told.
    static func childLinked(_ referral: Referral, catalogue: Catalogue, db: any Database) async throws {
        guard var notification = try await EncompassRepository(db).forReferral(referral.id),
            notification.schoolAgencyID == nil, let school = try await schoolOf(referral.childID, db: db)
        else { return }
        notification.childID = referral.childID
        notification.schoolAgencyID = school
        try await EncompassRepository(db).save(notification)
        try await send(&notification, reference: referral.reference ?? "", at: Date(), catalogue: catalogue, db: db)
    }

    /// The child's school: the one the record shows as involved, or else the one its
    /// school field names ("Ysgol Gymraeg Bro Teyrnon, year 4"), which a record started
    /// from a referral has and which had left notices waiting as "school not known".
    private static func schoolOf(_ childID: UUID?, db: any Database) async throws -> UUID? {
        guard let childID, let summary = try await ChildRepository(db).summary(of: childID) else { return nil }
        let schools = try await AgencyRepository(db).all().filter { $0.kind == .school }
        if let school = OperationEncompass.school(of: summary.involvements, among: Set(schools.map(\.id))) { return school }
        return AgencyMentions.named(in: summary.child.school, among: schools.map { ($0.id, [$0.name, $0.welshName]) }).first
    }

    /// Tells every safeguarding lead of the school, and marks the notification sent at
    /// `now`: the moment of the submission that sends it, or of the hub's naming the school.
    private static func send(
        _ notification: inout EncompassNotification, reference: String, at now: Date, catalogue: Catalogue, db: any Database
    ) async throws {
        guard let schoolID = notification.schoolAgencyID else { return }
        let leads = try await UserRepository(db).members(of: schoolID).filter { $0.roles.contains(.safeguardingLead) }
        for lead in leads {
            try await NoticeRepository(db).enqueue(PartnershipNotices.encompass(notification, reference: reference, to: lead, catalogue: catalogue))
        }
        notification.sentAt = now
        try await EncompassRepository(db).save(notification)
        try await AuditTrail.append(
            AuditEvent(
                actorUserID: nil, actorName: "Diogelu", agencyID: schoolID, roles: [], action: .encompassNotificationSent,
                childID: notification.childID, subjectID: notification.id, detail: "leads=\(leads.count)", requestID: "encompass"),
            on: db)
    }

    /// Whether the signed-in person works in the hub (sees every notification) or a school (its own).
    var isHub: Bool { AccessPolicy().permits(user.actor, .screenReferrals) }

    func list() async throws -> [(notification: EncompassNotification, referral: Referral)] {
        let repository = EncompassRepository(request.db)
        let notifications = isHub ? try await repository.recent() : try await repository.forSchool(user.agency.id)
        let referrals = try await ReferralRepository(request.db).find(notifications.map(\.referralID))
        let lines = notifications.compactMap { notification in referrals[notification.referralID].map { (notification, $0) } }
        // The school sees children's names on this page: the read is audited per child.
        let user = self.user, requestID = request.requestID, shown = lines.map(\.0)
        try await request.store.transaction { db in
            for notification in shown {
                try await AuditTrail.append(
                    user.auditEvent(.encompassNotificationViewed, childID: notification.childID, subjectID: notification.id,
                        reason: "operation_encompass", requestID: requestID), on: db)
            }
        }
        return lines
    }

    /// Whether the notice is this reader's school's: asked before a write's body is read, so that its problems never tell what exists.
    func mayReach(_ id: UUID) async throws {
        guard let notification = try await EncompassRepository(request.db).find(id), notification.schoolAgencyID == user.agency.id
        else { throw ProblemError.notFound }
    }

    /// The school's lead records that they saw it.
    func markSeen(_ id: UUID) async throws {
        let user = self.user, requestID = request.requestID
        try await request.store.transaction { db in
            try await Self.markSeen(id, by: user, at: Date(), requestID: requestID, db: db)
        }
    }

    /// The acknowledgement itself, inside the caller's transaction (the demonstration
    /// partnership's school acknowledges a notice through this too).
    static func markSeen(_ id: UUID, by user: SignedInUser, at now: Date, requestID: String, db: any Database) async throws {
        guard var notification = try await EncompassRepository(db).find(id),
            notification.schoolAgencyID == user.agency.id
        else { throw ProblemError.notFound }
        guard notification.seenAt == nil else { return }
        notification.seenAt = now
        notification.seenBy = user.account.id
        try await EncompassRepository(db).save(notification)
        try await AuditTrail.append(
            user.auditEvent(.encompassNotificationSeen, childID: notification.childID, subjectID: id, requestID: requestID),
            on: db)
    }

    /// The hub names the school when the record does not say which it is.
    func assignSchool(_ id: UUID, schoolID: UUID) async throws {
        let user = self.user, requestID = request.requestID, catalogue = request.application.catalogue
        try await request.store.transaction { db in
            guard var notification = try await EncompassRepository(db).find(id) else { throw ProblemError.notFound }
            guard let school = try await AgencyRepository(db).find(schoolID), school.kind == .school else {
                throw ValidationFailure([FieldError("school_id", .invalid("error.encompass.not_a_school"))])
            }
            guard notification.schoolAgencyID == nil else {
                throw ValidationFailure([FieldError("school_id", .invalid("error.encompass.already_sent"))])
            }
            notification.schoolAgencyID = school.id
            let reference = try await ReferralRepository(db).find(notification.referralID)?.reference ?? ""
            try await Self.send(&notification, reference: reference, at: Date(), catalogue: catalogue, db: db)
            try await AuditTrail.append(
                user.auditEvent(.encompassNotificationSent, childID: notification.childID, subjectID: id,
                    detail: "school=\(school.id.uuidString.lowercased())", requestID: requestID), on: db)
        }
    }
}
