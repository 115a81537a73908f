import Foundation
import HelplineCore

/// Remembers chats: who they belong to and what was said, in SQLite.
///
/// Like its ``Database``, a store belongs to one thread (the server's service thread). Writes
/// are short, prepared once, and run in WAL mode, so they do not hold up the chat.
public final class ConversationStore {
    let database: Database

    public init(database: Database) throws {
        self.database = database
        try database.migrate(StoreSchema.migrations)
    }

    /// The key that decides who may resume a conversation: the verified user id, or `anonymous`.
    public static func userKey(for identity: Identity) -> String {
        identity.userID.map { "user:\($0)" } ?? "anonymous"
    }

    /// Whether `session` exists and belongs to the user `identity` names.
    ///
    /// A session of another user reads as missing, so ids cannot be probed.
    public func canResume(_ session: String, as identity: Identity) throws -> Bool {
        let statement = try database.cachedStatement("SELECT user_key FROM conversations WHERE id = ?")
        try statement.bind([session])
        guard let owner = try statement.firstRow({ $0.string(at: 0) }) else { return false }
        return owner == Self.userKey(for: identity)
    }

    /// Creates the conversation if it is new, and notes who is in it now.
    public func begin(_ session: String, identity: Identity, now: Date) throws {
        try database.cachedStatement("""
            INSERT INTO conversations(id, user_key, account, plan, role, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET plan = excluded.plan, role = excluded.role, updated_at = excluded.updated_at
            """).run([
                session, Self.userKey(for: identity), identity.account, identity.plan, identity.role,
                now.timeIntervalSince1970, now.timeIntervalSince1970,
            ])
    }

    /// Records a question and the reply it got.
    public func recordExchange(
        _ session: String, clientID: String?, question: String, reply: Reply, confidence: Double?, articles: [String],
        now: Date
    ) throws {
        try database.transaction {
            let insert = try database.cachedStatement("""
                INSERT INTO messages(conversation_id, created_at, kind, client_id, text, reply_type, articles, confidence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            try insert.run([session, now.timeIntervalSince1970, "question", clientID, question, nil as String?, nil as String?, nil as Double?])
            try insert.run([
                session, now.timeIntervalSince1970, "reply", clientID, nil as String?, reply.type,
                articles.joined(separator: ","), confidence,
            ])
            try database.cachedStatement("UPDATE conversations SET updated_at = ? WHERE id = ?")
                .run([now.timeIntervalSince1970, session])
        }
    }

    /// Records whether an answer helped.
    public func recordFeedback(_ session: String, replyTo: String, helpful: Bool, now: Date) throws {
        try database.cachedStatement("""
            INSERT INTO messages(conversation_id, created_at, kind, client_id, helpful) VALUES (?, ?, 'feedback', ?, ?)
            """).run([session, now.timeIntervalSince1970, replyTo, helpful ? 1 : 0])
    }

    /// The question a client id named in this conversation, for feedback on an earlier answer.
    public func question(_ session: String, clientID: String) throws -> String? {
        let statement = try database.cachedStatement("""
            SELECT text FROM messages WHERE conversation_id = ? AND client_id = ? AND kind = 'question' ORDER BY id DESC LIMIT 1
            """)
        try statement.bind([session, clientID])
        return try statement.firstRow { $0.string(at: 0) } ?? nil
    }

    /// A conversation's messages in order, as (kind, text or reply type), for review and tests.
    public func transcript(_ session: String) throws -> [(kind: String, content: String)] {
        let statement = try database.prepare("""
            SELECT kind, coalesce(text, reply_type, CASE helpful WHEN 1 THEN 'helpful' ELSE 'not helpful' END)
            FROM messages WHERE conversation_id = ? ORDER BY id
            """)
        try statement.bind([session])
        var messages: [(String, String)] = []
        while try statement.step() { messages.append((statement.string(at: 0) ?? "", statement.string(at: 1) ?? "")) }
        return messages
    }
}
