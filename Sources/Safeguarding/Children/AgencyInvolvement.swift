import Foundation

/// An agency's work with a child: a school the child attends, a health visitor,
/// an open youth justice case. Involvement is what lets an agency's safeguarding
/// lead read the child's record.
public struct AgencyInvolvement: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var agencyID: UUID
    public var involvement: InvolvementKind
    public var namedWorker: String
    public var since: CalendarDay?
    public var until: CalendarDay?

    public init(
        id: UUID = UUID(), agencyID: UUID, involvement: InvolvementKind, namedWorker: String = "",
        since: CalendarDay? = nil, until: CalendarDay? = nil
    ) {
        self.id = id
        self.agencyID = agencyID
        self.involvement = involvement
        self.namedWorker = namedWorker
        self.since = since
        self.until = until
    }

    public var isCurrent: Bool { until == nil }
}

/// The kind of work an agency does with a child.
public enum InvolvementKind: String, Sendable, Codable, CaseIterable, Hashable {
    case socialWorker = "social_worker"
    case school
    case healthVisitor = "health_visitor"
    case schoolNurse = "school_nurse"
    case generalPractice = "general_practice"
    case youthJusticeCase = "youth_justice_case"
    case policeContact = "police_contact"
    case probationAdultInHousehold = "probation_adult_in_household"
    case familySupport = "family_support"
}
