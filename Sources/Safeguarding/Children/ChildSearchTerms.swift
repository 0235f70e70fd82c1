/// What a search for a child must give before it is run (F28).
///
/// A search is a way into the child index, so it must name someone: a text made only of
/// separators (`%`, `_`, `,`) passed the "required" check and listed the first fifty
/// children to anyone who could search. And those who read only the children their
/// agency works with (safeguarding leads) must give a name together with a date of
/// birth, or an identifier, so that a search finds a child they already know of rather
/// than browsing others by surname.
public enum ChildSearchTerms {
    /// Why a search was refused; each is a message for the search field.
    public enum Refusal: Error, Sendable, Equatable {
        /// Fewer than two letters or digits in all.
        case noRealTerm
        /// A name (or a date of birth) alone, from someone who reads only their agency's children.
        case nameNeedsDateOfBirth

        /// The catalogue key of the message shown beside the search field.
        public var messageKey: String {
            switch self {
            case .noRealTerm: "error.search.no_real_term"
            case .nameNeedsDateOfBirth: "error.search.name_needs_date_of_birth"
            }
        }
    }

    /// Nil when the search may run. `readsEveryRecord` is true for the hub, the child
    /// protection team and auditors, who may open any unrestricted record anyway.
    public static func refusal(text: String, hasDateOfBirth: Bool, readsEveryRecord: Bool) -> Refusal? {
        let meaningful = text.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        if meaningful.isEmpty {
            // A date of birth alone narrows enough for those who read every record.
            if hasDateOfBirth, text.isEmpty { return readsEveryRecord ? nil : .nameNeedsDateOfBirth }
            return .noRealTerm
        }
        guard meaningful.count >= 2 else { return .noRealTerm }
        if readsEveryRecord { return nil }
        // Identifiers (NHS number, pupil number, police reference, social care id) all
        // carry digits; a name does not.
        let isIdentifier = meaningful.contains { ("0"..."9").contains($0) }
        return isIdentifier || hasDateOfBirth ? nil : .nameNeedsDateOfBirth
    }
}
