/// Something that happened on one chat connection, in the order it happened.
///
/// A connection delivers any number of ``message(_:)`` (and ``binary(_:)``) events, then exactly
/// one terminal event: ``closed(code:)`` once it was open, or ``failed(_:)`` when it never opened.
/// The terminal event is sticky: ``ChatClient/next(timeout:)`` keeps returning it, so a caller
/// that asks again after the end gets the same answer instead of a timeout.
public enum ChatClientEvent: Sendable, Equatable {
    /// One whole text message, reassembled from its fragments.
    case message(String)
    /// One whole binary message; protocol v1 servers never send one, so seeing it is a finding.
    case binary([UInt8])
    /// The connection closed after it was open.
    ///
    /// `code` is the status the server put in its close frame (1001 on shutdown, 1009 for a
    /// message over the limit, ...); nil when the connection ended without one (the TCP
    /// connection dropped, or this side closed first).
    case closed(code: UInt16?)
    /// The connection never opened: refused, the handshake failed (a path other than `/chat`),
    /// or the pool shut down first. The text is libwebsockets' reason, for humans.
    case failed(String)

    /// Whether no event comes after this one.
    public var isTerminal: Bool {
        switch self {
        case .message, .binary: false
        case .closed, .failed: true
        }
    }
}
