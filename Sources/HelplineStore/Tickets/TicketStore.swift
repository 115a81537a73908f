import Foundation
import HelplineCore

/// Tickets in SQLite: opened durably, listed with their SLA state, moved to responded and solved.
///
/// Like its ``Database``, a store belongs to one thread at a time.
public final class TicketStore {
    /// What a new ticket is made of.
    public struct NewTicket: Sendable {
        public var identity: Identity
        public var conversation: String?
        public var question: String
        public var priority: PriorityAssessment
        public var channels: [Policy.Channel]

        public init(identity: Identity, conversation: String?, question: String, priority: PriorityAssessment, channels: [Policy.Channel]) {
            self.identity = identity
            self.conversation = conversation
            self.question = question
            self.priority = priority
            self.channels = channels
        }
    }

    let database: Database
    let policy: Policy
    /// Whether each new ticket also gets a webhook delivery in the outbox.
    let queuesWebhooks: Bool

    public init(database: Database, policy: Policy, queuesWebhooks: Bool = false) throws {
        self.database = database
        self.policy = policy
        self.queuesWebhooks = queuesWebhooks
        try database.migrate(StoreSchema.migrations)
    }

    /// Opens a ticket and returns it once its transaction has committed with full durability.
    ///
    /// The database otherwise runs with `synchronous = NORMAL`, which may lose the last commits
    /// on power loss; a ticket the user was promised must not be among them.
    public func open(_ ticket: NewTicket, now: Date) throws -> TicketRecord {
        try database.execute("PRAGMA synchronous = FULL")
        defer { try? database.execute("PRAGMA synchronous = NORMAL") }
        let due = policy.responseDue(level: ticket.priority.level, createdAt: now)
        let id: Int64 = try database.transaction {
            try database.cachedStatement("""
                INSERT INTO tickets(user_key, account, plan, role, conversation_id, question, priority, reason, channels,
                                    created_at, due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).run([
                    ConversationStore.userKey(for: ticket.identity), ticket.identity.account, ticket.identity.plan,
                    ticket.identity.role, ticket.conversation, ticket.question, ticket.priority.level, ticket.priority.reason,
                    ticket.channels.map(\.rawValue).joined(separator: ","), now.timeIntervalSince1970, due.timeIntervalSince1970,
                ])
            let id = database.lastInsertedRow
            if queuesWebhooks, let record = try self.ticket(id) {
                try database.cachedStatement(
                    "INSERT INTO webhook_outbox(ticket_id, payload, next_attempt_at) VALUES (?, ?, ?)"
                ).run([id, try TicketPayload(record, policy: policy).json(), now.timeIntervalSince1970])
            }
            return id
        }
        guard let record = try self.ticket(id) else { throw SQLiteError(code: 0, message: "ticket \(id) vanished after commit") }
        return record
    }

    /// The user's tickets still open (or responded to but not solved), newest first.
    public func unsolved(for identity: Identity) throws -> [TicketRecord] {
        let statement = try database.cachedStatement("""
            SELECT \(Self.columns) FROM tickets WHERE user_key = ? AND status != 'solved' ORDER BY id DESC LIMIT 20
            """)
        try statement.bind([ConversationStore.userKey(for: identity)])
        var records: [TicketRecord] = []
        while try statement.step() { records.append(Self.record(statement)) }
        return records
    }

    /// How many tickets the user opened since `since`, for the daily limit.
    public func openedCount(for identity: Identity, since: Date) throws -> Int {
        let statement = try database.cachedStatement("SELECT count(*) FROM tickets WHERE user_key = ? AND created_at >= ?")
        try statement.bind([ConversationStore.userKey(for: identity), since.timeIntervalSince1970])
        return try statement.firstRow { Int($0.int64(at: 0)) } ?? 0
    }

    /// Adds a follow-up question to an existing ticket (the same problem, asked again).
    public func addFollowUp(_ id: Int64, question: String, now: Date) throws {
        try database.cachedStatement("""
            INSERT INTO ticket_follow_ups(ticket_id, question, created_at) VALUES (?, ?, ?)
            """).run([id, question, now.timeIntervalSince1970])
    }

    /// The follow-up questions of a ticket, oldest first.
    public func followUps(_ id: Int64) throws -> [String] {
        let statement = try database.cachedStatement("SELECT question FROM ticket_follow_ups WHERE ticket_id = ? ORDER BY id")
        try statement.bind([id])
        var questions: [String] = []
        while try statement.step() { questions.append(statement.string(at: 0) ?? "") }
        return questions
    }

    public func ticket(_ id: Int64) throws -> TicketRecord? {
        let statement = try database.cachedStatement("SELECT \(Self.columns) FROM tickets WHERE id = ?")
        try statement.bind([id])
        return try statement.firstRow(Self.record)
    }

    /// Tickets newest first; with `breachingAt`, only those whose first response is late as of that time.
    public func list(breachingAt now: Date? = nil) throws -> [TicketRecord] {
        let statement = try database.prepare("SELECT \(Self.columns) FROM tickets ORDER BY id DESC")
        var records: [TicketRecord] = []
        while try statement.step() {
            let record = Self.record(statement)
            if let now, record.sla(now: now) != .breached { continue }
            records.append(record)
        }
        return records
    }

    /// Marks the first response; a ticket already responded to keeps its first time.
    public func respond(_ id: Int64, now: Date) throws -> TicketRecord? {
        try database.cachedStatement("""
            UPDATE tickets SET responded_at = coalesce(responded_at, ?),
                               status = CASE status WHEN 'open' THEN 'responded' ELSE status END
            WHERE id = ?
            """).run([now.timeIntervalSince1970, id])
        return try ticket(id)
    }

    public func solve(_ id: Int64, now: Date) throws -> TicketRecord? {
        try database.cachedStatement("UPDATE tickets SET status = 'solved', solved_at = coalesce(solved_at, ?) WHERE id = ?")
            .run([now.timeIntervalSince1970, id])
        return try ticket(id)
    }

    static let columns = """
        id, user_key, account, plan, role, conversation_id, question, priority, reason, channels, created_at, due_at,
        status, responded_at, solved_at
        """

    static func record(_ row: Statement) -> TicketRecord {
        func date(_ column: Int32) -> Date? {
            row.isNull(at: column) ? nil : Date(timeIntervalSince1970: row.double(at: column))
        }
        return TicketRecord(
            id: row.int64(at: 0), userKey: row.string(at: 1) ?? "", account: row.string(at: 2), plan: row.string(at: 3) ?? "",
            role: row.string(at: 4) ?? "", conversation: row.string(at: 5), question: row.string(at: 6) ?? "",
            priority: Int(row.int64(at: 7)), reason: row.string(at: 8) ?? "",
            channels: (row.string(at: 9) ?? "").split(separator: ",").compactMap { Policy.Channel(rawValue: String($0)) },
            createdAt: date(10) ?? .distantPast, dueAt: date(11) ?? .distantPast,
            status: TicketStatus(rawValue: row.string(at: 12) ?? "") ?? .open, respondedAt: date(13), solvedAt: date(14))
    }
}
