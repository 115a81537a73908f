/// The tables behind the knowledge index.
///
/// - `articles`: what a reply shows, plus the file facts that tell whether a file changed.
/// - `article_terms`: FTS5 over the analysed fields; its rowid is the article's `row`. The
///   text stored there is already analysed (stemmed, folded), so FTS5's tokenizer only splits
///   on spaces and never sees a user's raw words.
///   Each locale owns a range of rowids (``KnowledgeSchema/rowRange(slot:)``), so a search
///   in one locale is a rowid range that FTS5 seeks to, not a filter that reads every match.
/// - `article_vocabulary`, `article_column_vocabulary`: FTS5's own tables of terms and their
///   document counts, overall and per column.
/// - `surface_words`: words as articles spell them, with their terms, for typo correction;
///   kept until the next full rebuild (a stale word's term simply has no articles).
/// - `knowledge_issues`: files that could not be loaded, reported again until they change.
enum KnowledgeSchema {
    /// The rows of the locale in `slot`: 2^32 rows each, far more than any help center needs.
    static func rowRange(slot: Int64) -> ClosedRange<Int64> {
        (slot << 32)...((slot << 32) | 0xFFFF_FFFF)
    }

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
            -- The body's sentences, one a line, and each one's analysed terms, for snippets.
            sentences TEXT NOT NULL,
            sentence_terms TEXT NOT NULL,
            UNIQUE(article_id, locale)
        );
        CREATE VIRTUAL TABLE article_terms USING fts5(
            title, aliases, tags, body,
            tokenize = 'unicode61 remove_diacritics 0'
        );
        CREATE VIRTUAL TABLE article_vocabulary USING fts5vocab(article_terms, 'row');
        CREATE VIRTUAL TABLE article_column_vocabulary USING fts5vocab(article_terms, 'col');
        CREATE TABLE locales(slot INTEGER PRIMARY KEY, locale TEXT NOT NULL UNIQUE);
        CREATE TABLE surface_words(word TEXT PRIMARY KEY, term TEXT NOT NULL) WITHOUT ROWID;
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
