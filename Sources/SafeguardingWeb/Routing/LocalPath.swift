import Vapor

/// A redirect target built from untrusted text (a `return` field, the address a language
/// switch was asked on): a page of this application, never the text as it came.
///
/// The text is taken apart into path segments and query items, each is decoded, checked
/// and encoded again with nothing but unreserved characters, and the path must be one a
/// GET route of the application answers. So `/%2Fevil.example` (which decodes to
/// `//evil.example`, another site), `/\evil.example`, a tab or a CR LF that would write
/// headers, and a path no page has all give `nil`, and the caller falls back to a known
/// page.
struct LocalPath {
    /// The characters a segment or query part is written with; everything else is
    /// percent-encoded.
    private static let unreserved = CharacterSet(charactersIn:
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    /// `text` as a path of `routes`, with its query less `dropping`; nil if it is not one.
    static func of(_ text: String, in routes: Routes, dropping: Set<String> = []) -> String? {
        let withoutFragment = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let parts = withoutFragment.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawPath = parts.first ?? ""
        guard rawPath.hasPrefix("/") else { return nil }
        var segments: [String] = []
        for raw in rawPath.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            guard let segment = String(raw).removingPercentEncoding, isPlain(segment) else { return nil }
            segments.append(segment)
        }
        // "/" alone is a path; an empty segment anywhere else ("//", "/a//b", "/a/") is not.
        if segments == [""] { segments = [] }
        guard !segments.contains(""), isAnswered(segments, by: routes) else { return nil }
        var query: [String] = []
        if parts.count == 2 {
            for item in parts[1].split(separator: "&", omittingEmptySubsequences: true) {
                let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let plus = { (text: Substring) in text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
                guard let name = plus(pair[0]), let value = pair.count == 2 ? plus(pair[1]) : "",
                    !name.isEmpty, isPlain(name), isPlain(value)
                else { return nil }
                if dropping.contains(name) { continue }
                query.append(encode(name) + "=" + encode(value))
            }
        }
        return "/" + segments.map(encode).joined(separator: "/") + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    /// No control characters (CR, LF, tab, NUL...) and no slashes of either kind inside
    /// what was one segment.
    private static func isPlain(_ text: String) -> Bool {
        !text.unicodeScalars.contains { CharacterSet.controlCharacters.contains($0) || $0 == "\\" || $0 == "/" }
    }

    /// A path of this application with a query built from these names and values, each
    /// encoded: for links such as the next page of a search, which carry what was
    /// searched for and never the address as it came.
    static func path(_ path: String, query pairs: [(String, String)]) -> String {
        let query = pairs.filter { !$0.1.isEmpty }.map { encode($0.0) + "=" + encode($0.1) }
        return path + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// Whether a GET route of the application has this shape.
    private static func isAnswered(_ segments: [String], by routes: Routes) -> Bool {
        routes.all.contains { $0.method == .GET && matches($0, segments) }
    }

    /// The methods the application answers on this request path (decoded segments), for
    /// the `Allow` of a 405: a route asked with a method it does not have.
    static func methods(answering path: String, in routes: Routes) -> [HTTPMethod] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map { String($0).removingPercentEncoding ?? String($0) }
        var methods: [HTTPMethod] = []
        for route in routes.all where matches(route, segments) && !methods.contains(route.method) { methods.append(route.method) }
        return methods
    }

    /// The methods of the routes that name this path in full, without parameters: asked
    /// with another method, `/api/v1/referrals/mine` is a path with methods of its own,
    /// not a referral called "mine".
    static func literalMethods(answering path: String, in routes: Routes) -> [HTTPMethod] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map { String($0).removingPercentEncoding ?? String($0) }
        var methods: [HTTPMethod] = []
        for route in routes.all where !methods.contains(route.method) && matches(route, segments)
            && route.path.allSatisfy({ if case .constant = $0 { true } else { false } }) {
            methods.append(route.method)
        }
        return methods
    }

    private static func matches(_ route: Route, _ segments: [String]) -> Bool {
        var index = 0
        // The root is registered as one empty constant.
        for component in route.path where component != .constant("") {
            switch component {
            case .catchall:
                return true
            case .constant(let constant):
                guard index < segments.count, segments[index] == constant else { return false }
            case .parameter, .anything:
                guard index < segments.count else { return false }
            }
            index += 1
        }
        return index == segments.count
    }
}
