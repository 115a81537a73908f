/// The tables behind the knowledge index.
///
/// - `articles`: what a reply shows, plus the file facts that tell whether a file changed.
/// - `article_terms`: FTS5 over the analysed fields; its rowid is the article's `row`. The
///   text stored there is already analysed (stemmed, folded), so FTS5's tokenizer only splits
///   on spaces and never sees a user's raw words.
/// - `article_vocabulary`: FTS5's own table of terms and document counts.
/// - `knowledge_issues`: files that could not be loaded, reported again until they change.
enum KnowledgeSchema {
    static let migrations: [String] = [
        """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE articles(
            row INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            file_size INTEGER NOT NULL,
            file_modified INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            article_id TEXT NOT NULL,
            locale TEXT NOT NULL,
            section TEXT NOT NULL,
            kind TEXT NOT NULL,
            audience TEXT NOT NULL,
            title TEXT NOT NULL,
            url TEXT,
            short_answer TEXT NOT NULL,
            body TEXT NOT NULL,
            UNIQUE(article_id, locale)
        );
        CREATE VIRTUAL TABLE article_terms USING fts5(
            title, aliases, tags, body, locale UNINDEXED,
            tokenize = 'unicode61 remove_diacritics 0'
        );
        CREATE VIRTUAL TABLE article_vocabulary USING fts5vocab(article_terms, 'row');
        CREATE TABLE knowledge_issues(
            path TEXT PRIMARY KEY,
            line INTEGER NOT NULL,
            message TEXT NOT NULL,
            file_size INTEGER NOT NULL,
            file_modified INTEGER NOT NULL
        );
        """,
    ]
}
