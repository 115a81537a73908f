import Foundation

/// The events of one connection, handed from the service thread to whoever waits for them.
///
/// The service thread posts; any thread takes, blocking up to a deadline. A locked queue plus a
/// condition variable rather than an `AsyncStream`, so tests and command-line tools can wait
/// with a plain deadline and never need the service thread to await anything.
final class ClientInbox: @unchecked Sendable {
    // @unchecked Sendable: every stored property below is read and written only while holding
    // `condition`'s lock.
    private let condition = NSCondition()
    private var events: [ChatClientEvent] = []
    private var nextEvent = 0
    /// The terminal event once posted: nothing is queued after it, and once the queue is empty
    /// every `next` returns it again.
    private var finalEvent: ChatClientEvent?
    /// Set when the handshake completed: `.some(subprotocol)`, where the subprotocol may be nil.
    private var openedWith: String??

    /// Called on the service thread when the handshake completed.
    func opened(subprotocol: String?) {
        condition.lock()
        defer { condition.unlock() }
        if openedWith == nil { openedWith = .some(subprotocol) }
        condition.broadcast()
    }

    /// Called on the service thread; events after the terminal one are dropped.
    func post(_ event: ChatClientEvent) {
        condition.lock()
        defer { condition.unlock() }
        guard finalEvent == nil else { return }
        if event.isTerminal { finalEvent = event }
        events.append(event)
        condition.broadcast()
    }

    /// The next event, waiting until `deadline` for one.
    func next(before deadline: Date, timeout: Duration) throws(ChatClientError) -> ChatClientEvent {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if nextEvent < events.count {
                let event = events[nextEvent]
                nextEvent += 1
                if nextEvent == events.count {
                    events.removeAll(keepingCapacity: true)
                    nextEvent = 0
                }
                return event
            }
            if let finalEvent { return finalEvent }
            guard condition.wait(until: deadline) || Date() < deadline else { throw .timedOut(after: timeout) }
        }
    }

    /// Waits until the connection opened, and returns the subprotocol the server chose.
    func waitUntilOpen(before deadline: Date, timeout: Duration) throws(ChatClientError) -> String? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            // Opened and already closed again still counts as opened: the messages are queued.
            if let openedWith { return openedWith }
            if case .failed(let reason)? = finalEvent { throw .notConnected(reason) }
            if finalEvent != nil { throw .notConnected("closed") }
            guard condition.wait(until: deadline) || Date() < deadline else { throw .timedOut(after: timeout) }
        }
    }
}
