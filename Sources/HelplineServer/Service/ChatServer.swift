import Foundation
import HelplineCore
import HelplineStore
import Logging
import Synchronization
internal import CLibWebSockets

/// The Helpline server: one libwebsockets context serving the chat at `/chat` and plain HTTP
/// (`/healthz`, `/metrics`, `/`) on the same port.
///
/// Confined to the service thread, the one that calls ``run()``: every field below belongs to
/// it, and libwebsockets calls back only on it. The one exception is ``stop()``, which any
/// thread may call: it sets an atomic flag and wakes the loop with `lws_cancel_service()`, the
/// only libwebsockets call that is safe from another thread.
public final class ChatServer: @unchecked Sendable {
    // @unchecked Sendable: `stop()` is the only member used off the service thread, and it
    // touches only `stopRequested` (atomic) and `lws_cancel_service` (documented thread-safe).
    public let configuration: ServerConfiguration
    /// The port the server listens on, known once init returns (also with port 0).
    public private(set) var port: Int

    let service: ChatService
    let metrics: ServerMetrics
    let staticFiles: StaticFiles
    let logger: Logger
    private var context: OpaquePointer?
    /// Memory libwebsockets keeps pointers to; freed only after the context is destroyed.
    private let protocols: UnsafeMutablePointer<lws_protocols>
    private let retryPolicy: UnsafeMutablePointer<lws_retry_bo_t>
    private let retryTable: UnsafeMutablePointer<UInt32>
    private let cStrings: [UnsafeMutablePointer<CChar>]

    private let stopRequested = Atomic<Bool>(false)
    /// Whether the context still exists, guarded so the shutdown waker never wakes a destroyed one.
    private let contextAlive = Mutex<Bool>(true)
    private var shutdownDeadline: ContinuousClock.Instant?
    /// Open chats by their libwebsockets handle, to close them on shutdown.
    var connections: [OpaquePointer: ChatConnection] = [:]
    /// HTTP bodies waiting for their connection to become writable.
    var pendingHTTPBodies: [OpaquePointer: [UInt8]] = [:]

    /// Opens the listening socket.
    ///
    /// - Throws: ``ServerError`` when the port cannot be bound.
    public init(
        configuration: ServerConfiguration, index: KnowledgeIndex, conversations: ConversationStore, policy: Policy,
        verifier: IdentityTokenVerifier?, accounts: AccountDirectory? = nil, tickets: TicketStore? = nil,
        review: ReviewLog? = nil, ticketOpened: (@Sendable () -> Void)? = nil, logger: Logger = Logger(label: "helpline.server")
    ) throws {
        self.configuration = configuration
        self.logger = logger
        metrics = ServerMetrics()
        staticFiles = try configuration.staticFolder.map { try StaticFiles(root: URL(fileURLWithPath: $0, isDirectory: true)) }
            ?? StaticFiles()
        service = ChatService(
            index: index, conversations: conversations, accounts: accounts, tickets: tickets, review: review,
            ticketOpened: ticketOpened,
            policy: policy, verifier: verifier,
            metrics: metrics, logger: logger)

        let name = strdup("helpline.v1")!
        let host = configuration.host.map { strdup($0)! }
        cStrings = [name] + (host.map { [$0] } ?? [])
        protocols = .allocate(capacity: 2)
        protocols.initialize(repeating: lws_protocols(), count: 2)
        protocols[0].name = UnsafePointer(name)
        protocols[0].callback = chatServerCallback
        // Each connection's slot holds one pointer: its ChatConnection, retained.
        protocols[0].per_session_data_size = MemoryLayout<UnsafeMutableRawPointer?>.size
        protocols[0].rx_buffer_size = 4096

        retryTable = .allocate(capacity: 1)
        retryTable.initialize(to: 1000)
        retryPolicy = .allocate(capacity: 1)
        retryPolicy.initialize(to: lws_retry_bo_t(
            retry_ms_table: UnsafePointer(retryTable), retry_ms_table_count: 1, conceal_count: 0,
            secs_since_valid_ping: UInt16(clamping: configuration.pingAfterSeconds),
            secs_since_valid_hangup: UInt16(clamping: configuration.hangUpAfterSeconds), jitter_percent: 0))

        lws_set_log_level(Int32(LLL_ERR), nil)
        var info = lws_context_creation_info()
        info.port = Int32(configuration.port)
        info.iface = host.map { UnsafePointer($0) }
        info.protocols = UnsafePointer(protocols)
        info.retry_and_idle_policy = UnsafePointer(retryPolicy)
        info.gid = -1
        info.uid = -1
        info.options = UInt64(LWS_SERVER_OPTION_ALLOW_LISTEN_SHARE)
        port = configuration.port
        info.user = Unmanaged.passUnretained(self).toOpaque()
        guard let context = lws_create_context(&info) else {
            Self.release(protocols: protocols, retryPolicy: retryPolicy, retryTable: retryTable, cStrings: cStrings)
            throw ServerError(message: "cannot listen on port \(configuration.port): in use, or not allowed")
        }
        self.context = context
        let vhost = lws_get_vhost_by_name(context, "default")
        port = vhost.map { Int(lws_get_vhost_listen_port($0)) } ?? configuration.port
    }

    deinit {
        if let context { lws_context_destroy(context) }
        Self.release(protocols: protocols, retryPolicy: retryPolicy, retryTable: retryTable, cStrings: cStrings)
    }

    private static func release(
        protocols: UnsafeMutablePointer<lws_protocols>, retryPolicy: UnsafeMutablePointer<lws_retry_bo_t>,
        retryTable: UnsafeMutablePointer<UInt32>, cStrings: [UnsafeMutablePointer<CChar>]
    ) {
        protocols.deallocate()
        retryPolicy.deallocate()
        retryTable.deallocate()
        cStrings.forEach { free($0) }
    }

    /// Serves until ``stop()``; then closes open chats with 1001 and returns within the grace period.
    public func run() {
        guard let context else { return }
        while true {
            _ = lws_service(context, 0)
            if let deadline = shutdownDeadline, connections.isEmpty || ContinuousClock.now >= deadline { break }
        }
        contextAlive.withLock { $0 = false }
        lws_context_destroy(context)
        self.context = nil
    }

    /// Asks the server to shut down; safe from any thread (and from a signal source's queue).
    public func stop() {
        guard !stopRequested.exchange(true, ordering: .sequentiallyConsistent) else { return }
        // Keep waking the loop while chats close, so the grace period is honoured even if
        // peers never answer the close; stops once the loop has destroyed the context.
        let end = Date().addingTimeInterval(configuration.shutdownGraceSeconds + 1)
        Thread.detachNewThread { [self] in
            while Date() < end {
                let alive = contextAlive.withLock { alive in
                    if alive, let context { lws_cancel_service(context) }
                    return alive
                }
                guard alive else { return }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    /// Whether `/healthz` says chats are accepted.
    var isAccepting: Bool { shutdownDeadline == nil }

    /// Called on the service thread when the loop was woken: starts the shutdown if asked.
    func serviceWoken() {
        guard stopRequested.load(ordering: .sequentiallyConsistent), shutdownDeadline == nil else { return }
        shutdownDeadline = ContinuousClock.now + .milliseconds(Int(configuration.shutdownGraceSeconds * 1000))
        for (wsi, connection) in connections {
            connection.closing = true
            lws_callback_on_writable(wsi)
        }
    }

    func makeConnection() -> ChatConnection {
        ChatConnection(
            session: ChatConnection.newSessionID(), maximumMessageBytes: configuration.maximumMessageBytes,
            maximumQueuedFrames: configuration.maximumQueuedFrames)
    }
}

/// A server that cannot start, with what to do about it.
public struct ServerError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
