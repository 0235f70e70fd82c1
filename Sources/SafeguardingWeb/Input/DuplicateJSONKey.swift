import Foundation

/// Finds a key named twice in one object of a JSON text. The decoder keeps one of the two
/// silently, so `{"outcome": "no_further_action", "outcome": "strategy_discussion"}` had
/// been read as whichever it met first: the sender must be told, not second-guessed.
enum DuplicateJSONKey {
    private enum Container {
        case array
        case object(keys: Set<String>, expectingKey: Bool)
    }

    /// The first key repeated within one object, or nil. Expects text the decoder has
    /// already accepted, so it only has to follow strings, objects and arrays.
    static func first(in bytes: some Collection<UInt8>) -> String? {
        let bytes = Array(bytes)
        var stack: [Container] = []
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                let start = index
                var escaped = false
                index += 1
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "\\") { escaped = true; index += 2; continue }
                    if bytes[index] == UInt8(ascii: "\"") { break }
                    index += 1
                }
                if case .object(var keys, true) = stack.last {
                    let key = decodeKey(bytes[start...min(index, bytes.count - 1)], escaped: escaped)
                    if !keys.insert(key).inserted { return key }
                    stack[stack.count - 1] = .object(keys: keys, expectingKey: false)
                }
            case UInt8(ascii: "{"):
                stack.append(.object(keys: [], expectingKey: true))
            case UInt8(ascii: "["):
                stack.append(.array)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = stack.popLast()
            case UInt8(ascii: ","):
                if case .object(let keys, _) = stack.last {
                    stack[stack.count - 1] = .object(keys: keys, expectingKey: true)
                }
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// `"a"` and `"\u0061"` are the same key; only a key with an escape needs the decoder.
    private static func decodeKey(_ quoted: ArraySlice<UInt8>, escaped: Bool) -> String {
        let inner = quoted.dropFirst().dropLast()
        guard escaped else { return String(decoding: inner, as: UTF8.self) }
        return (try? JSONDecoder().decode(String.self, from: Data(quoted))) ?? String(decoding: inner, as: UTF8.self)
    }
}
