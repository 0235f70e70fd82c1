import Vapor

/// What the page after a save confirms, as a banner at its top ("Your answer was sent
/// to the hub"). The form's handler redirects with `?saved=<case>`; the layout shows the
/// banner of a case it knows and ignores any other value, so the address can never
/// make a page say something Diogelu did not write.
enum SavedConfirmation: String, CaseIterable, Sendable {
    case answered
    case attendance
    case meetingClosed = "meeting_closed"
    case decided
    case draft
    case recordCreated = "record_created"
    case recordLinked = "record_linked"
    case stepRecorded = "step_recorded"
    case signedOff = "signed_off"
    case requestsSent = "requests_sent"
    case added
    case addedToAgenda = "added_to_agenda"
    case arranged
    case saved

    var messageKey: String { "saved.\(rawValue)" }

    /// The confirmation the page's address asks for, if it is one Diogelu writes.
    static func asked(by request: Request) -> SavedConfirmation? {
        request.url.query.flatMap { query in
            query.split(separator: "&").lazy.compactMap { item -> SavedConfirmation? in
                guard item.hasPrefix("saved=") else { return nil }
                return SavedConfirmation(rawValue: String(item.dropFirst("saved=".count)))
            }.first
        }
    }
}

extension Request {
    /// A redirect to one of Diogelu's own paths, whose page confirms what was saved.
    /// A fragment stays at the end, where it belongs: "/mace/1?saved=decided#child-2".
    func redirect(to path: String, saved: SavedConfirmation) -> Response {
        let parts = path.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let page = String(parts[0]), fragment = parts.count > 1 ? "#" + parts[1] : ""
        return redirect(to: page + (page.contains("?") ? "&" : "?") + "saved=\(saved.rawValue)" + fragment)
    }
}
