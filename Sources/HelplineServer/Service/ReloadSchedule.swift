/// When to start a knowledge reload and whom to tell when one ends.
///
/// At most one reload runs at a time. Requests that arrive while one runs (a signal, the folder
/// watcher, `POST /api/v1/knowledge/reload`) are served together by one more run after it: the
/// running one may have read the folder before the change that prompted them. A waiter is a
/// request that wants the report, identified by its connection.
///
/// A value with no I/O, so its steps are tested without a server; ``ChatServer`` keeps one on the
/// service thread.
struct ReloadSchedule<Waiter: Hashable> {
    /// Whether a reload runs now.
    private(set) var isRunning = false
    /// Whether another reload is wanted once the running one ends.
    private var pending = false
    /// Waiters for the next run.
    private var queued: [Waiter] = []
    /// Waiters for the running one.
    private var current: [Waiter] = []

    /// Asks for a reload, answered to `waiter` when it ends (nil: nobody waits).
    ///
    /// - Returns: true when a reload should start now; false when one is running and this request
    ///   will be served by the next.
    mutating func request(_ waiter: Waiter?) -> Bool {
        if let waiter { queued.append(waiter) }
        pending = true
        return startIfIdle()
    }

    /// The running reload ended.
    ///
    /// - Returns: the waiters to answer with its result, and whether to start the next one now.
    mutating func finish() -> (answer: [Waiter], startNext: Bool) {
        let answered = current
        current = []
        isRunning = false
        return (answered, startIfIdle())
    }

    /// A waiter's connection closed: it gets no answer, now or later.
    mutating func drop(_ waiter: Waiter) {
        queued.removeAll { $0 == waiter }
        current.removeAll { $0 == waiter }
    }

    private mutating func startIfIdle() -> Bool {
        guard !isRunning, pending else { return false }
        isRunning = true
        pending = false
        current = queued
        queued = []
        return true
    }
}
