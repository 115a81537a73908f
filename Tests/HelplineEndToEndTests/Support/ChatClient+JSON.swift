import Foundation
import HelplineClient

/// How long a test waits for any one event. Generous, because a loaded CI machine is slow; a
/// passing test never waits this long, it returns as soon as the event arrives.
let eventTimeout: Duration = .seconds(10)

extension ChatClient {
    /// Sends one protocol message, encoded as JSON.
    func send(json object: [String: Any], fragments: Int = 1) {
        send(jsonText(object), fragments: fragments)
    }

    /// The next message, decoded as a JSON object.
    ///
    /// - Throws: ``TestFailure`` when the next event is not a JSON object message (a close, a
    ///   failure, a binary message or invalid JSON), or ``ChatClientError`` on timeout.
    func nextObject(timeout: Duration = eventTimeout) throws -> [String: Any] {
        let event = try next(timeout: timeout)
        guard case .message(let text) = event else { throw TestFailure("expected a message, got \(event)") }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw TestFailure("expected a JSON object, got \(text.debugDescription)")
        }
        return object
    }

    /// The next message, which must be a JSON object whose `type` is `type`.
    func nextObject(ofType type: String, timeout: Duration = eventTimeout) throws -> [String: Any] {
        let object = try nextObject(timeout: timeout)
        guard object["type"] as? String == type else { throw TestFailure("expected a '\(type)', got \(object)") }
        return object
    }

    /// Skips messages until the connection ends, and returns how: a test of a close does not
    /// care whether an error frame came first.
    func nextTerminalEvent(timeout: Duration = eventTimeout) throws -> ChatClientEvent {
        let deadline = ContinuousClock.now + timeout
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { throw ChatClientError.timedOut(after: timeout) }
            let event = try next(timeout: left)
            if event.isTerminal { return event }
        }
    }
}

/// `object` as JSON text.
func jsonText(_ object: [String: Any]) -> String {
    // Only the tests' own literals get here; one JSONSerialization can't encode is a bug in the test.
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
}
