import Fluent
import Foundation
import NoticeDelivery
import Safeguarding
import SafeguardingStore
import Vapor

/// Empties the outbox: each notice is sent to its recipient's email address by the
/// configured mailer and marked sent; a failure is recorded (without personal data)
/// and tried again later, up to ten times.
struct NoticeDispatcher: Sendable {
    let database: any Database
    let mailer: any Mailer
    let logger: Logger

    /// Sends what is waiting; returns how many were sent.
    @discardableResult
    func deliverPending(limit: Int = 50) async throws -> Int {
        let notices = NoticeRepository(database)
        var sent = 0
        for notice in try await notices.unsent(limit: limit) {
            guard let recipient = try await UserRepository(database).find(notice.recipientUserID), recipient.isActive else {
                try await notices.markFailed(notice.id, reason: "recipient_inactive")
                continue
            }
            do {
                try await mailer.send(OutgoingEmail(
                    to: recipient.email, toName: recipient.displayName, subject: notice.subject, textBody: notice.body,
                    language: notice.language.rawValue))
                try await notices.markSent(notice.id, at: Date())
                sent += 1
            } catch let error as NoticeDeliveryError {
                try await notices.markFailed(notice.id, reason: String(describing: error))
                logger.warning("Notice not delivered", metadata: ["notice": "\(notice.id)", "error": "\(error)"])
            }
        }
        return sent
    }
}

/// Runs the dispatcher in the background while the server is up.
final class NoticeDispatchLifecycle: LifecycleHandler, @unchecked Sendable {
    // `task` is only touched from the application's boot and shutdown hooks, which Vapor
    // calls one after the other on one thread; that is why the class can be unchecked.
    private var task: Task<Void, Never>?

    func didBootAsync(_ application: Application) async throws {
        let configuration = application.diogelu
        let mailer: any Mailer = configuration.smtp.map { SMTPMailer(configuration: $0, logger: application.logger) }
            ?? LogMailer(logger: application.logger)
        let dispatcher = NoticeDispatcher(database: application.db, mailer: mailer, logger: application.logger)
        // Overdue requests for information are chased on the same beat, so a chase's
        // notice goes out on the round that wrote it.
        let chaser = InformationRequestChaser(
            database: application.db, calendar: application.workingCalendar, catalogue: application.catalogue)
        let interval = configuration.noticeInterval
        task = Task {
            while !Task.isCancelled {
                do {
                    try await chaser.chaseOverdue()
                    try await dispatcher.deliverPending()
                } catch {
                    application.logger.warning("Outbox check failed", metadata: ["type": "\(type(of: error))"])
                }
                try? await Task.sleep(for: .seconds(interval))
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        task?.cancel()
        await task?.value
    }
}
