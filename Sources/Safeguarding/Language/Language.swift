/// The two languages every Diogelu screen, message and letter is written in.
///
/// Welsh is not a translation layer over English: both catalogues are complete,
/// and a person's preference is recorded so that letters and notices reach them
/// in the language they chose (Welsh Language Standards, active offer).
public enum Language: String, Sendable, Codable, CaseIterable, Hashable {
    case english = "en"
    case welsh = "cy"

    /// Reads a language tag such as `cy`, `cy-GB` or `en-gb`; anything else is not a language we serve.
    public init?(tag: String) {
        let primary = tag.lowercased().split(separator: "-").first.map(String.init) ?? ""
        self.init(rawValue: primary)
    }

    /// The other language, for the switch shown at the top of every page.
    public var other: Language { self == .english ? .welsh : .english }
}
