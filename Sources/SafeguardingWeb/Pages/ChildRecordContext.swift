import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// A child's record as the record page shows it, with every date and term already in
/// the reader's language.
struct ChildRecordContext: Encodable, Sendable {
    struct Row: Sendable {
        var labelKey: String
        var value: String
        var valueKey: String?
    }
    struct FamilyRow: Encodable, Sendable {
        var name: String
        var relationshipKey: String
        var dateOfBirth: String
        var parentalResponsibilityKey: String
        var livesWithChildKey: String
        var childHref: String?
    }
    struct AgencyRow: Encodable, Sendable {
        var agencyName: String
        var involvementKey: String
        var namedWorker: String
        var since: String
        var statusKey: String
    }
    struct AuditRow: Encodable, Sendable {
        var when: String
        var who: String
        var agencyName: String
        var actionKey: String
        var reason: String
    }
    struct ChronologyLine: Encodable, Sendable {
        var when: String
        var agencyName: String
        /// The event's title, with ``argumentKey``'s text in place of `{0}`.
        var titleKey: String
        var argumentKey: String?
        var reference: String
        var href: String
        /// The practitioners' own words, for those who may read them.
        var detail: String
    }
    struct UserChoice: Encodable, Sendable {
        var id: String
        var name: String
    }

    var id: String
    var name: String
    var isRestricted: Bool
    var basisKey: String
    /// The identity rows, written by ``ChildRecordRows/identity(_:language:catalogue:)``.
    var identityHTML: String
    var family: [FamilyRow]
    var agencies: [AgencyRow]
    var canSeeAudit: Bool
    /// The latest accesses' table rows, written by `ChildRecordRows`.
    var auditRowsHTML: String
    var canRestrict: Bool
    var grantableUsers: [UserChoice]
    var hasChronology: Bool
    /// The chronology's list items, written by `ChildRecordRows`.
    var chronologyHTML: String
    var canMerge: Bool
    var mergedRecords: [UserChoice]

    /// The child protection record's link, for those who may read it (F11–F15).
    var childProtectionHref: String?
    /// The child's missing episodes and warnings, each on its own page.
    var missingHref: String
    var exploitationHref: String
    var logHref: String
    var flagsHref: String
    /// The child's network and care pages (F20), and each place or group the child shares
    /// with other children: "3 children linked to 14 Heol Caerleon".
    var networkHref: String
    var careHref: String
    var networkShared: [String]
    /// Who holds the case: "Held by: Child protection team (east). Worker: Ffion Davies".
    var allocation: String
    var allocationHref: String

    /// The people a manager may name to read a restricted record: active, with roles that
    /// read children's records, and not the manager (see ``AccessPolicy/refusalToGrant(to:by:)``).
    static func grantableUsers(by user: SignedInUser, on request: Request) async throws -> [UserChoice] {
        let agencies = try await request.agenciesByID()
        let policy = AccessPolicy()
        return try await UserRepository(request.db).all().filter(\.isActive).compactMap { account in
            guard let agency = agencies[account.agencyID],
                policy.refusalToGrant(to: SignedInUser(account: account, agency: agency, session: nil).actor, by: user.actor) == nil
            else { return nil }
            return UserChoice(id: account.id.uuidString.lowercased(), name: account.displayName)
        }
    }

    /// The duplicate records merged into this one, named so a manager can undo a merge.
    static func mergedRecords(of childID: UUID, on database: any Database) async throws -> [UserChoice] {
        var records: [UserChoice] = []
        for id in try await MergeRepository(database).mergedRecords(of: childID) {
            if let child = try await ChildRepository(database).find(id) {
                let born = child.dateOfBirth?.iso ?? ""
                records.append(UserChoice(id: id.uuidString.lowercased(), name: "\(child.fullName) \(born)"))
            }
        }
        return records
    }

    static func make(
        summary: ChildRecordSummary, basis: AccessBasis, audit: [AuditEntry], for request: Request
    ) async throws -> ChildRecordContext {
        let language = request.language
        let user = try request.requireUser()
        let policy = AccessPolicy()
        let agencies = try await request.agenciesByID()
        let why = try await AuditWhy(for: audit.map(\.event), on: request)
        let child = summary.child
        let today = CalendarDay(Date(), in: DateWording.london)
        var identity: [Row] = [
            Row(labelKey: "child.field.name", value: child.fullName),
        ]
        if !child.knownAs.isEmpty { identity.append(Row(labelKey: "child.field.known_as", value: child.knownAs)) }
        if let dob = child.dateOfBirth {
            identity.append(Row(
                labelKey: "child.field.date_of_birth",
                value: request.t("child.date_of_birth_with_age", DateWording.date(dob, language), String(dob.age(on: today)))))
        } else {
            identity.append(Row(labelKey: "child.field.date_of_birth", value: "", valueKey: "value.not_known"))
        }
        identity.append(Row(labelKey: "child.field.sex", value: "", valueKey: "sex.\(child.sex.rawValue)"))
        for (key, value) in [
            // NHS numbers are read aloud and copied in groups of three, three and four.
            ("child.field.nhs_number", child.nhsNumber.map { (try? NHSNumber($0))?.formatted ?? $0 }),
            ("child.field.upn", child.uniquePupilNumber),
            ("child.field.police_reference", child.policeReference), ("child.field.social_care_id", child.socialCareID),
        ] {
            identity.append(value.map { Row(labelKey: key, value: $0) }
                ?? Row(labelKey: key, value: "", valueKey: "value.not_recorded"))
        }
        identity.append(Row(labelKey: "child.field.address", value: [child.address, child.postcode].filter { !$0.isEmpty }
            .joined(separator: ", ")))
        identity.append(Row(labelKey: "child.field.language", value: "", valueKey: "language.name.\(child.preferredLanguage.rawValue)"))
        if !child.ethnicity.isEmpty { identity.append(Row(labelKey: "child.field.ethnicity", value: child.ethnicity)) }
        if !child.school.isEmpty { identity.append(Row(labelKey: "child.field.school", value: child.school)) }

        let working = try await working(of: summary, for: request)
        let canRestrict = policy.permits(user.actor, .restrictRecords)
        return ChildRecordContext(
            id: child.id.uuidString.lowercased(), name: child.fullName, isRestricted: child.isRestricted,
            basisKey: "access.basis.\(basis.rawValue)", identityHTML: ChildRecordRows.identity(identity, language: language, catalogue: request.application.catalogue),
            family: summary.family.map { member in
                FamilyRow(
                    name: member.name, relationshipKey: "relationship.\(member.relationship.rawValue)",
                    dateOfBirth: member.dateOfBirth.map { DateWording.date($0, language) } ?? "",
                    parentalResponsibilityKey: member.holdsParentalResponsibility ? "child.family.pr.yes" : "child.family.pr.no",
                    livesWithChildKey: member.livesWithChild ? "value.yes" : "value.no",
                    childHref: member.childID.map { "/children/\($0.uuidString.lowercased())" })
            },
            agencies: working.agencies,
            canSeeAudit: policy.permits(user.actor, .viewChildAudit),
            auditRowsHTML: ChildRecordRows.audit(audit.map { entry in
                AuditRow(
                    when: DateWording.dateTime(entry.event.occurredAt, language),
                    who: entry.event.actorName,
                    agencyName: entry.event.agencyID.flatMap { agencies[$0]?.name(in: language) } ?? "",
                    actionKey: "audit.action.\(entry.event.action.rawValue)",
                    reason: why.text(for: entry.event))
            }, language: language, catalogue: request.application.catalogue),
            canRestrict: canRestrict,
            grantableUsers: canRestrict && child.isRestricted
                ? try await grantableUsers(by: user, on: request) : [],
            hasChronology: !working.chronology.isEmpty,
            chronologyHTML: ChildRecordRows.chronology(
                working.chronology, language: language, catalogue: request.application.catalogue),
            canMerge: policy.permits(user.actor, .mergeRecords),
            mergedRecords: policy.permits(user.actor, .mergeRecords)
                ? try await mergedRecords(of: child.id, on: request.db) : [],
            childProtectionHref: policy.permits(user.actor, .viewChildProtection)
                ? "/children/\(child.id.uuidString.lowercased())/child-protection" : nil,
            missingHref: "/children/\(child.id.uuidString.lowercased())/missing",
            exploitationHref: "/children/\(child.id.uuidString.lowercased())/exploitation",
            logHref: "/children/\(child.id.uuidString.lowercased())/log",
            flagsHref: "/children/\(child.id.uuidString.lowercased())/flags",
            networkHref: "/children/\(child.id.uuidString.lowercased())/network",
            careHref: "/children/\(child.id.uuidString.lowercased())/care",
            networkShared: try await NetworkRepository(request.db).shared(by: child.id, on: today).map {
                request.t("child.network.shared.\($0.node.kind.rawValue)", String($0.children), $0.node.name)
            },
            allocation: try await AllocationDesk.wording(of: child.id, on: request),
            allocationHref: "/children/\(child.id.uuidString.lowercased())/allocation")
    }
}
