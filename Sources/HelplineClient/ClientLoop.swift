import Foundation
import Synchronization
internal import CLibWebSockets

/// One libwebsockets client context and the one thread that services it; any number of
/// connections share both.
///
/// Who owns what: the service thread (started by ``start()``, named `helpline-client`) owns the
/// context, every `wsi`, ``connections`` and every ``ClientConnection``; libwebsockets calls back
/// only on it. Other threads get in through one door, ``submit(_:)``: it appends a command to a
/// locked queue and calls `lws_cancel_service()`, the only libwebsockets call that is safe from
/// another thread, and the service thread drains the queue in `LWS_CALLBACK_EVENT_WAIT_CANCELLED`.
/// Events go back out through each connection's ``ClientInbox``.
final class ClientLoop: @unchecked Sendable {
    // @unchecked Sendable: off the service thread only `submit`, `shutdown` and `makeID` are
    // used, and they touch only `shared` (under `lock`), `nextIDs` (atomic) and `finished` (a
    // semaphore); everything else is confined to the service thread, as said above.

    /// A request from another thread, carried out on the service thread.
    enum Command: Sendable {
        /// The connection's state is made on the service thread; only its inbox is shared.
        case connect(id: Int, ClientConnection.Target, ClientInbox)
        case send(id: Int, [OutgoingFrame])
        case close(id: Int, code: UInt16)
    }

    /// State shared with other threads, read and written only inside ``withShared(_:)``.
    private struct Shared {
        var commands: [Command] = []
        var stopRequested = false
        /// False once the service thread is about to destroy the context: nobody may wake it then.
        var contextAlive = true
        /// The service thread, once it runs.
        var serviceThread: pthread_t?
    }

    let maximumMessageBytes: Int
    // An NSLock (a pthread mutex) rather than `Mutex`: ThreadSanitizer sees pthread locks, and
    // reports `Mutex`'s futex-based lock on Linux as races.
    private let lock = NSLock()
    private var shared = Shared()
    private let nextIDs = Atomic<Int>(1)
    private let finished = DispatchSemaphore(value: 0)
    private let started = Atomic<Bool>(false)

    /// Written once, in init (a `var` only because `info.user` needs `self` first). Used on the
    /// service thread, and by other threads only for `lws_cancel_service` while
    /// `contextAlive` says it still exists.
    private var context: OpaquePointer?
    /// Whether the context is gone; service thread (or deinit, when it never started).
    private var destroyed = false
    /// Memory libwebsockets keeps pointers to; freed in deinit, after the context is destroyed.
    private let protocols: UnsafeMutablePointer<lws_protocols>
    private let protocolName: UnsafeMutablePointer<CChar>
    /// Open and opening connections by id, service thread only.
    var connections: [Int: ClientConnection] = [:]

    /// Creates the context; ``start()`` starts its thread.
    ///
    /// - Parameter maximumMessageBytes: the largest message accepted from a server, in bytes.
    init(maximumMessageBytes: Int) throws(ChatClientError) {
        self.maximumMessageBytes = maximumMessageBytes
        protocolName = strdup("helpline-client")!
        protocols = .allocate(capacity: 2)
        protocols.initialize(repeating: lws_protocols(), count: 2)
        protocols[0].name = UnsafePointer(protocolName)
        protocols[0].callback = chatClientCallback
        // No per-session memory: each wsi's user pointer carries its connection's id instead.
        protocols[0].per_session_data_size = 0
        protocols[0].rx_buffer_size = 4096

        // lws logs notices to stderr by default, which would interleave with a terminal chat's
        // output; the level is process-wide, and the server sets the same.
        lws_set_log_level(Int32(LLL_ERR), nil)
        var info = lws_context_creation_info()
        info.port = CONTEXT_PORT_NO_LISTEN
        info.protocols = UnsafePointer(protocols)
        info.gid = -1
        info.uid = -1
        info.user = Unmanaged.passUnretained(self).toOpaque()
        guard let context = lws_create_context(&info) else {
            protocols.deallocate()
            free(protocolName)
            throw .cannotStart
        }
        self.context = context
    }

    deinit {
        // The thread retains the loop while it runs, so by now it has destroyed the context,
        // unless it never started.
        if !destroyed, let context { lws_context_destroy(context) }
        protocols.deallocate()
        free(protocolName)
    }

    /// Starts the service thread; the thread keeps the loop alive until ``shutdown()``.
    func start() {
        guard !started.exchange(true, ordering: .sequentiallyConsistent) else { return }
        let thread = Thread { [self] in run() }
        thread.name = "helpline-client"
        thread.start()
    }

    private func withShared<T>(_ body: (inout Shared) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&shared)
    }

    /// A fresh connection id; ids start at 1, so one never reads as a null user pointer.
    func makeID() -> Int {
        nextIDs.wrappingAdd(1, ordering: .relaxed).oldValue
    }

    /// Hands a command to the service thread; safe from any thread.
    ///
    /// - Returns: false when the loop is shutting down and the command was dropped.
    @discardableResult
    func submit(_ command: Command) -> Bool {
        withShared { shared in
            guard !shared.stopRequested, shared.contextAlive, let context else { return false }
            shared.commands.append(command)
            lws_cancel_service(context)
            return true
        }
    }

    /// Closes every connection and waits for the service thread to finish; safe from any thread
    /// but the service thread itself (where it only asks).
    func shutdown() {
        let (alive, serviceThread) = withShared { shared in
            shared.stopRequested = true
            if shared.contextAlive, let context { lws_cancel_service(context) }
            return (shared.contextAlive, shared.serviceThread)
        }
        guard alive, started.load(ordering: .sequentiallyConsistent) else { return }
        if let serviceThread, pthread_equal(serviceThread, pthread_self()) != 0 { return }
        finished.wait()
        finished.signal()  // Let a second shutdown() return too.
    }

    /// The service loop: runs until ``shutdown()``, then destroys the context on this thread.
    private func run() {
        withShared { $0.serviceThread = pthread_self() }
        guard let context else { return }
        while !withShared({ $0.stopRequested }) {
            _ = lws_service(context, 0)
        }
        let dropped = withShared { shared in
            shared.contextAlive = false
            defer { shared.commands = [] }
            return shared.commands
        }
        // Destroying the context closes every wsi; the close callbacks post `closed` events.
        lws_context_destroy(context)
        destroyed = true
        for case .connect(_, _, let inbox) in dropped { inbox.post(.failed("the client shut down")) }
        // A safety net: the close callbacks during destroy should have finished them all.
        for connection in connections.values {
            connection.finish(connection.isOpen ? .closed(code: connection.peerCloseCode) : .failed("the client shut down"))
        }
        connections = [:]
        finished.signal()
    }

    /// Checks, in debug builds only, that the caller is the service thread.
    func assertOnServiceThread() {
        assert(
            withShared { $0.serviceThread }.map { pthread_equal($0, pthread_self()) != 0 } ?? false,
            "not on the client's service thread")
    }

    /// Runs the commands other threads queued; called in `LWS_CALLBACK_EVENT_WAIT_CANCELLED`.
    func drainCommands() {
        assertOnServiceThread()
        let commands = withShared { shared in
            defer { shared.commands.removeAll(keepingCapacity: true) }
            return shared.commands
        }
        for command in commands {
            switch command {
            case .connect(let id, let target, let inbox):
                open(ClientConnection(id: id, target: target, inbox: inbox, maximumMessageBytes: maximumMessageBytes))
            case .send(let id, let frames):
                guard let connection = connections[id], !connection.isFinished else { continue }
                connection.enqueue(frames)
                if connection.isOpen, let wsi = connection.wsi { lws_callback_on_writable(wsi) }
            case .close(let id, let code):
                guard let connection = connections[id], !connection.isFinished else { continue }
                connection.closeRequest = connection.closeRequest ?? code
                if connection.isOpen, let wsi = connection.wsi { lws_callback_on_writable(wsi) }
            }
        }
    }

    /// Starts the TCP connection and the WebSocket handshake.
    private func open(_ connection: ClientConnection) {
        guard let context else { return }
        connections[connection.id] = connection
        let target = connection.target
        let hostHeader = "\(target.host):\(target.port)"
        // libwebsockets copies these strings into the wsi during the call, so the pointers need
        // to live only as long as it.
        let wsi = target.host.withCString { address in
            target.path.withCString { path in
                hostHeader.withCString { host in
                    withOptionalCString(target.subprotocol) { subprotocol in
                            var info = lws_client_connect_info()
                            info.context = context
                            info.address = address
                            info.port = Int32(target.port)
                            info.path = path
                            info.host = host
                            info.origin = host
                            info.protocol = subprotocol
                            info.local_protocol_name = UnsafePointer(protocolName)
                            info.ietf_version_or_minus_one = -1
                            // The id, not an object: a lookup in `connections` fails safely where
                            // a stale object pointer would not. lws never dereferences or frees
                            // it, since `userdata` marks the user space as ours.
                            info.userdata = UnsafeMutableRawPointer(bitPattern: connection.id)
                            return lws_client_connect_via_info(&info)
                    }
                }
            }
        }
        if let wsi {
            if !connection.isFinished { connection.wsi = wsi }
        } else {
            // A nil return is reported only here, not through CLIENT_CONNECTION_ERROR.
            connections[connection.id] = nil
            connection.finish(.failed("cannot start connecting to \(hostHeader)"))
        }
    }
}

private func withOptionalCString<T>(_ string: String?, _ body: (UnsafePointer<CChar>?) -> T) -> T {
    guard let string else { return body(nil) }
    return string.withCString { body($0) }
}
