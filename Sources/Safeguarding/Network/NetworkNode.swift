import Foundation

/// An adult who may pose a risk to children, a place, or a peer group (F20). A child is
/// no node of its own: the child's record is, and a link names the child by its id, so
/// who may see a child in a network is decided by who may open the child's record.
public struct NetworkNode: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var kind: NetworkNodeKind
    /// An adult's name, a place's name ("Bryn Guest House", "14 Commercial Road") or the
    /// name practitioners know a group by.
    public var name: String
    /// Only a place has one.
    public var placeKind: PlaceKind?
    public var address: String
    public var postcode: String
    /// What is known of a group or a place: where it meets, what goes on there.
    public var description: String
    /// An adult's, where known.
    public var dateOfBirth: CalendarDay?
    public var recordedByAgencyID: UUID
    public var recordedOn: CalendarDay

    public init(
        id: UUID = UUID(), kind: NetworkNodeKind, name: String, placeKind: PlaceKind? = nil, address: String = "",
        postcode: String = "", description: String = "", dateOfBirth: CalendarDay? = nil, recordedByAgencyID: UUID,
        recordedOn: CalendarDay
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.placeKind = placeKind
        self.address = address
        self.postcode = postcode
        self.description = description
        self.dateOfBirth = dateOfBirth
        self.recordedByAgencyID = recordedByAgencyID
        self.recordedOn = recordedOn
    }

    public var isTemporaryAccommodation: Bool { placeKind == .temporaryAccommodation }

    /// What stops the node being recorded as it stands, on `day`.
    public func problems(on day: CalendarDay) -> [NetworkError] {
        var problems: [NetworkError] = []
        if kind == .child { problems.append(.childIsARecord) }
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append(.nameNeeded) }
        if kind == .place, placeKind == nil { problems.append(.placeKindNeeded) }
        if let born = dateOfBirth, born > day { problems.append(.bornInFuture) }
        return problems
    }
}
