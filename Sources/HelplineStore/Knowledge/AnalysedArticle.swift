import HelplineCore

/// An article with its fields analysed as the index stores them, made before the write
/// transaction that stores it.
struct AnalysedArticle {
    var article: Article
    /// The body's sentences, one a line, and each one's terms, for snippets.
    var sentences: String
    var sentenceTerms: String
    var title: String
    /// The file's own aliases; learned ones are added when the article is stored.
    var aliases: [String]
    var tags: String
    var body: String
    /// Words as the article spells them, with their terms, for typo correction; first use of a word wins.
    var surfaces: [(word: String, term: String)]
}

/// Analyses text into the index's space-separated terms and collects the surface words met.
struct AnalysedFields {
    let analyzer: Analyzer
    let language: Language?
    private(set) var surfaces: [(word: String, term: String)] = []
    private var seen: Set<String> = []

    init(analyzer: Analyzer, language: Language?) {
        self.analyzer = analyzer
        self.language = language
    }

    mutating func analyse(_ text: String) -> String {
        let terms = analyzer.analyze(text, language: language)
        for term in terms {
            if let surface = term.surface, seen.insert(surface).inserted { surfaces.append((surface, term.term)) }
        }
        return terms.map(\.term).joined(separator: " ")
    }
}

extension KnowledgeIndex {
    /// Analyses an article's fields and sentences; touches no table, so it runs before the write transaction.
    func analyse(_ article: Article) -> AnalysedArticle {
        let language = Language(locale: article.locale)
        // Sentences are single lines already; flatten any stray line break inside one.
        let sentences = Snippet.sentences(of: article.body, analyzer: analyzer, language: language).filter { !$0.text.isEmpty }
        var fields = AnalysedFields(analyzer: analyzer, language: language)
        let title = fields.analyse(article.title)
        let aliases = article.aliases.map { fields.analyse($0) }
        let tags = fields.analyse(article.tags.joined(separator: " , "))
        let body = fields.analyse(MarkdownText.plainText(of: article.body))
        return AnalysedArticle(
            article: article, sentences: sentences.map(\.text).joined(separator: "\n"),
            sentenceTerms: sentences.map { $0.terms.joined(separator: " ") }.joined(separator: "\n"), title: title,
            aliases: aliases, tags: tags, body: body, surfaces: fields.surfaces)
    }
}
