/// How specific a written concern is, by simple, explainable text heuristics.
///
/// Hub staff cannot act on "concerns about the family"; they can act on "on
/// Monday at 3pm Jack told his teacher Mrs Evans his stepdad hit him". These checks
/// look for the marks of the second kind: when (a date, time, day or month), who or
/// where (a relationship, title, capitalised name or place) and what (an observed
/// action, disclosure or injury). They are deliberately simple so a referrer can be
/// told exactly why a rule was not met; they reward, they do not judge.
///
/// Words are compared lower-cased with surrounding punctuation, hyphens and a
/// possessive "'s" removed, in English and Welsh (`ConcernVocabulary`).
public struct ConcernSpecificity: Sendable, Hashable {
    public let wordCount: Int
    public let mentionsWhen: Bool
    public let mentionsWhoOrWhere: Bool
    public let mentionsWhatHappened: Bool
    /// Stock phrases found, in `ConcernVocabulary` order.
    public let vaguePhrases: [String]

    public init(analysing text: String) {
        let rawTokens = text.split(whereSeparator: \.isWhitespace).map(String.init)
        // A lone dash or ellipsis is punctuation, not a word.
        let tokens = rawTokens.map(ConcernSpecificity.trimPunctuation)
            .filter { $0.contains { $0.isLetter || $0.isNumber } }
        let words = tokens.map(ConcernSpecificity.normalise)

        wordCount = tokens.count
        mentionsWhen = ConcernSpecificity.findsWhen(words)
        mentionsWhoOrWhere = words.contains { ConcernVocabulary.people.contains($0) || ConcernVocabulary.places.contains($0) }
            || ConcernSpecificity.findsProperName(rawTokens)
        mentionsWhatHappened = words.contains { ConcernVocabulary.happenings.contains($0) }

        vaguePhrases = ConcernSpecificity.phrasesFound(in: words)
    }

    /// How many of when, who/where and what the concern covers.
    public var specificMarkers: Int {
        [mentionsWhen, mentionsWhoOrWhere, mentionsWhatHappened].filter { $0 }.count
    }

    /// Vague when empty, or when it uses a stock phrase and covers fewer than two
    /// of when, who/where and what. A specific account that happens to say
    /// "ongoing concerns" is not penalised.
    public var isVague: Bool {
        wordCount == 0 || (!vaguePhrases.isEmpty && specificMarkers < 2)
    }

    // MARK: - Heuristics

    /// The stock phrases, word by word: a phrase is found where its words follow one
    /// another in the concern. Matching words rather than searching the text for each
    /// phrase keeps scoring cheap, and it runs on every form save and submission.
    private static let vaguePhraseWords: [(phrase: String, words: [String])] =
        ConcernVocabulary.vaguePhrases.map { ($0, $0.split(separator: " ").map(String.init)) }

    private static func phrasesFound(in words: [String]) -> [String] {
        vaguePhraseWords.compactMap { phrase, phraseWords in
            guard words.count >= phraseWords.count else { return nil }
            for start in 0...(words.count - phraseWords.count) where words[start] == phraseWords[0] {
                if words[start..<(start + phraseWords.count)].elementsEqual(phraseWords) { return phrase }
            }
            return nil
        }
    }

    private static func findsWhen(_ words: [String]) -> Bool {
        for (index, word) in words.enumerated() {
            if ConcernVocabulary.timeWords.contains(word) || isDateOrTime(word) { return true }
            if ConcernVocabulary.ambiguousMonths.contains(word) {
                let before = index > 0 ? words[index - 1] : ""
                let after = index + 1 < words.count ? words[index + 1] : ""
                if isDayOrYearNumber(before) || isDayOrYearNumber(after)
                    || ConcernVocabulary.timeWordsBeforeNumberlessMonth.contains(before) {
                    return true
                }
            }
            if (word == "am" || word == "pm"), index > 0, isNumber(words[index - 1], maximumDigits: 2) {
                return true
            }
        }
        return false
    }

    /// 14:30, 9.30pm, 3pm, 12/03/2025, 12-3-25, 2025-03-12, 3rd, 1998.
    private static func isDateOrTime(_ word: String) -> Bool {
        var body = Substring(word)
        if body.hasSuffix("am") || body.hasSuffix("pm") { body = body.dropLast(2) }
        let hadMeridiem = body.count < word.count
        let fields = body.split(omittingEmptySubsequences: false,
                                whereSeparator: { $0 == ":" || $0 == "." || $0 == "/" || $0 == "-" })
        let allDigits = fields.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }

        if hadMeridiem, fields.count == 1, allDigits, body.count <= 2 { return true }
        if fields.count == 2, allDigits, fields[0].count <= 2, fields[1].count == 2 { return true }
        if fields.count == 2, allDigits, fields[0].count <= 2, fields[1].count <= 2, body.contains("/") { return true }
        if fields.count == 3, allDigits { return true }
        if isOrdinal(word) { return true }
        if word.count == 4, let year = Int(word), (1900...2099).contains(year) { return true }
        return false
    }

    private static func isOrdinal(_ word: String) -> Bool {
        for suffix in ["st", "nd", "rd", "th"] where word.hasSuffix(suffix) {
            let number = word.dropLast(2)
            if let value = Int(number), (1...31).contains(value), number.count <= 2 { return true }
        }
        return false
    }

    private static func isDayOrYearNumber(_ word: String) -> Bool {
        isOrdinal(word) || isNumber(word, maximumDigits: 2) || (word.count == 4 && isNumber(word, maximumDigits: 4))
    }

    private static func isNumber(_ word: String, maximumDigits: Int) -> Bool {
        !word.isEmpty && word.count <= maximumDigits && word.allSatisfy(\.isASCIIDigitCharacter)
    }

    /// A capitalised word with lower-case letters after the first (so not an
    /// acronym) that does not start a sentence, and is not a time word.
    private static func findsProperName(_ rawTokens: [String]) -> Bool {
        var startsSentence = true
        for raw in rawTokens {
            let token = trimPunctuation(raw)
            defer { startsSentence = raw.last.map { ".!?:".contains($0) } ?? false }
            guard !startsSentence, let first = token.first, first.isUppercase,
                  token.dropFirst().contains(where: \.isLowercase)
            else { continue }
            let word = normalise(token)
            if ConcernVocabulary.notNames.contains(word) || ConcernVocabulary.timeWords.contains(word)
                || ConcernVocabulary.ambiguousMonths.contains(word) {
                continue
            }
            return true
        }
        return false
    }

    private static let edgePunctuation: Set<Character> = [
        ",", ";", "!", "?", "(", ")", "[", "]", "\"", "'", "“", "”", "‘", "’", ".", ":", "…",
    ]

    private static func trimPunctuation(_ token: String) -> String {
        var trimmed = Substring(token)
        while let first = trimmed.first, edgePunctuation.contains(first) { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, edgePunctuation.contains(last) { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    private static func normalise(_ token: String) -> String {
        // Phones and word processors turn apostrophes into curly quotes.
        var word = String(token.lowercased().map { $0 == "’" ? "'" : $0 })
        if word.hasSuffix("'s") { word = String(word.dropLast(2)) }
        if word.contains(where: \.isLetter) { word.removeAll { $0 == "-" } }
        return word
    }
}
