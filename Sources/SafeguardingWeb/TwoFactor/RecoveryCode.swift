import Foundation

/// One-time codes for the day a phone is lost: ten of them, shown once when two-factor
/// sign-in is set up, each good for one sign-in. They are random (60 bits each), so a
/// salted SHA-256 is enough to keep them: a slow hash would only slow the checking of ten.
enum RecoveryCode {
    static let count = 10
    private static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    /// `XXXX-XXXX-XXXX`, from letters and digits that are not mistaken for one another.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return [characters[0..<4], characters[4..<8], characters[8..<12]].map { String($0) }.joined(separator: "-")
    }

    /// What was typed, as stored: capitals, without spaces or hyphens; nil when it cannot
    /// be a recovery code.
    static func normalised(_ typed: String) -> String? {
        let kept = typed.uppercased().filter { $0 != "-" && $0 != " " }
        guard kept.count == 12, kept.allSatisfy({ alphabet.contains($0) }) else { return nil }
        return kept
    }

    /// A new set for one person: the codes to show once, and the hashes to keep.
    static func newSet(for userID: UUID) -> (shown: [String], hashes: [String]) {
        let codes = (0..<count).map { _ in make() }
        return (codes, codes.map { hash(normalised($0)!, for: userID) })
    }

    static func hash(_ normalised: String, for userID: UUID) -> String {
        SecretHash.sha256(userID.uuidString.lowercased() + ":" + normalised)
    }
}
