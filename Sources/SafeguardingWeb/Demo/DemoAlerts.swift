import Foundation
import Safeguarding
import SafeguardingStore

/// A break-glass opening of the one sealed record (Alaw Hughes's), made through the
/// record desk's own step: it is audited with its reason and alerts every hub manager,
/// so a manager's alerts page shows what one looks like.
enum DemoAlerts {
    static func create(_ day: DemoDay, breakGlassDuration: TimeInterval) async throws {
        guard let alaw = try await day.child("Alaw", "Hughes") else { return }
        try await ChildRecordDesk.breakGlass(
            alaw.child.id,
            reason: "Called to a disturbance at an address in Caerleon at 02:10; a girl of Alaw's age was named by a neighbour. Checking whether she is known before officers attend.",
            by: try day.person("rhian.evans"), at: day.hoursAgo(7), duration: breakGlassDuration, requestID: day.requestID,
            on: day.db)
    }
}
