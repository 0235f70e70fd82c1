import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1
/// over the count of 30-second steps since 1970, truncated to six digits (RFC 4226).
/// SHA-1 is what every authenticator app supports; within an HMAC it is not weakened by
/// the collisions that retired it elsewhere.
struct OneTimePassword: Sendable {
    static let period: TimeInterval = 30
    /// Codes from one step either side are accepted: a phone's clock drifts, and a code
    /// typed in its last seconds arrives in the next step.
    static let tolerance: Int64 = 1

    let secret: [UInt8]
    var digits = 6

    static func step(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / period).rounded(.down))
    }

    func code(atStep step: Int64) -> String {
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let truncated = (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let number = String(truncated % modulus)
        return String(repeating: "0", count: digits - number.count) + number
    }

    /// The step whose code `typed` is, within the tolerance around `date`, and later than
    /// `lastUsed`: a code that has signed someone in once never does so again, so a code
    /// seen over a shoulder or in a proxy's log is worth nothing.
    func step(matching typed: String, at date: Date, after lastUsed: Int64?) -> Int64? {
        let now = Self.step(at: date)
        for step in (now - Self.tolerance)...(now + Self.tolerance) where step > (lastUsed ?? Int64.min) {
            if SecretHash.constantTimeEqual(code(atStep: step), typed) { return step }
        }
        return nil
    }

    /// A new secret of 160 bits, the length RFC 4226 recommends.
    static func newSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<20).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// The address an authenticator app reads (typed in or opened on the phone):
    /// `otpauth://totp/Diogelu:username?secret=...&issuer=Diogelu`.
    static func provisioningAddress(secret: [UInt8], username: String, issuer: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":/?#[]@&=+")
        let issuerText = issuer.addingPercentEncoding(withAllowedCharacters: allowed) ?? issuer
        let name = username.addingPercentEncoding(withAllowedCharacters: allowed) ?? username
        return "otpauth://totp/\(issuerText):\(name)?secret=\(Base32.encode(secret))&issuer=\(issuerText)&algorithm=SHA1&digits=6&period=30"
    }
}
