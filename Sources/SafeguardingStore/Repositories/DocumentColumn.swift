import Foundation

/// Values kept whole in a text column as JSON, with the same date format as the
/// referral form so that every stored document reads the same way.
enum DocumentColumn {
    static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try ReferralRecord.encoder.encode(value), as: UTF8.self)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        try ReferralRecord.decoder.decode(type, from: Data(text.utf8))
    }
}
