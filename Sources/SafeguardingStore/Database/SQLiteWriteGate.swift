/// Lets one SQLite write transaction in at a time, in order of arrival.
///
/// SQLite has a single writer. Left to itself, a second connection that wants to write
/// waits inside SQLite's busy handler, which sleeps and polls; under load that sleeping
/// is what the slowest requests spend their time on. Queueing writers here instead
/// hands the lock straight to the next one the moment a transaction commits. The busy
/// timeout stays as the guard against other processes (a command run beside the server).
actor SQLiteWriteGate {
    static let shared = SQLiteWriteGate()

    private var isHeld = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        guard isHeld else {
            isHeld = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            isHeld = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
