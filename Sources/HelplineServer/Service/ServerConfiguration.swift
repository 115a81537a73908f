/// How a ``ChatServer`` listens and what it allows a peer.
public struct ServerConfiguration: Sendable, Equatable {
    /// TCP port; 0 lets the system pick one (``ChatServer/port`` tells which).
    public var port: Int
    /// The interface or address to listen on; nil listens on all.
    public var host: String?
    /// The largest WebSocket message accepted, in bytes, across all fragments; a larger one
    /// closes the connection with 1009. Bounds the memory one peer can make the server hold.
    public var maximumMessageBytes: Int
    /// Frames that may wait to be written to one connection; a client that stops reading is
    /// disconnected (1008) instead of growing server memory.
    public var maximumQueuedFrames: Int
    /// Seconds of silence before the server pings a connection.
    public var pingAfterSeconds: Int
    /// Seconds of silence (no pong either) before the server hangs up.
    public var hangUpAfterSeconds: Int
    /// How long shutdown waits for open chats to close, in seconds.
    public var shutdownGraceSeconds: Double
    /// A folder whose files are served under `/` (the widget's page); nil serves none.
    public var staticFolder: String?
    /// The knowledge folder the index was built from: what a reload re-indexes and where review
    /// drafts are written. Nil: the server neither reloads nor writes drafts.
    public var knowledgeFolder: String?

    public init(
        port: Int = 8080, host: String? = nil, maximumMessageBytes: Int = 16 * 1024, maximumQueuedFrames: Int = 64,
        pingAfterSeconds: Int = 30, hangUpAfterSeconds: Int = 60, shutdownGraceSeconds: Double = 1.5,
        staticFolder: String? = nil, knowledgeFolder: String? = nil
    ) {
        self.staticFolder = staticFolder
        self.knowledgeFolder = knowledgeFolder
        self.port = port
        self.host = host
        self.maximumMessageBytes = maximumMessageBytes
        self.maximumQueuedFrames = maximumQueuedFrames
        self.pingAfterSeconds = pingAfterSeconds
        self.hangUpAfterSeconds = hangUpAfterSeconds
        self.shutdownGraceSeconds = shutdownGraceSeconds
    }
}
