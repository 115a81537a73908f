import Foundation
import HelplineCore

/// The help center's search index in SQLite: builds it from a knowledge folder, updating only
/// what changed, and answers questions from it (``KnowledgeIndex/search(_:locale:)``).
///
/// Like its ``Database``, an index belongs to one thread at a time.
public final class KnowledgeIndex {
    let database: Database
    /// Replaced only with a whole ``Snapshot`` from a re-index (new synonyms), never on its own.
    var analyzer: Analyzer
    public let confidenceModel: ConfidenceModel
    /// Synonyms and compound parts that let a word the help center never uses reach an article.
    public let wordRelations: WordRelations
    /// Loaded when the index opens and after each update; questions are weighed against it.
    var vocabulary: Vocabulary
    /// Locales that have articles, for choosing where to search.
    var locales: [String: Int] = [:]
    /// Counts the times the in-memory state was reloaded or replaced, so a caller can tell whether
    /// a ``Snapshot`` taken elsewhere may have missed a change made here meanwhile.
    public internal(set) var generation = 0
    /// Surface words already in `surface_words`, so an update inserts each word once, not once
    /// per occurrence.
    var recordedSurfaces: Set<String> = []

    /// Opens (creating if needed) the index in `database`.
    ///
    /// - Parameter wordRelations: by default the system's thesauri (``WordRelations/system``).
    public init(
        database: Database, analyzer: Analyzer, confidenceModel: ConfidenceModel = ConfidenceModel(),
        wordRelations: WordRelations = .system
    ) throws {
        self.database = database
        self.analyzer = analyzer
        self.confidenceModel = confidenceModel
        self.wordRelations = wordRelations
        try database.migrate(StoreSchema.migrations)
        vocabulary = Vocabulary(documentCount: 0, documentFrequency: [:])
        try reloadVocabulary()
    }

    /// Whether the index was built by an analyzer that produces the same terms as this one.
    public var isCurrent: Bool {
        get throws { try storedFingerprint() == analyzer.fingerprint }
    }

    /// How many articles the index holds.
    public var articleCount: Int { vocabulary.documentCount }

    /// The index terms of `text`, as questions are analysed; the language comes from `locale` or is detected.
    public func terms(of text: String, locale: String?) -> [String] {
        analyzer.terms(text, language: locale.flatMap(Language.init(locale:)) ?? Language.detect(text))
    }

    /// How telling a term is in this help center (its inverse document frequency).
    public func weight(of term: String) -> Double {
        vocabulary.weight(of: term)
    }

    private func storedFingerprint() throws -> String? {
        let statement = try database.cachedStatement("SELECT value FROM meta WHERE key = 'analyzer'")
        return try statement.firstRow { $0.string(at: 0) } ?? nil
    }

    func reloadVocabulary() throws {
        var frequencies: [String: Int] = [:]
        let terms = try database.prepare("SELECT term, doc FROM article_vocabulary")
        while try terms.step() {
            if let term = terms.string(at: 0) { frequencies[term] = Int(terms.int64(at: 1)) }
        }
        var headingFrequencies: [String: Int] = [:]
        // An article with a term in both title and alias counts twice: an upper bound is enough
        // for budgeting.
        let headings = try database.prepare("""
            SELECT term, sum(doc) FROM article_column_vocabulary WHERE col IN ('title', 'aliases', 'tags') GROUP BY term
            """)
        while try headings.step() {
            if let term = headings.string(at: 0) { headingFrequencies[term] = Int(headings.int64(at: 1)) }
        }
        var surfaceWords: [String: String] = [:]
        let surfaces = try database.prepare("SELECT word, term FROM surface_words")
        while try surfaces.step() {
            if let word = surfaces.string(at: 0), let term = surfaces.string(at: 1) { surfaceWords[word] = term }
        }
        recordedSurfaces = Set(surfaceWords.keys)
        var counts: [String: Int] = [:]
        let localeCounts = try database.prepare("SELECT locale, count(*) FROM articles GROUP BY locale")
        while try localeCounts.step() {
            if let locale = localeCounts.string(at: 0) { counts[locale] = Int(localeCounts.int64(at: 1)) }
        }
        locales = counts
        generation += 1
        vocabulary = Vocabulary(
            documentCount: counts.values.reduce(0, +), documentFrequency: frequencies,
            headingFrequency: headingFrequencies, surfaceWords: surfaceWords)
    }

    /// The files that could not be loaded, as recorded by the last update.
    public func issues() throws -> [KnowledgeIssue] {
        let statement = try database.prepare("SELECT path, line, message FROM knowledge_issues ORDER BY path")
        var issues: [KnowledgeIssue] = []
        while try statement.step() {
            issues.append(KnowledgeIssue(
                path: statement.string(at: 0) ?? "", line: Int(statement.int64(at: 1)), message: statement.string(at: 2) ?? ""))
        }
        return issues
    }
}
