/// Why a CSV file could not be read. Line numbers are 1-based physical lines
/// so a data officer can find the fault in a text editor.
public enum CSVError: Error, Sendable, Hashable {
    /// A quoted field was still open at the end of the file.
    case unterminatedQuote(line: Int)
    /// Text followed a closing quote before the next comma or line end (`"abc"x`).
    case characterAfterClosingQuote(line: Int)
    /// The bytes are not valid UTF-8.
    case invalidUTF8(line: Int)
}
