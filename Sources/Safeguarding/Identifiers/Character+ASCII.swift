extension Character {
    /// Only 0–9: `isNumber` would also accept other scripts' digits and fractions,
    /// which no identifier or date in this domain contains.
    var isASCIIDigitCharacter: Bool {
        isASCII && isNumber
    }

    var isASCIILetterCharacter: Bool {
        isASCII && isLetter
    }
}
