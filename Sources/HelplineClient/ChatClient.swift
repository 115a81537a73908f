import Foundation

/// One chat connection: send text (whole or in fragments), binary or raw bytes, and wait for
/// what the server sends back.
///
/// Made by ``ChatClientPool/connect(host:port:path:subprotocol:)``. Every method is safe from
/// any thread: sends are queued for the pool's service thread, and events are waited for with a
/// deadline, so a test that never gets its reply fails instead of hanging.
///
/// ```swift
/// chat.send(#"{"type":"hello"}"#)
/// try chat.next(timeout: .seconds(5))
/// // .message(#"{"session":"s-…","type":"welcome","user":{"entitled":false,"plan":"free","role":"member"}}"#)
/// ```
public final class ChatClient: Sendable {
    /// What ``next(timeout:)`` returns.
    public typealias Event = ChatClientEvent

    /// The connection's id within its pool, for logs.
    public let id: Int
    private let inbox: ClientInbox
    private let loop: ClientLoop

    init(id: Int, inbox: ClientInbox, loop: ClientLoop) {
        self.id = id
        self.inbox = inbox
        self.loop = loop
    }

    /// Sends a text message, optionally split into fragments.
    ///
    /// - Parameters:
    ///   - text: The message; its UTF-8 bytes go out as they are.
    ///   - fragments: How many frames to send it as: the first a TEXT frame without FIN, then
    ///     CONTINUATION frames, the last with FIN. The split is by bytes and may fall inside a
    ///     character; a message shorter than `fragments` bytes gets one byte per frame.
    public func send(_ text: String, fragments: Int = 1) {
        loop.submit(.send(id: id, OutgoingFrame.text(Array(text.utf8), fragments: fragments)))
    }

    /// Sends bytes as a text message without checking them, to test how a server treats invalid
    /// UTF-8.
    public func send(rawText bytes: [UInt8], fragments: Int = 1) {
        loop.submit(.send(id: id, OutgoingFrame.text(bytes, fragments: fragments)))
    }

    /// Sends a binary message in one frame.
    public func send(binary bytes: [UInt8]) {
        loop.submit(.send(id: id, OutgoingFrame.binary(bytes)))
    }

    /// Starts the closing handshake once the messages already sent are written.
    ///
    /// - Parameter code: The status code for the close frame; 1000 is a normal close.
    public func close(code: UInt16 = 1000) {
        loop.submit(.close(id: id, code: code))
    }

    /// The next event, waiting up to `timeout` for one.
    ///
    /// After the terminal event (``ChatClientEvent/closed(code:)`` or
    /// ``ChatClientEvent/failed(_:)``), every call returns it again at once.
    ///
    /// - Throws: ``ChatClientError/timedOut(after:)`` when nothing arrived in time.
    public func next(timeout: Duration) throws(ChatClientError) -> Event {
        try inbox.next(before: Self.deadline(after: timeout), timeout: timeout)
    }

    /// Waits until the WebSocket handshake has completed.
    ///
    /// - Returns: The subprotocol the server chose, or nil when it named none.
    /// - Throws: ``ChatClientError/notConnected(_:)`` when the connection failed or closed
    ///   before opening, ``ChatClientError/timedOut(after:)`` when it is still opening.
    @discardableResult
    public func waitUntilOpen(timeout: Duration) throws(ChatClientError) -> String? {
        try inbox.waitUntilOpen(before: Self.deadline(after: timeout), timeout: timeout)
    }

    private static func deadline(after timeout: Duration) -> Date {
        let (seconds, attoseconds) = timeout.components
        return Date().addingTimeInterval(Double(seconds) + Double(attoseconds) * 1e-18)
    }
}
