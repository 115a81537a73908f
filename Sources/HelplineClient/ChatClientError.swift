/// Why a ``ChatClient`` or ``ChatClientPool`` call could not do what was asked.
public enum ChatClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing arrived before the deadline.
    case timedOut(after: Duration)
    /// The connection ended before it opened; the text is libwebsockets' reason.
    case notConnected(String)
    /// libwebsockets could not create a client context (out of memory or file descriptors).
    case cannotStart

    public var description: String {
        switch self {
        case .timedOut(let duration): "nothing arrived within \(duration)"
        case .notConnected(let reason): "the connection did not open: \(reason)"
        case .cannotStart: "cannot create a libwebsockets client context"
        }
    }
}
