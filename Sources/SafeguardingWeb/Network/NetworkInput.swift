import Foundation
import Safeguarding

/// Reads the network's forms from a form post or a JSON body with the same field names,
/// so the pages and the API accept exactly the same thing.
enum NetworkInput {
    /// What a new member of a network may be: a child is in it through their record.
    enum NewMemberKind: String, CaseIterable, Sendable {
        case adult
        case place
        case peerGroup = "peer_group"

        var nodeKind: NetworkNodeKind {
            switch self {
            case .adult: .adult
            case .place: .place
            case .peerGroup: .peerGroup
            }
        }
    }

    /// Who or what a link joins the page's member to: one already recorded, or a new one.
    enum Target: Sendable {
        case existing(UUID)
        case new(NetworkNode)
    }

    struct Link: Sendable {
        var target: Target
        var kind: NetworkLinkKind
        var reliability: InformationReliability
        var recordedOn: CalendarDay
    }

    /// An adult, a place or a group, with the fields its kind has and no others.
    static func node(_ fields: inout FieldReader, kind: NetworkNodeKind, agencyID: UUID, today: CalendarDay) -> NetworkNode? {
        let name = fields.text("name", maxLength: 200)
        var placeKind: PlaceKind?, address = "", postcode = "", born: CalendarDay?
        switch kind {
        case .place:
            placeKind = fields.choice("place_kind", as: PlaceKind.self)
            address = fields.text("address", required: false, maxLength: 500) ?? ""
            postcode = fields.text("postcode", required: false, maxLength: 10) ?? ""
        case .adult:
            born = fields.date("date_of_birth", required: false, notAfter: today)
        case .peerGroup, .child:
            break
        }
        let description = fields.text("description", required: false, maxLength: 5_000) ?? ""
        guard let name, kind != .place || placeKind != nil else { return nil }
        return NetworkNode(
            kind: kind, name: name, placeKind: placeKind, address: address, postcode: postcode, description: description,
            dateOfBirth: born, recordedByAgencyID: agencyID, recordedOn: today)
    }

    /// A link to a member already recorded (`to_id`) or to a new one (`new_kind` with the
    /// new member's fields), in the words of `link_kind`.
    static func link(_ fields: inout FieldReader, agencyID: UUID, today: CalendarDay) -> Link? {
        let toID = fields.identifier("to_id", required: false)
        let newKind = fields.choice("new_kind", as: NewMemberKind.self, required: false)
        let kind = fields.choice("link_kind", as: NetworkLinkKind.self)
        let reliability = fields.choice("reliability", as: InformationReliability.self)
        let recordedOn = fields.date("recorded_on", required: false, notAfter: today) ?? today
        var target: Target?
        switch (toID, newKind) {
        case (let id?, nil):
            target = .existing(id)
        case (nil, let new?):
            target = node(&fields, kind: new.nodeKind, agencyID: agencyID, today: today).map(Target.new)
        case (.some, .some):
            fields.note("new_kind", .invalid("error.network.existing_or_new"))
        case (nil, nil):
            if !fields.errors.contains(where: { ["to_id", "new_kind"].contains($0.field) }) {
                fields.note("to_id", .invalid("error.network.choose_member"))
            }
        }
        guard let target, let kind, let reliability else { return nil }
        return Link(target: target, kind: kind, reliability: reliability, recordedOn: recordedOn)
    }

    /// The day a link ended: today unless another day is given.
    static func ending(_ fields: inout FieldReader, today: CalendarDay) -> CalendarDay? {
        let day = fields.date("ended_on", required: false, notAfter: today)
        return fields.errors.isEmpty ? day ?? today : nil
    }

    /// A safety check of a place; the person checking is the one recording it unless
    /// another is named.
    static func safetyCheck(
        _ fields: inout FieldReader, placeID: UUID, today: CalendarDay, recorder: (id: UUID, name: String)
    ) -> SafetyCheck? {
        let checkedOn = fields.date("checked_on", notAfter: today)
        let result = fields.choice("result", as: SafetyCheck.Result.self)
        let by = fields.text("checked_by", required: false, maxLength: 200)
        let note = fields.text("note", required: false, maxLength: 5_000) ?? ""
        guard let checkedOn, let result else { return nil }
        return SafetyCheck(
            placeID: placeID, checkedOn: checkedOn, checkedByUserID: recorder.id, checkedByName: by ?? recorder.name,
            result: result, note: note)
    }
}
