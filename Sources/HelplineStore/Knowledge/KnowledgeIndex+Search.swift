import Foundation
import HelplineCore

extension KnowledgeIndex {
    /// How many articles FTS5 hands over for scoring; the confidence model re-ranks them.
    static let candidateLimit = 25

    /// FTS5 bm25 weights for title, aliases, tags, body and locale, used to pick the candidates.
    static let fieldWeights = "10.0, 8.0, 4.0, 1.0, 0.0"

    /// Answers a question from the index.
    ///
    /// - Parameter locale: a locale hint (`da`, `en-GB`); without one, the language is detected.
    ///   A locale without articles falls back to the locale with the most.
    /// - Returns: the decision, with up to ``SearchResult/matches`` two articles.
    public func search(_ question: String, locale: String? = nil) throws -> SearchResult {
        let language = locale.flatMap(Language.init(locale:)) ?? (locale == nil ? Language.detect(question) : nil)
        let searchLocale = chooseLocale(hint: locale, language: language)
        let terms = vocabulary.queryTerms(for: analyzer.terms(question, language: language))
        let known = terms.filter(\.isKnown)
        guard !known.isEmpty else {
            return SearchResult(decision: .noMatch, confidence: 0, locale: searchLocale, terms: terms, matches: [])
        }
        let candidates = try fetchCandidates(matching: known, locale: searchLocale)
        let scored = candidates.map { candidate in
            (candidate, confidenceModel.confidence(query: terms, candidate: candidate, weight: vocabulary.weight(of:)))
        }
        // A stable sort keeps bm25's order among equal confidences.
        let ranked = scored.enumerated().sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }.map(\.element)
        let decision = confidenceModel.decide(ranked.map(\.1))
        let shown = ranked.prefix(decision == .answer ? 1 : 2)
        let matches = try shown.map { candidate, confidence in
            try match(row: candidate.row, confidence: confidence, terms: known, language: language)
        }
        return SearchResult(
            decision: decision, confidence: ranked.first?.1 ?? 0, locale: searchLocale, terms: terms, matches: matches)
    }

    private func chooseLocale(hint: String?, language: Language?) -> String {
        let wanted = language?.locale ?? hint?.lowercased() ?? Language.english.locale
        if locales[wanted] != nil { return wanted }
        if locales[Language.english.locale] != nil { return Language.english.locale }
        return locales.max { $0.value < $1.value }?.key ?? wanted
    }

    /// The FTS5 query for `terms`: each term quoted, joined with OR.
    ///
    /// Terms come from the analyzer, never from the question's raw text; quoting (with any `"`
    /// doubled) keeps words such as `NEAR`, `AND` or `title` from being read as FTS5 syntax.
    static func matchExpression(for terms: [QueryTerm]) -> String {
        terms.map { "\"" + $0.term.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " OR ")
    }

    private func fetchCandidates(matching terms: [QueryTerm], locale: String) throws -> [CandidateFields] {
        let statement = try database.cachedStatement("""
            SELECT rowid, title, aliases, tags, body FROM article_terms
            WHERE article_terms MATCH ? AND locale = ?
            ORDER BY bm25(article_terms, \(Self.fieldWeights)) LIMIT \(Self.candidateLimit)
            """)
        try statement.bind([Self.matchExpression(for: terms), locale])
        var candidates: [CandidateFields] = []
        func termSet(_ column: Int32) -> Set<String> {
            Set((statement.string(at: column) ?? "").split(separator: " ").map(String.init))
        }
        while try statement.step() {
            let aliases = (statement.string(at: 2) ?? "").split(separator: "\n")
                .map { Set($0.split(separator: " ").map(String.init)) }
            candidates.append(CandidateFields(
                row: statement.int64(at: 0), title: termSet(1), aliases: aliases, tags: termSet(3), body: termSet(4)))
        }
        return candidates
    }

    private func match(row: Int64, confidence: Double, terms: [QueryTerm], language: Language?) throws -> SearchMatch {
        let statement = try database.cachedStatement(
            "SELECT article_id, title, section, kind, url, short_answer, body FROM articles WHERE row = ?")
        try statement.bind([row])
        guard try statement.step() else {
            throw SQLiteError(code: 0, message: "article row \(row) is in the search index but not in articles")
        }
        let body = statement.string(at: 6) ?? ""
        return SearchMatch(
            id: statement.string(at: 0) ?? "",
            title: statement.string(at: 1) ?? "",
            section: statement.string(at: 2) ?? "",
            kind: Article.Kind(rawValue: statement.string(at: 3) ?? "") ?? .topic,
            url: statement.string(at: 4),
            shortAnswer: statement.string(at: 5) ?? "",
            snippet: Snippet.best(in: body, terms: terms, analyzer: analyzer, language: language),
            confidence: confidence)
    }
}
