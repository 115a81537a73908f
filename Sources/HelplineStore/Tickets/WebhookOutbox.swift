import Foundation

/// The durable queue of webhook deliveries: one row per new ticket, retried with backoff
/// until the receiver accepts it, across restarts.
///
/// Used from the delivery thread with a connection of its own; SQLite's WAL lets it read and
/// write while the service thread opens tickets.
public final class WebhookOutbox {
    /// A delivery waiting to be made.
    public struct Delivery: Sendable, Equatable {
        public var id: Int64
        public var ticketID: Int64
        public var payload: String
        public var attempts: Int
    }

    let database: Database
    /// The first retry waits this long; each further one twice as long, up to ``maximumBackoff``.
    public let baseBackoff: Duration
    public let maximumBackoff: Duration

    public init(database: Database, baseBackoff: Duration = .seconds(2), maximumBackoff: Duration = .seconds(300)) throws {
        self.database = database
        self.baseBackoff = baseBackoff
        self.maximumBackoff = maximumBackoff
        try database.migrate(StoreSchema.migrations)
    }

    /// Deliveries due at `now`, oldest first.
    public func due(now: Date, limit: Int = 20) throws -> [Delivery] {
        let statement = try database.cachedStatement("""
            SELECT id, ticket_id, payload, attempts FROM webhook_outbox
            WHERE delivered_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?
            """)
        try statement.bind([now.timeIntervalSince1970, limit])
        var deliveries: [Delivery] = []
        while try statement.step() {
            deliveries.append(Delivery(
                id: statement.int64(at: 0), ticketID: statement.int64(at: 1), payload: statement.string(at: 2) ?? "",
                attempts: Int(statement.int64(at: 3))))
        }
        return deliveries
    }

    /// When the next undelivered item is due, or nil when nothing waits.
    public func nextDue() throws -> Date? {
        let statement = try database.cachedStatement(
            "SELECT min(next_attempt_at) FROM webhook_outbox WHERE delivered_at IS NULL")
        return try statement.firstRow { $0.isNull(at: 0) ? nil : Date(timeIntervalSince1970: $0.double(at: 0)) } ?? nil
    }

    public func markDelivered(_ id: Int64, now: Date) throws {
        try database.cachedStatement("UPDATE webhook_outbox SET delivered_at = ?, attempts = attempts + 1 WHERE id = ?")
            .run([now.timeIntervalSince1970, id])
    }

    /// Records a failed attempt and schedules the next with exponential backoff.
    public func markFailed(_ delivery: Delivery, error: String, now: Date) throws {
        let exponent = min(delivery.attempts, 20)
        let base = Double(baseBackoff.components.seconds) + Double(baseBackoff.components.attoseconds) / 1e18
        let cap = Double(maximumBackoff.components.seconds)
        let wait = min(base * pow(2, Double(exponent)), cap)
        try database.cachedStatement("""
            UPDATE webhook_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?
            """).run([now.timeIntervalSince1970 + wait, String(error.prefix(500)), delivery.id])
    }

    /// Every delivery's state, for `helpline tickets` and tests: (ticket id, attempts, delivered).
    public func states() throws -> [(ticketID: Int64, attempts: Int, delivered: Bool)] {
        let statement = try database.prepare("SELECT ticket_id, attempts, delivered_at IS NOT NULL FROM webhook_outbox ORDER BY id")
        var states: [(Int64, Int, Bool)] = []
        while try statement.step() { states.append((statement.int64(at: 0), Int(statement.int64(at: 1)), statement.int64(at: 2) != 0)) }
        return states
    }
}
