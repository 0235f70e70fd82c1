/// What kind of place a place of the network is. Temporary accommodation is kept apart
/// because a child placed there needs the place checked first (see ``PlacementRules``).
public enum PlaceKind: String, Sendable, Hashable, Codable, CaseIterable {
    case address
    case business
    case park
    /// A B&B, hostel or other emergency lodging.
    case temporaryAccommodation = "temporary_accommodation"
}
