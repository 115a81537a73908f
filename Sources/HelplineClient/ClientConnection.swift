/// One chat connection's state on the service thread: the frames waiting to go out, the message
/// being reassembled, and what the server said when it closed.
///
/// Confined to the service thread, like everything libwebsockets hands to callbacks; the only
/// part other threads see is ``inbox``, which locks itself.
final class ClientConnection {
    /// Where the connection goes, copied into libwebsockets' own memory at connect time.
    struct Target: Sendable {
        var host: String
        var port: Int
        var path: String
        var subprotocol: String?
    }

    let id: Int
    let target: Target
    let inbox: ClientInbox
    /// The libwebsockets handle once the connect call returned it; nil before and after.
    var wsi: OpaquePointer?
    /// Whether the handshake completed; frames are written only then.
    var isOpen = false
    /// The subprotocol the server chose, read from the handshake response.
    var subprotocol: String?
    /// Set once the terminal event was posted, so a second close callback posts nothing.
    var isFinished = false
    /// The status code of the server's close frame, reported with ``ChatClientEvent/closed(code:)``.
    var peerCloseCode: UInt16?
    /// A close this side asked for: sent once the frames queued before it are written.
    var closeRequest: UInt16?

    private var outgoing: [OutgoingFrame] = []
    private var nextOutgoing = 0
    private var incoming: [UInt8] = []
    /// The largest message accepted from the server, in bytes across its fragments; a larger one
    /// closes the connection with 1009 rather than growing the buffer without bound.
    let maximumMessageBytes: Int

    init(id: Int, target: Target, inbox: ClientInbox, maximumMessageBytes: Int) {
        self.id = id
        self.target = target
        self.inbox = inbox
        self.maximumMessageBytes = maximumMessageBytes
    }

    var hasOutgoing: Bool { nextOutgoing < outgoing.count }

    /// Whether the next writable callback has anything to do.
    var wantsToWrite: Bool { hasOutgoing || closeRequest != nil }

    func enqueue(_ frames: [OutgoingFrame]) {
        outgoing.append(contentsOf: frames)
    }

    /// The next frame to write, in the order queued.
    func dequeue() -> OutgoingFrame? {
        guard hasOutgoing else { return nil }
        let frame = outgoing[nextOutgoing]
        nextOutgoing += 1
        if nextOutgoing == outgoing.count {
            outgoing.removeAll(keepingCapacity: true)
            nextOutgoing = 0
        }
        return frame
    }

    /// What a piece of received data completes.
    enum Received: Equatable {
        case incomplete
        case message(ChatClientEvent)
        case tooLarge
    }

    /// Adds one piece of a received message; libwebsockets may split a frame across callbacks,
    /// so `isFinal` must be `lws_is_final_fragment`, which also counts bytes still to come.
    func receive(_ bytes: UnsafeRawBufferPointer, isBinary: Bool, isFinal: Bool) -> Received {
        guard incoming.count + bytes.count <= maximumMessageBytes else {
            incoming = []
            return .tooLarge
        }
        incoming.append(contentsOf: bytes)
        guard isFinal else { return .incomplete }
        defer { incoming.removeAll(keepingCapacity: true) }
        // A server that sends invalid UTF-8 is not worth a dropped message: repair and show it.
        return .message(isBinary ? .binary(incoming) : .message(String(decoding: incoming, as: UTF8.self)))
    }

    /// Posts the terminal event once.
    func finish(_ event: ChatClientEvent) {
        guard !isFinished else { return }
        isFinished = true
        isOpen = false
        wsi = nil
        inbox.post(event)
    }
}
