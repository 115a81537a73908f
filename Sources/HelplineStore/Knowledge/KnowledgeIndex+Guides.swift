import HelplineCore

extension KnowledgeIndex {
    /// The QuickStart guide closest to a question, for self-service: even a guide far below the
    /// answer threshold is a better start than the help center's front page.
    ///
    /// Runs only when a question is escalated, so the join with `articles` costs nothing per answer.
    public func closestGuide(to question: String, locale: String) throws -> SearchMatch? {
        let language = Language(locale: locale)
        let terms = vocabulary.queryTerms(for: analyzer.analyze(question, language: language), frequencies: .shipped(for: language))
            .filter(\.isKnown)
        guard !terms.isEmpty else { return nil }
        let slot = try database.cachedStatement("SELECT slot FROM locales WHERE locale = ?")
        try slot.bind([locale])
        guard let slotNumber = try slot.firstRow({ $0.int64(at: 0) }) else { return nil }
        let rows = KnowledgeSchema.rowRange(slot: slotNumber)
        let statement = try database.cachedStatement("""
            SELECT a.article_id, a.title, a.section, a.url, a.short_answer FROM article_terms
            JOIN articles a ON a.row = article_terms.rowid
            WHERE article_terms MATCH ? AND article_terms.rowid BETWEEN ? AND ? AND a.kind = 'quickstart'
            ORDER BY bm25(article_terms, \(Self.fieldWeights)) LIMIT 1
            """)
        try statement.bind([Self.matchExpression(for: RetrievalTerms(terms: terms, headingsOnly: false)), rows.lowerBound, rows.upperBound])
        return try statement.firstRow { row in
            SearchMatch(
                id: row.string(at: 0) ?? "", title: row.string(at: 1) ?? "", section: row.string(at: 2) ?? "",
                kind: .quickstart, url: row.string(at: 3), shortAnswer: row.string(at: 4) ?? "", snippet: "", confidence: 0)
        }
    }

    /// The help center's article on the service's status, for the self-service an outage report
    /// gets: its answer to ``OutageReport/statusQuestion(in:)``, or nil when it has none.
    public func statusArticle(locale: String) throws -> SearchMatch? {
        let result = try search(OutageReport.statusQuestion(in: Language(locale: locale) ?? .english), locale: locale)
        return result.decision == .noMatch ? nil : result.matches.first
    }
}
