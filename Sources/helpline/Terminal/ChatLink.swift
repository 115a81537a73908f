import Foundation
import HelplineClient

/// The chat's connection to the server, replaced by a new one on every reconnect.
///
/// ``ChatClient`` delivers events to whoever blocks in `next(timeout:)`; the terminal chat also
/// waits for key presses and signals, so one reader thread per connection blocks there instead
/// and hands each event to a ``LinkMailbox`` whose pipe the chat's poll loop watches. Events of
/// a replaced connection are dropped, so a late `closed` cannot end the new one.
///
/// Used from the chat's thread only; the reader threads touch nothing but their client and the
/// mailbox.
final class ChatLink {
    /// What happened on the current connection.
    enum Event: Equatable {
        case opened
        case message(String)
        /// The connection ended or never opened; the text says why, for people.
        case ended(String)
    }

    private let pool: ChatClientPool
    private let host: String
    private let port: Int
    private let path: String
    private let mailbox: LinkMailbox
    private var client: ChatClient?
    private var generation = 0
    /// Whether the current connection is open, as far as the drained events tell.
    private var isOpen = false

    init(host: String, port: Int, path: String) throws {
        pool = try ChatClientPool()
        mailbox = try LinkMailbox()
        self.host = host
        self.port = port
        self.path = path
    }

    deinit {
        pool.shutdown()
    }

    /// Readable when events are waiting in ``drain()``.
    var wakeDescriptor: Int32 { mailbox.readDescriptor }

    /// Where the server is, for messages: `host:port`.
    var address: String { "\(host):\(port)" }

    /// Opens a new connection in place of the current one; its events follow through ``drain()``.
    func connect() {
        client?.close()
        isOpen = false
        generation += 1
        let client = pool.connect(host: host, port: port, path: path)
        self.client = client
        let (mailbox, generation) = (mailbox, generation)
        Thread.detachNewThread {
            do {
                try client.waitUntilOpen(timeout: .seconds(10))
            } catch {
                client.close()
                mailbox.post(.ended(String(describing: error)), generation: generation)
                return
            }
            mailbox.post(.opened, generation: generation)
            while true {
                // A long wait, renewed: the reader has nothing else to do until the connection ends.
                guard let event = try? client.next(timeout: .seconds(3600)) else { continue }
                switch event {
                case .message(let text):
                    mailbox.post(.message(text), generation: generation)
                case .binary:
                    continue
                case .closed(let code):
                    mailbox.post(.ended("the server closed the chat (\(code.map(String.init) ?? "no code"))"), generation: generation)
                    return
                case .failed(let reason):
                    mailbox.post(.ended(reason), generation: generation)
                    return
                }
            }
        }
    }

    /// Sends a text frame on the current connection.
    func send(_ text: String) {
        client?.send(text)
    }

    /// The current connection's events since the last call.
    func drain() -> [Event] {
        let events = mailbox.take(generation: generation)
        for event in events {
            switch event {
            case .opened: isOpen = true
            case .ended: isOpen = false
            case .message: break
            }
        }
        return events
    }

    /// Closes the current connection once what was sent is written, waiting up to `seconds` for
    /// it to end, so a last message (feedback, say) is not dropped on the way out.
    func closeGracefully(within seconds: TimeInterval) {
        guard isOpen, let client else { return }
        client.close()
        let deadline = Date().addingTimeInterval(seconds)
        while isOpen, Date() < deadline {
            var descriptor = pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000)))
            _ = drain()
        }
    }

    /// Closes every connection and joins the client's service thread.
    func shutdown() {
        pool.shutdown()
    }
}

/// Events from reader threads for the chat's thread, with a pipe to wake its poll.
final class LinkMailbox: @unchecked Sendable {
    // @unchecked Sendable: `events` is only touched while holding `lock`; the pipe is Sendable.
    private let lock = NSLock()
    private var events: [(generation: Int, event: ChatLink.Event)] = []
    private let pipe: WakePipe

    init() throws {
        pipe = try WakePipe()
    }

    var readDescriptor: Int32 { pipe.readDescriptor }

    func post(_ event: ChatLink.Event, generation: Int) {
        lock.withLock { events.append((generation, event)) }
        pipe.post(1)
    }

    /// The events of `generation`, in order; older generations' are dropped.
    func take(generation: Int) -> [ChatLink.Event] {
        _ = pipe.drain()
        return lock.withLock {
            defer { events.removeAll() }
            return events.filter { $0.generation == generation }.map(\.event)
        }
    }
}
