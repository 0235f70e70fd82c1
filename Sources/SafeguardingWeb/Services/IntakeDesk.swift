import Fluent
import Foundation
import PersonMatching
import Safeguarding
import SafeguardingStore
import Vapor

/// Finding the child a referral is about among the children the partnership already
/// knows, and linking the referral to that record or starting a new one (F3).
struct IntakeDesk {
    let request: Request
    let user: SignedInUser

    init(_ request: Request) throws {
        self.request = request
        self.user = try request.requireUser()
        guard AccessPolicy().permits(user.actor, .screenReferrals) else { throw ProblemError.forbidden }
    }

    /// A record that may be the referred child, with how likely and why.
    struct Candidate: Sendable {
        var child: Child
        var probability: Double
        var reasons: [MatchReason]
    }

    /// The records that may be the referred child and that the reader may open, and
    /// whether a record they may not open (a restricted one) may match too. Of that
    /// record nothing is given: not its id, nor which details agree with it.
    func candidates(for referral: Referral, limit: Int = 5) async throws -> (visible: [Candidate], restrictedMayMatch: Bool) {
        let matches = try await request.application.childIndex.candidates(
            for: ChildIndex.person(referral.form.child), on: request.db, limit: limit)
        var found: [Candidate] = []
        var restrictedMayMatch = false
        let children = ChildRepository(request.db)
        for match in matches {
            guard let id = UUID(uuidString: match.recordID), let child = try await children.find(id) else { continue }
            guard try await ChildRecordDesk.mayOpen(id, as: user, on: request.db) else {
                if child.isRestricted { restrictedMayMatch = true }
                continue
            }
            found.append(Candidate(child: child, probability: match.probability, reasons: match.reasons))
        }
        return (found, restrictedMayMatch)
    }

    /// Links the referral to an existing record.
    func link(_ referralID: UUID, to childID: UUID) async throws {
        let user = self.user, requestID = request.requestID, catalogue = request.application.catalogue
        let calendar = request.application.workingCalendar, rules = request.application.diogelu.missingRules
        try await request.store.transaction { db in
            guard var referral = try await ReferralRepository(db).find(referralID), referral.status != .draft else {
                throw ProblemError.notFound
            }
            // Linking needs the access opening does: a linked record's agencies and
            // earlier referrals show on the referral's page.
            guard try await ChildRecordDesk.mayOpen(childID, as: user, on: db) else {
                throw ValidationFailure([FieldError("child_id", .notAnIdentifier)])
            }
            referral.childID = childID
            try await ReferralRepository(db).save(referral)
            try await EncompassDesk.childLinked(referral, catalogue: catalogue, db: db)
            try await MissingDesk.policeNoticeLinked(
                referral, by: user, rules: rules, calendar: calendar, requestID: requestID, db: db)
            // Decided "strategy discussion" before it was linked: the discussion opens now,
            // still on the decision's clock.
            if referral.outcome == .strategyDiscussion {
                try await ChildProtectionDesk.openDiscussion(after: referral, calendar: calendar, on: db)
            }
            try await AuditTrail.append(
                user.auditEvent(.referralLinked, childID: childID, subjectID: referralID, requestID: requestID), on: db)
        }
    }

    /// Starts a new record from what the referrer wrote, with the household as the
    /// family, and links the referral to it.
    func createRecord(for referralID: UUID) async throws -> Child {
        let user = self.user, requestID = request.requestID, calendar = request.application.workingCalendar
        let catalogue = request.application.catalogue, rules = request.application.diogelu.missingRules
        let child: Child = try await request.store.transaction { db in
            guard var referral = try await ReferralRepository(db).find(referralID), referral.status != .draft else {
                throw ProblemError.notFound
            }
            let referred = referral.form.child
            let child = Child(
                givenName: referred.givenName, surname: referred.surname, knownAs: referred.aliases,
                dateOfBirth: referred.dateOfBirth, sex: referred.sex ?? .unknown,
                nhsNumber: (try? NHSNumber(referred.nhsNumber))?.digits,
                uniquePupilNumber: (try? UniquePupilNumber(referred.uniquePupilNumber))?.value,
                address: referred.address, postcode: (try? Postcode(referred.postcode))?.formatted ?? referred.postcode,
                preferredLanguage: referral.form.familyLanguage == .welsh ? .welsh : .english,
                ethnicity: referred.ethnicity, school: referred.schoolAndAttendance)
            let family = referral.form.household.map {
                FamilyMember(
                    name: $0.name, relationship: $0.relationship, dateOfBirth: $0.dateOfBirth,
                    holdsParentalResponsibility: $0.holdsParentalResponsibility, livesWithChild: $0.livesWithChild)
            }
            try await ChildRepository(db).create(child, family: family)
            referral.childID = child.id
            try await ReferralRepository(db).save(referral)
            try await EncompassDesk.childLinked(referral, catalogue: catalogue, db: db)
            try await MissingDesk.policeNoticeLinked(
                referral, by: user, rules: rules, calendar: calendar, requestID: requestID, db: db)
            if referral.outcome == .strategyDiscussion {
                try await ChildProtectionDesk.openDiscussion(after: referral, calendar: calendar, on: db)
            }
            try await AuditTrail.append(
                user.auditEvent(.childRecordCreated, childID: child.id, subjectID: referralID, requestID: requestID), on: db)
            try await AuditTrail.append(
                user.auditEvent(.referralLinked, childID: child.id, subjectID: referralID, requestID: requestID), on: db)
            return child
        }
        await request.application.childIndex.add(child)
        return child
    }
}
