import Foundation
import Safeguarding
import SafeguardingStore

/// Operation Encompass at the school: the police notices told Ysgol Gymraeg Bro Teyrnon
/// when they were sent (``DemoReferrals/submit(_:by:at:_:)`` creates the notification as
/// a real submission does); its lead, Owain Lewis, acknowledged Elis Thomas's before
/// school the next morning, and Dafydd ap Gwilym's from last night is still waiting.
enum DemoEncompass {
    static func create(_ made: DemoEarlyIntervention.Made, _ day: DemoDay) async throws {
        guard let notification = try await EncompassRepository(day.db).forReferral(made.partWay.id),
            let sent = notification.sentAt
        else { return }
        try await EncompassDesk.markSeen(
            notification.id, by: try day.person("owain.lewis"),
            at: min(day.calendar.nextSchoolDayStart(after: sent).addingTimeInterval(-10 * 60), day.now), requestID: day.requestID,
            db: day.db)
    }
}
