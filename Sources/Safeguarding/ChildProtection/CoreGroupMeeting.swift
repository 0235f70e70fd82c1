import Foundation

/// A core group meeting: the professionals who turn the outline protection plan into
/// the detailed plan and carry it out. The first is due 10 working days after the
/// ICPC; later ones at most 6 weeks apart. Attendance is recorded for every invitee by
/// agency and role, the GP included, because "attendance unknown" and "no GP
/// attendance" were inspection findings.
public struct CoreGroupMeeting: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var childID: UUID
    public var registerEntryID: UUID
    public var dueAt: Date
    public var heldAt: Date?
    public var members: [CoreGroupMember]
    public var recordedBy: UUID?

    public init(
        id: UUID = UUID(), childID: UUID, registerEntryID: UUID, dueAt: Date, heldAt: Date? = nil,
        members: [CoreGroupMember] = [], recordedBy: UUID? = nil
    ) {
        self.id = id
        self.childID = childID
        self.registerEntryID = registerEntryID
        self.dueAt = dueAt
        self.heldAt = heldAt
        self.members = members
        self.recordedBy = recordedBy
    }

    public var isHeld: Bool { heldAt != nil }
}

/// One professional invited to a core group, and what they did.
public struct CoreGroupMember: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var agencyID: UUID
    public var role: ProfessionalRole
    public var name: String
    /// Nil until the meeting is recorded.
    public var attended: Bool?
    public var reportSubmitted: Bool

    public init(
        id: UUID = UUID(), agencyID: UUID, role: ProfessionalRole, name: String, attended: Bool? = nil,
        reportSubmitted: Bool = false
    ) {
        self.id = id
        self.agencyID = agencyID
        self.role = role
        self.name = name
        self.attended = attended
        self.reportSubmitted = reportSubmitted
    }
}

/// The professional roles around a child in a core group.
public enum ProfessionalRole: String, Sendable, Hashable, Codable, CaseIterable {
    case socialWorker = "social_worker"
    case generalPractitioner = "general_practitioner"
    case healthVisitor = "health_visitor"
    case schoolNurse = "school_nurse"
    case teacher
    case policeOfficer = "police_officer"
    case youthJusticeWorker = "youth_justice_worker"
    case probationOfficer = "probation_officer"
    case familySupportWorker = "family_support_worker"

    /// The role that an agency involvement implies.
    public init(_ involvement: InvolvementKind) {
        switch involvement {
        case .socialWorker: self = .socialWorker
        case .school: self = .teacher
        case .healthVisitor: self = .healthVisitor
        case .schoolNurse: self = .schoolNurse
        case .generalPractice: self = .generalPractitioner
        case .youthJusticeCase: self = .youthJusticeWorker
        case .policeContact: self = .policeOfficer
        case .probationAdultInHousehold: self = .probationOfficer
        case .familySupport: self = .familySupportWorker
        }
    }
}
