import Foundation

/// Turns names as typed by different agencies into one comparable spelling.
///
/// Welsh circumflexes (ŵ ŷ â ê î ô û) and other accents are folded away because
/// many systems cannot store them and staff type "Sion" for "Siôn"; hyphens and
/// double surnames become separate parts so "Jones-Williams" can meet "Jones";
/// Welsh patronymic particles (ap, ab, ferch, verch) are dropped so
/// "ap Gruffydd" and "Gruffydd" compare as the same family name.
public enum NameNormaliser: Sendable {
    /// Particles that introduce a patronymic rather than being part of the name.
    static let patronymicParticles: Set<String> = ["AP", "AB", "FERCH", "VERCH", "VCH"]
    private static let particleBytes: Set<[UInt8]> = Set(patronymicParticles.map { Array($0.utf8) })

    /// Normalised words of a name as bytes, the form preparation works in.
    static func words(_ text: String?) -> [[UInt8]] {
        guard let text else { return [] }
        return foldedBytes(text).split(separator: 0x20).map(Array.init)
    }

    /// Surname words with patronymic particles removed (kept if nothing else remains).
    static func surnameWords(_ text: String?) -> [[UInt8]] {
        let parts = words(text)
        let kept = parts.filter { !particleBytes.contains($0) }
        return kept.isEmpty ? parts : kept
    }

    /// A given-name field may hold "Dafydd ap Gruffydd" when a system has no
    /// surname field; this splits off the patronymic so it can act as a surname.
    static func splitPatronymic(words parts: [[UInt8]]) -> (given: [[UInt8]], patronymic: [[UInt8]]) {
        guard let index = parts.firstIndex(where: { particleBytes.contains($0) }), index > 0,
              index < parts.count - 1 else { return (parts, []) }
        return (Array(parts[..<index]), Array(parts[(index + 1)...]))
    }

    /// Upper-case ASCII letters with single spaces between parts, accents folded,
    /// apostrophes removed ("O'Neill" → "ONEILL"), hyphens and other punctuation
    /// turned into part breaks.
    public static func normalise(_ text: String) -> String {
        String(decoding: foldedBytes(text), as: UTF8.self)
    }

    /// The parts of a surname, with patronymic particles removed.
    /// "ap Gruffydd" → ["GRUFFYDD"], "Jones-Williams" → ["JONES", "WILLIAMS"].
    public static func surnameParts(_ text: String) -> [String] {
        let parts = normalise(text).split(separator: " ").map(String.init)
        let kept = parts.filter { !patronymicParticles.contains($0) }
        return kept.isEmpty ? parts : kept
    }

    /// The byte-level folding used everywhere in the matcher; ASCII input takes a fast path.
    static func foldedBytes(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func append(_ byte: UInt8) {
            if pendingSpace && !output.isEmpty { output.append(0x20) }
            pendingSpace = false
            output.append(byte)
        }
        func handle(_ scalar: Unicode.Scalar) {
            let value = scalar.value
            switch value {
            case 0x41...0x5A: append(UInt8(value))
            case 0x61...0x7A: append(UInt8(value - 0x20))
            case 0x27, 0x2019, 0x2018, 0x60, 0xB4: break  // apostrophes join: O'Neill → ONEILL
            case 0x300...0x36F: break  // combining accents left by decomposition
            case 0xDF: append(0x53); append(0x53)  // ß
            case 0xC6, 0xE6: append(0x41); append(0x45)  // Æ æ
            case 0xD8, 0xF8: append(0x4F)  // Ø ø
            case 0x141, 0x142: append(0x4C)  // Ł ł
            case 0x110, 0x111: append(0x44)  // Đ đ
            default: pendingSpace = true  // spaces, hyphens, digits, punctuation all separate parts
            }
        }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 { handle(Unicode.Scalar(byte)) }
        } else {
            for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars { handle(scalar) }
        }
        return output
    }
}
