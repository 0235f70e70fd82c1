import Foundation
import Safeguarding

/// Reads the care forms from a form post or a JSON body with the same field names, so
/// the pages and the API accept exactly the same thing.
enum CareInput {
    struct Period: Sendable {
        var legalStatus: LegalStatus
        var startsOn: CalendarDay
        var reason: String
    }

    /// Where a placement is: a place already recorded, or a new address.
    enum Place: Sendable {
        case existing(UUID)
        case new(name: String, address: String, postcode: String)
    }

    struct Placement: Sendable {
        var type: PlacementType
        var provider: String
        var startsOn: CalendarDay
        var place: Place
    }

    static func period(_ fields: inout FieldReader, today: CalendarDay) -> Period? {
        let status = fields.choice("legal_status", as: LegalStatus.self)
        let starts = fields.date("starts_on", notAfter: today)
        let reason = fields.text("reason", maxLength: 2_000)
        guard let status, let starts, let reason else { return nil }
        return Period(legalStatus: status, startsOn: starts, reason: reason)
    }

    /// The day a period or a placement ended: today unless another day is given.
    static func ending(_ fields: inout FieldReader, today: CalendarDay) -> CalendarDay? {
        let day = fields.date("ends_on", required: false, notAfter: today)
        return fields.errors.isEmpty ? day ?? today : nil
    }

    /// A placement at a place of the network (`place_id`) or at a new address (`place_name`,
    /// `place_address`, `place_postcode`), never both.
    static func placement(_ fields: inout FieldReader, today: CalendarDay) -> Placement? {
        let type = fields.choice("placement_type", as: PlacementType.self)
        let provider = fields.text("provider", maxLength: 200)
        let starts = fields.date("starts_on", notAfter: today)
        let placeID = fields.identifier("place_id", required: false)
        let name = fields.text("place_name", required: false, maxLength: 200)
        let address = fields.text("place_address", required: false, maxLength: 500) ?? ""
        let postcode = fields.text("place_postcode", required: false, maxLength: 10) ?? ""
        var place: Place?
        switch (placeID, name) {
        case (let id?, nil) where address.isEmpty && postcode.isEmpty: place = .existing(id)
        case (nil, let name?): place = .new(name: name, address: address, postcode: postcode)
        case (.some, _): fields.note("place_name", .invalid("error.care.existing_or_new_place"))
        case (nil, nil):
            if !fields.errors.contains(where: { $0.field == "place_id" }) {
                fields.note("place_id", .invalid("error.care.choose_place"))
            }
        }
        guard let type, let provider, let starts, let place else { return nil }
        return Placement(type: type, provider: provider, startsOn: starts, place: place)
    }
}
