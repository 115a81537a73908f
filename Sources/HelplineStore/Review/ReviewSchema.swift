/// What support leads review: every question that ended without a helpful answer, grouped.
///
/// - `unanswered`: one row per such question, with who asked (plan, role), the outcome
///   (`ticket` with its id, or `self_service`), why (`no_match`, `unhelpful`, `person`), the
///   closest articles and the conversation.
/// - `learned_aliases`: phrasings a lead attached to an article (`helpline review resolve`); the
///   index adds them to the article's aliases every time it indexes the article.
/// - `question_groups`: similar questions in one locale; `terms` is the group's signature (the
///   analysed terms of its first question), so a new question joins a group without
///   re-clustering history.
enum ReviewSchema {
    static let migrations: [String] = [
        """
        CREATE TABLE question_groups(
            id INTEGER PRIMARY KEY,
            locale TEXT NOT NULL,
            terms TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'dismissed')),
            first_seen REAL NOT NULL,
            last_seen REAL NOT NULL,
            count INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX question_groups_by_locale ON question_groups(locale, status);
        CREATE TABLE unanswered(
            id INTEGER PRIMARY KEY,
            group_id INTEGER NOT NULL REFERENCES question_groups(id),
            created_at REAL NOT NULL,
            conversation_id TEXT,
            locale TEXT NOT NULL,
            plan TEXT NOT NULL,
            role TEXT NOT NULL,
            question TEXT NOT NULL,
            reason TEXT NOT NULL CHECK (reason IN ('no_match', 'unhelpful', 'person', 'clarify')),
            outcome TEXT NOT NULL,
            ticket_id INTEGER,
            closest TEXT NOT NULL
        );
        CREATE INDEX unanswered_by_group ON unanswered(group_id, created_at);
        CREATE TABLE learned_aliases(
            article_id TEXT NOT NULL,
            locale TEXT NOT NULL,
            phrasing TEXT NOT NULL,
            group_id INTEGER,
            created_at REAL NOT NULL,
            PRIMARY KEY (article_id, locale, phrasing)
        ) WITHOUT ROWID;
        """,
    ]
}
