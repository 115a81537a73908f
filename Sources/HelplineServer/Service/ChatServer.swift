import Foundation
import HelplineCore
import HelplineStore
import Logging
import Synchronization
internal import CLibWebSockets

/// The Helpline server: one libwebsockets context serving the chat at `/chat` and plain HTTP
/// (`/healthz`, `/metrics`, the API under `/api/v1/`, static files under `/`) on the same port.
///
/// Confined to the service thread, the one that calls ``run()``: every field below belongs to
/// it, and libwebsockets calls back only on it. The exceptions are ``stop()`` and
/// ``requestReload()``, which any thread may call: they set an atomic flag and wake the loop with
/// `lws_cancel_service()`, the only libwebsockets call that is safe from another thread; and a
/// finished reload, which the reload's thread hands over through a locked queue the same way.
public final class ChatServer: @unchecked Sendable {
    // @unchecked Sendable: off the service thread only `stop()`, `requestReload()` and a reload's
    // completion run, and they touch only atomics, the `finishedReloads` mutex and
    // `lws_cancel_service` (documented thread-safe), under `contextAlive`.
    public let configuration: ServerConfiguration
    /// The port the server listens on, known once init returns (also with port 0).
    public private(set) var port: Int

    let service: ChatService
    let metrics: ServerMetrics
    let staticFiles: StaticFiles
    let api: APIRouter
    /// Nil when the server was started without a knowledge folder: then nothing reloads.
    let reloader: KnowledgeReloader?
    let logger: Logger
    private var context: OpaquePointer?
    /// Memory libwebsockets keeps pointers to; freed only after the context is destroyed.
    private let protocols: UnsafeMutablePointer<lws_protocols>
    private let retryPolicy: UnsafeMutablePointer<lws_retry_bo_t>
    private let retryTable: UnsafeMutablePointer<UInt32>
    private let cStrings: [UnsafeMutablePointer<CChar>]

    private let stopRequested = Atomic<Bool>(false)
    /// Set by ``requestReload()`` from any thread; the service thread takes it when woken.
    let reloadRequested = Atomic<Bool>(false)
    /// Reloads done on their own thread, waiting for the service thread to install them.
    let finishedReloads = Mutex<[Result<KnowledgeReloader.Reloaded, any Error>]>([])
    /// Which reload runs and who waits for its report.
    var reloadSchedule = ReloadSchedule<OpaquePointer>()
    /// Answers that wait for a reload to finish, by the connection that asked (a resolved group).
    var answersAfterReload: [OpaquePointer: HTTPResponse] = [:]
    /// The serving index's ``KnowledgeIndex/generation`` when the running reload started.
    var generationAtReloadStart = 0
    /// Whether the context still exists, guarded so the shutdown waker never wakes a destroyed one.
    private let contextAlive = Mutex<Bool>(true)
    private var shutdownDeadline: ContinuousClock.Instant?
    /// Open chats by their libwebsockets handle, to close them on shutdown.
    var connections: [OpaquePointer: ChatConnection] = [:]
    /// HTTP requests being read or answered, by connection.
    var httpExchanges: [OpaquePointer: HTTPExchange] = [:]

    /// Opens the listening socket.
    ///
    /// - Parameters:
    ///   - statistics: answers `GET /api/v1/statistics`; nil answers it with 404.
    ///   - devTokens: mints tokens at `GET /dev/token` (`serve --dev`); nil, as in production, and
    ///     that path is 404.
    /// - Throws: ``ServerError`` when the port cannot be bound.
    public init(
        configuration: ServerConfiguration, index: KnowledgeIndex, conversations: ConversationStore, policy: Policy,
        verifier: IdentityTokenVerifier?, accounts: AccountDirectory? = nil, tickets: TicketStore? = nil,
        review: ReviewLog? = nil, statistics: StatisticsStore? = nil, devTokens: IdentityTokenSigner? = nil,
        ticketOpened: (@Sendable () -> Void)? = nil, logger: Logger = Logger(label: "helpline.server")
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
        let knowledge = configuration.knowledgeFolder.map { KnowledgeFolder(root: URL(fileURLWithPath: $0, isDirectory: true)) }
        api = APIRouter(
            authorization: APIAuthorization(verifier: verifier, accounts: accounts), index: index, review: review,
            tickets: tickets, statistics: statistics, policy: policy, knowledge: knowledge, devTokens: devTokens,
            logger: logger)
        reloader = knowledge.map { KnowledgeReloader(databasePath: index.databasePath, folder: $0) }

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
            while Date() < end, wake() {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    /// Wakes the service loop (`LWS_CALLBACK_EVENT_WAIT_CANCELLED`); safe from any thread.
    ///
    /// - Returns: false once the loop has destroyed its context, and there is nothing to wake.
    @discardableResult
    func wake() -> Bool {
        contextAlive.withLock { alive in
            if alive, let context { lws_cancel_service(context) }
            return alive
        }
    }

    /// Whether `/healthz` says chats are accepted.
    var isAccepting: Bool { shutdownDeadline == nil }

    /// Called on the service thread when the loop was woken: starts the shutdown if asked, and
    /// reloads the knowledge.
    func serviceWoken() {
        serviceReloads()
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
