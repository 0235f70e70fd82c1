import Foundation

/// Agencies named in what someone wrote ("health visitor from Aneurin Bevan University
/// Health Board", "Ysgol Gymraeg Bro Teyrnon, year 4"), by any of each agency's names,
/// ignoring case. Names shorter than four letters are never looked for: they would be
/// found inside other words.
public enum AgencyMentions {
    public static func named(in text: String, among agencies: [(id: UUID, names: [String])]) -> [UUID] {
        let text = text.lowercased()
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return [] }
        return agencies.filter { agency in
            agency.names.contains { name in name.count >= 4 && text.contains(name.lowercased()) }
        }.map(\.id)
    }
}
