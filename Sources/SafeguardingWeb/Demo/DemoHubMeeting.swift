import Foundation
import Safeguarding
import SafeguardingStore

/// The hub's next meeting on its twice-weekly schedule, opened by its chair as the desk
/// opens one: the agenda is every referral then waiting, most urgent first.
enum DemoHubMeeting {
    static func create(_ day: DemoDay) async throws {
        guard let startsAt = HubMeetingSchedule().meetings(after: day.now, count: 1, calendar: day.calendar).first else { return }
        _ = try await HubMeetingDesk.open(
            startsAt: startsAt, by: try day.person("gareth.morgan"), requestID: day.requestID, on: day.db)
    }
}
