/// A sound-alike key for names, tuned for Welsh spelling as well as English.
///
/// Soundex and Metaphone assume English spelling: they split "Gruffydd" from
/// "Griffith" and "Llywelyn" from "Lewelin". This key reads Welsh digraphs the
/// way they sound ("dd" and "th" alike, "ff"/"ph"/"f"/"v" alike, "ll" as "l",
/// "ch" as in "loch", "w" and "y" as vowels between consonants) so the blocker
/// and scorer can recognise spelling variants across agencies.
public enum PhoneticKey: Sendable {
    /// Longest key kept; longer keys over-split long double-barrelled names.
    static let maximumLength = 6

    /// The key for a name; any text is normalised first. Empty input gives "".
    public static func encode(_ name: String) -> String {
        String(decoding: encode(bytes: NameNormaliser.foldedBytes(name)), as: UTF8.self)
    }

    /// Encodes normalised upper-case bytes; spaces are ignored so "Jones Williams"
    /// keys like "JonesWilliams".
    static func encode(bytes input: [UInt8]) -> [UInt8] {
        let letters = input.contains(0x20) ? input.filter { $0 != 0x20 } : input
        guard let first = letters.first else { return [] }
        var key: [UInt8] = []
        key.reserveCapacity(maximumLength)
        func isVowel(_ c: UInt8) -> Bool {
            c == A || c == E || c == I || c == O || c == U || c == Y || c == W
        }
        func at(_ i: Int) -> UInt8 { i >= 0 && i < letters.count ? letters[i] : 0 }
        func emit(_ code: UInt8) {
            if key.last != code { key.append(code) }
        }
        var i = 0
        // Initial vowels (incl. Welsh w/y) share one code so "Ieuan"/"Euan"/"Ywain" line up.
        if isVowel(first) && !(first == W && isVowel(at(1))) {
            key.append(A)
            i = 1
            while i < letters.count && isVowel(letters[i]) && !(letters[i] == W && isVowel(at(i + 1))) { i += 1 }
        } else if first == S && at(1) == I && isVowel(at(2)) {
            // Welsh "Si-" before a vowel is "sh": Siôn = Shaun, Siân = Shan.
            key.append(X)
            i = 2
        }
        while i < letters.count && key.count < maximumLength {
            let c = letters[i], next = at(i + 1)
            var step = 1
            switch c {
            case A, E, I, O, U, Y:
                break
            case W:
                // Consonantal only before a vowel (Gwen, Wyn); otherwise a vowel (Dwr, Llwyd).
                if isVowel(next) && next != W { emit(W) }
            case D:
                if next == D { emit(TH); step = 2 } else { emit(T) }
            case T:
                if next == H { emit(TH); step = 2 } else if next == C && at(i + 2) == H { step = 1 } else { emit(T) }
            case F:
                if next == F { step = 2 }
                emit(F)
            case V:
                emit(F)
            case P:
                if next == H { emit(F); step = 2 } else { emit(P) }
            case L:
                if next == L { step = 2 }
                emit(L)
            case C:
                if next == H { emit(X); step = 2 }
                else if next == K { emit(K); step = 2 }
                else if next == E || next == I || next == Y { emit(S) }
                else { emit(K) }
            case K, Q:
                emit(K)
            case G:
                if next == H { step = 2 }  // "gh" is silent or "f" in English surnames; drop it
                else { emit(K) }
            case S:
                if next == H { emit(X); step = 2 } else { emit(S) }
            case Z:
                emit(S)
            case X:
                emit(K); emit(S)
            case J:
                emit(J)
            case H:
                // Only sounded before a vowel at the start of a syllable; "Rh" collapses to "R".
                if isVowel(next) && (i == 0 || isVowel(at(i - 1))) { emit(H) }
            case R:
                if next == H { step = 2 }
                emit(R)
            case B:
                if next == H { emit(F); step = 2 } else { emit(P) }
            case M:
                emit(M)
            case N:
                if next == G && (at(i + 2) == 0 || !isVowel(at(i + 2))) { emit(N); step = 2 } else { emit(N) }
            default:
                emit(c)
            }
            // Doubled consonants sound single (Gwynn, Llewellyn).
            if step == 1 && next == c && c != A && c != E && c != I && c != O && c != U { step = 2 }
            i += step
        }
        return key
    }

    // ASCII codes, named for readability of the rules above.
    private static let A: UInt8 = 0x41, B: UInt8 = 0x42, C: UInt8 = 0x43, D: UInt8 = 0x44, E: UInt8 = 0x45,
        F: UInt8 = 0x46, G: UInt8 = 0x47, H: UInt8 = 0x48, I: UInt8 = 0x49, J: UInt8 = 0x4A, K: UInt8 = 0x4B,
        L: UInt8 = 0x4C, M: UInt8 = 0x4D, N: UInt8 = 0x4E, O: UInt8 = 0x4F, P: UInt8 = 0x50, Q: UInt8 = 0x51,
        R: UInt8 = 0x52, S: UInt8 = 0x53, T: UInt8 = 0x54, U: UInt8 = 0x55, V: UInt8 = 0x56, W: UInt8 = 0x57,
        X: UInt8 = 0x58, Y: UInt8 = 0x59, Z: UInt8 = 0x5A
    /// "th"/"dd" sound, written as "0" as Metaphone does.
    private static let TH: UInt8 = 0x30
}
