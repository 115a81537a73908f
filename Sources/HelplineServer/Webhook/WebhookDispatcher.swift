import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HelplineCore
import HelplineStore
import Logging

/// Delivers new tickets to a helpdesk's webhook from the durable outbox, on a thread of its own.
///
/// Delivery may block for seconds (a slow or failing receiver), so it never runs on the
/// service thread: the service thread only calls ``wake()`` after a ticket commits. Each POST
/// carries the ticket as JSON and an `X-Helpline-Signature: sha256=<hex>` HMAC of the body; a
/// non-2xx answer or a network error is retried with exponential backoff, and pending
/// deliveries survive restarts because they live in the database.
public final class WebhookDispatcher: @unchecked Sendable {
    // @unchecked Sendable: `stopped` and `woken` are guarded by `condition`; everything else is
    // immutable or used only on the dispatcher's own thread.
    private let databasePath: String
    private let url: URL
    private let secret: [UInt8]
    private let baseBackoff: Duration
    private let logger: Logger
    private let condition = NSCondition()
    private var stopped = false
    private var woken = false
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)

    /// - Parameter baseBackoff: the wait before the first retry; each further retry waits twice as long, up to 5 minutes.
    public init(databasePath: String, url: URL, secret: [UInt8], baseBackoff: Duration = .seconds(2), logger: Logger) {
        self.databasePath = databasePath
        self.url = url
        self.secret = secret
        self.baseBackoff = baseBackoff
        self.logger = logger
    }

    public func start() {
        let thread = Thread { [self] in
            run()
            finished.signal()
        }
        thread.name = "helpline-webhook"
        self.thread = thread
        thread.start()
    }

    /// A new ticket is in the outbox; safe from any thread.
    public func wake() {
        condition.lock()
        woken = true
        condition.signal()
        condition.unlock()
    }

    /// Stops after the delivery in flight, if any, and waits for the thread to end.
    public func stop() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
        if thread != nil { finished.wait() }
    }

    private func run() {
        let outbox: WebhookOutbox
        do {
            outbox = try WebhookOutbox(database: try Database(path: databasePath), baseBackoff: baseBackoff)
        } catch {
            logger.error("webhook: cannot open the outbox: \(error)")
            return
        }
        while true {
            do {
                for delivery in try outbox.due(now: Date()) {
                    if isStopped { return }
                    switch post(delivery.payload) {
                    case .success:
                        try outbox.markDelivered(delivery.id, now: Date())
                        logger.info("webhook delivered", metadata: ["ticket": "\(TicketRecord.reference(delivery.ticketID))"])
                    case .failure(let failure):
                        try outbox.markFailed(delivery, error: failure.message, now: Date())
                        logger.warning("webhook failed, will retry", metadata: [
                            "ticket": "\(TicketRecord.reference(delivery.ticketID))", "attempt": "\(delivery.attempts + 1)", "error": "\(failure.message)",
                        ])
                    }
                }
                let next = try outbox.nextDue()
                if !waitUntil(next.map { min($0, Date().addingTimeInterval(60)) } ?? Date().addingTimeInterval(60)) { return }
            } catch {
                logger.error("webhook: outbox error: \(error)")
                if !waitUntil(Date().addingTimeInterval(5)) { return }
            }
        }
    }

    private var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    /// Waits until `deadline`, a wake or a stop; returns false when stopped.
    private func waitUntil(_ deadline: Date) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, !woken, Date() < deadline {
            _ = condition.wait(until: deadline)
        }
        woken = false
        return !stopped
    }

    struct Failure: Error {
        var message: String
    }

    /// One POST, synchronously on this thread, with a 10 s timeout.
    private func post(_ payload: String) -> Result<Void, Failure> {
        let body = Data(payload.utf8)
        var request = URLRequest(url: url, timeoutInterval: 10)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(WebhookSignature.sign(Array(body), secret: secret), forHTTPHeaderField: WebhookSignature.header)
        let done = DispatchSemaphore(value: 0)
        let outcome = OutcomeBox()
        URLSession.shared.dataTask(with: request) { _, response, error in
            if let error {
                outcome.value = .failure(Failure(message: error.localizedDescription))
            } else if let status = (response as? HTTPURLResponse)?.statusCode, (200..<300).contains(status) {
                outcome.value = .success(())
            } else {
                outcome.value = .failure(Failure(message: "HTTP \((response as? HTTPURLResponse)?.statusCode ?? 0)"))
            }
            done.signal()
        }.resume()
        done.wait()
        return outcome.value
    }

    /// Carries the result out of URLSession's completion handler.
    private final class OutcomeBox: @unchecked Sendable {
        // @unchecked Sendable: written once in the handler before `done.signal()`, read after `done.wait()`.
        var value: Result<Void, Failure> = .failure(Failure(message: "no response"))
    }
}
