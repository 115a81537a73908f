/// Runs any number of chat connections on one libwebsockets context and one service thread.
///
/// A load generator needs hundreds of conversations at once; a thread per connection would
/// cost more than the server being measured, so connections share one context, whose thread
/// waits on all their sockets at once. A terminal chat simply makes one connection.
///
/// ```swift
/// let pool = try ChatClientPool()
/// let chat = pool.connect(port: 8080)
/// chat.send(#"{"type":"ask","id":"1","text":"I forgot my password"}"#)
/// try chat.next(timeout: .seconds(5))  // .message(#"{"articles":[...],"replyTo":"1",...}"#)
/// pool.shutdown()
/// ```
///
/// Every method is safe from any thread. Connections get their own ``ChatClient`` handle, which
/// keeps the pool's thread alive; ``shutdown()`` (or the last reference going away) closes them
/// all and joins the thread.
public final class ChatClientPool: Sendable {
    private let loop: ClientLoop

    /// Creates the context and starts its service thread.
    ///
    /// - Parameter maximumMessageBytes: the largest message accepted from a server, in bytes
    ///   across its fragments (1 MiB by default); a larger one closes that connection with 1009,
    ///   so a misbehaving server cannot make the client buffer without bound.
    /// - Throws: ``ChatClientError/cannotStart`` when libwebsockets cannot create a context.
    public init(maximumMessageBytes: Int = 1 << 20) throws(ChatClientError) {
        loop = try ClientLoop(maximumMessageBytes: maximumMessageBytes)
        loop.start()
    }

    deinit {
        loop.shutdown()
    }

    /// Opens a WebSocket connection; returns at once, and the handshake runs on the service thread.
    ///
    /// Messages sent before the handshake completes wait and go out, in order, once it has.
    ///
    /// - Parameters:
    ///   - host: The server's address: a numeric IP, so no name lookup blocks the service thread.
    ///   - port: The server's TCP port.
    ///   - path: The request path; Helpline serves the chat at `/chat` only.
    ///   - subprotocol: Offered in `Sec-WebSocket-Protocol`; nil offers none, which Helpline accepts.
    /// - Returns: The connection's handle; if it cannot open, its first event is
    ///   ``ChatClientEvent/failed(_:)``.
    public func connect(
        host: String = "127.0.0.1", port: Int, path: String = "/chat", subprotocol: String? = "helpline.v1"
    ) -> ChatClient {
        let id = loop.makeID()
        let inbox = ClientInbox()
        let target = ClientConnection.Target(host: host, port: port, path: path, subprotocol: subprotocol)
        if !loop.submit(.connect(id: id, target, inbox)) {
            inbox.post(.failed("the client pool is shut down"))
        }
        return ChatClient(id: id, inbox: inbox, loop: loop)
    }

    /// Drops every connection (without a close handshake) and waits for the service thread to end.
    ///
    /// Each open connection then reports ``ChatClientEvent/closed(code:)``. Safe to call twice.
    public func shutdown() {
        loop.shutdown()
    }
}
