import Foundation

/// What the police need the moment a child in care is reported missing, kept ready
/// beforehand by those who look after the child (the Philomena protocol): how to
/// recognise them, who they go to, where they go, and how they can be reached.
public struct MissingProfile: Sendable, Hashable, Codable {
    public var childID: UUID
    public var description: String
    public var associates: String
    public var placesTheyGo: String
    public var phonesAndAccounts: String
    public var updatedAt: Date
    public var updatedByUserID: UUID

    public init(
        childID: UUID, description: String, associates: String, placesTheyGo: String, phonesAndAccounts: String,
        updatedAt: Date = Date(), updatedByUserID: UUID
    ) {
        self.childID = childID
        self.description = description
        self.associates = associates
        self.placesTheyGo = placesTheyGo
        self.phonesAndAccounts = phonesAndAccounts
        self.updatedAt = updatedAt
        self.updatedByUserID = updatedByUserID
    }

    /// A profile with nothing in it is no help to an officer searching at night.
    public var isEmpty: Bool {
        [description, associates, placesTheyGo, phonesAndAccounts]
            .allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }
}
