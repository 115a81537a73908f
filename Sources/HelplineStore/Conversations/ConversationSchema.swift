/// Conversations and their messages, for resuming a chat and for support leads' review.
///
/// - `conversations`: one row per chat session; `user_key` is the user id from a verified
///   token, or `anonymous`, and decides who may resume it.
/// - `messages`: questions, replies (type, articles, confidence) and feedback, in order.
enum ConversationSchema {
    static let migrations: [String] = [
        """
        CREATE TABLE conversations(
            id TEXT PRIMARY KEY,
            user_key TEXT NOT NULL,
            account TEXT,
            plan TEXT NOT NULL,
            role TEXT NOT NULL,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE TABLE messages(
            id INTEGER PRIMARY KEY,
            conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            created_at REAL NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('question', 'reply', 'feedback')),
            client_id TEXT,
            text TEXT,
            reply_type TEXT,
            articles TEXT,
            confidence REAL,
            helpful INTEGER
        );
        CREATE INDEX messages_by_conversation ON messages(conversation_id, id);
        """,
    ]
}
