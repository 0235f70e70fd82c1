import Foundation

/// A period on the child protection register: from the conference that registered
/// the child to the one that removed them. The register is these entries; the
/// current register is the entries without an end.
public struct RegisterEntry: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var childID: UUID
    public var categories: [AbuseCategory]
    public var registeredAt: Date
    public var registeredByConference: UUID
    public var deregisteredAt: Date?
    public var deregisteredByConference: UUID?
    /// Visits while registered, and when the child must next be seen alone and at home.
    public var visits: [ChildVisit]
    public var seenAloneDueAt: Date?
    public var seenAtHomeDueAt: Date?

    public init(
        id: UUID = UUID(), childID: UUID, categories: [AbuseCategory], registeredAt: Date, registeredByConference: UUID,
        deregisteredAt: Date? = nil, deregisteredByConference: UUID? = nil, visits: [ChildVisit] = [],
        seenAloneDueAt: Date? = nil, seenAtHomeDueAt: Date? = nil
    ) {
        self.id = id
        self.childID = childID
        self.categories = categories
        self.registeredAt = registeredAt
        self.registeredByConference = registeredByConference
        self.deregisteredAt = deregisteredAt
        self.deregisteredByConference = deregisteredByConference
        self.visits = visits
        self.seenAloneDueAt = seenAloneDueAt
        self.seenAtHomeDueAt = seenAtHomeDueAt
    }

    public var isCurrent: Bool { deregisteredAt == nil }
}
