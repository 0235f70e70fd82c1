import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

// The JSON shapes of the API. Property names are written in camelCase here and sent in
// snake_case (see configure), as the OpenAPI document describes them.

struct AgencyResponse: Content {
    var id: UUID
    var name: String
    var welshName: String
    var kind: AgencyKind
    var isHubMember: Bool

    init(_ agency: Agency) {
        id = agency.id
        name = agency.name
        welshName = agency.welshName
        kind = agency.kind
        isHubMember = agency.isHubMember
    }
}

struct UserResponse: Content {
    var id: UUID
    var username: String
    var displayName: String
    var email: String
    var jobTitle: String
    var agencyId: UUID
    var roles: [Role]
    var language: Language
    var isActive: Bool

    init(_ user: UserAccount) {
        id = user.id
        username = user.username
        displayName = user.displayName
        email = user.email
        jobTitle = user.jobTitle
        agencyId = user.agencyID
        roles = user.roles.sorted()
        language = user.language
        isActive = user.isActive
    }
}

struct MeResponse: Content {
    var user: UserResponse
    var agency: AgencyResponse
    var effectiveRoles: [Role]
    var permissions: [Permission]
    var unacknowledgedAlerts: Int?
}

struct ChildSearchResponse: Content {
    struct Line: Content {
        var id: UUID
        var restricted: Bool
        var name: String?
        var dateOfBirth: String?
        var postcode: String?
    }
    var results: [Line]
    /// A restricted record also matched; it is not among the results.
    var restrictedMayMatch: Bool
}

struct ChildResponse: Content {
    struct FamilyMemberResponse: Content {
        var id: UUID
        var name: String
        var relationship: Relationship
        var dateOfBirth: String?
        var holdsParentalResponsibility: Bool
        var livesWithChild: Bool
        var childId: UUID?
    }
    struct InvolvementResponse: Content {
        var agencyId: UUID
        var involvement: InvolvementKind
        var namedWorker: String
        var since: String?
        var until: String?
    }
    var id: UUID
    var givenName: String
    var middleNames: String
    var surname: String
    var knownAs: String
    var dateOfBirth: String?
    var sex: Sex
    var nhsNumber: String?
    var upn: String?
    var policeReference: String?
    var socialCareId: String?
    var address: String
    var postcode: String
    var preferredLanguage: Language
    var ethnicity: String
    var school: String
    var restricted: Bool
    var accessBasis: AccessBasis
    var family: [FamilyMemberResponse]
    var agencies: [InvolvementResponse]
    /// The warnings standing now, as far as the reader may see them (F19).
    var flags: [ChildFlag]

    init(_ summary: ChildRecordSummary, basis: AccessBasis, flags: [ChildFlag]) {
        self.flags = flags
        let child = summary.child
        id = child.id
        givenName = child.givenName
        middleNames = child.middleNames
        surname = child.surname
        knownAs = child.knownAs
        dateOfBirth = child.dateOfBirth?.iso
        sex = child.sex
        nhsNumber = child.nhsNumber
        upn = child.uniquePupilNumber
        policeReference = child.policeReference
        socialCareId = child.socialCareID
        address = child.address
        postcode = child.postcode
        preferredLanguage = child.preferredLanguage
        ethnicity = child.ethnicity
        school = child.school
        restricted = child.isRestricted
        accessBasis = basis
        family = summary.family.map {
            .init(id: $0.id, name: $0.name, relationship: $0.relationship, dateOfBirth: $0.dateOfBirth?.iso,
                holdsParentalResponsibility: $0.holdsParentalResponsibility, livesWithChild: $0.livesWithChild,
                childId: $0.childID)
        }
        agencies = summary.involvements.map {
            .init(agencyId: $0.agencyID, involvement: $0.involvement, namedWorker: $0.namedWorker,
                since: $0.since?.iso, until: $0.until?.iso)
        }
    }
}

struct AuditEntryResponse: Content {
    var sequence: Int64
    var occurredAt: Date
    var actorUserId: UUID?
    var actorName: String
    var agencyId: UUID?
    var roles: [Role]
    var action: AuditAction
    var childId: UUID?
    var subjectId: UUID?
    var reason: String
    var detail: String
    var hash: String

    init(_ entry: AuditEntry) {
        sequence = entry.sequence
        occurredAt = entry.event.occurredAt
        actorUserId = entry.event.actorUserID
        actorName = entry.event.actorName
        agencyId = entry.event.agencyID
        roles = entry.event.roles
        action = entry.event.action
        childId = entry.event.childID
        subjectId = entry.event.subjectID
        reason = entry.event.reason
        detail = entry.event.detail
        hash = entry.hash
    }
}

struct AuditListResponse: Content {
    var entries: [AuditEntryResponse]
}

struct AlertResponse: Content {
    var id: UUID
    var kind: AlertKind
    var childId: UUID?
    var raisedBy: UUID
    var reason: String
    var raisedAt: Date
    var acknowledgedAt: Date?

    init(_ alert: Alert) {
        id = alert.id
        kind = alert.kind
        childId = alert.childID
        raisedBy = alert.raisedBy
        reason = alert.reason
        raisedAt = alert.raisedAt
        acknowledgedAt = alert.acknowledgedAt
    }
}

struct TokenResponse: Content {
    var id: UUID
    var userId: UUID
    var label: String
    var issuedAt: Date
    var expiresAt: Date?
    var revokedAt: Date?
    /// Present only in the answer to issuing: the token is never shown again.
    var token: String?

    init(_ issued: IssuedAPIToken, token: String? = nil) {
        id = issued.id
        userId = issued.userID
        label = issued.label
        issuedAt = issued.issuedAt
        expiresAt = issued.expiresAt
        revokedAt = issued.revokedAt
        self.token = token
    }
}

struct ListResponse<Item: Content>: Content {
    var items: [Item]
}
