import NIOCore

/// Runs a task on one event loop: the loop the database's connections answer on.
///
/// A commit queue's transaction is a chain of round trips to the database, one after
/// another, while every submission in the group waits for it. On Swift's shared threads
/// each answer arriving on the event loop woke another thread to carry on, and each next
/// statement woke the event loop again: two hand-offs per round trip, each queued behind
/// whatever other requests were doing. On the event loop itself the chain carries
/// straight on from one answer to the next statement. The work between round trips is
/// small (building a row, hashing an audit entry), so the loop's other connections are
/// not kept waiting.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
