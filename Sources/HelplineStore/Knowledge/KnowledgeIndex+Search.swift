import Foundation
import HelplineCore

extension KnowledgeIndex {
    /// How many articles FTS5 hands over for scoring; the confidence model re-ranks them.
    static let candidateLimit = 10

    /// FTS5 bm25 weights for title, aliases, tags and body, used to pick the candidates.
    static let fieldWeights = "10.0, 8.0, 4.0, 1.0"

    /// Answers a question from the index.
    ///
    /// - Parameter locale: a locale hint (`da`, `en-GB`); without one, the language is detected.
    ///   A locale without articles falls back to the locale with the most.
    /// - Returns: the decision, with up to ``SearchResult/matches`` two articles.
    public func search(_ question: String, locale: String? = nil) throws -> SearchResult {
        let language = locale.flatMap(Language.init(locale:)) ?? (locale == nil ? Language.detect(question) : nil)
        let searchLocale = chooseLocale(hint: locale, language: language)
        let questionLanguage = language ?? Language(locale: searchLocale)
        let terms = vocabulary.queryTerms(
            for: analyzer.analyze(question, language: language), frequencies: .shipped(for: questionLanguage),
            related: { [vocabulary, analyzer, wordRelations] surface in
                // A question analysed without a language (no stemmer for its locale) has no stand-ins.
                guard let language else { return [] }
                return wordRelations.terms(standingInFor: surface, language: language, analyzer: analyzer) {
                    vocabulary.documentFrequency(of: $0) > 0
                }
            })
        // Stand-ins are searched for, and picked for snippets, like the question's own known
        // terms; the confidence counts them at `relatedMatch` through `terms`.
        var searched = terms.filter(\.isKnown)
        for standIn in Set(terms.flatMap(\.related)).sorted() {
            searched.append(QueryTerm(term: standIn, weight: vocabulary.weight(of: standIn), isKnown: true))
        }
        guard !searched.isEmpty else {
            return SearchResult(decision: .noMatch, confidence: 0, locale: searchLocale, terms: terms, matches: [])
        }
        let retrieval = Self.retrieval(for: searched, vocabulary: vocabulary)
        let candidates = retrieval.terms.isEmpty
            ? [] : try fetchCandidates(matching: retrieval, scoring: searched, locale: searchLocale)
        let rareTermWeight = vocabulary.rareTermWeight
        let scored = candidates.map { candidate in
            (candidate, confidenceModel.evidence(
                query: terms, candidate: candidate, weight: vocabulary.weight(of:), rareTermWeight: rareTermWeight))
        }
        // A stable sort keeps bm25's order among equal scores.
        let ranked = scored.enumerated()
            .sorted { ($0.element.1.score, -$0.offset) > ($1.element.1.score, -$1.offset) }.map(\.element)
        let (decision, confidence) = confidenceModel.decide(ranked.map(\.1))
        let shown = ranked.prefix(decision == .answer ? 1 : 2)
        let matches = try shown.map { candidate, evidence in
            try match(row: candidate.row, confidence: evidence.score, terms: searched)
        }
        return SearchResult(decision: decision, confidence: confidence, locale: searchLocale, terms: terms, matches: matches)
    }

    private func chooseLocale(hint: String?, language: Language?) -> String {
        let wanted = language?.locale ?? hint?.lowercased() ?? Language.english.locale
        if locales[wanted] != nil { return wanted }
        if locales[Language.english.locale] != nil { return Language.english.locale }
        return locales.max { $0.value < $1.value }?.key ?? wanted
    }

    /// How many postings (article × term) FTS5 may rank for one question.
    ///
    /// bm25 costs about a microsecond per matching article and term, and a term found in a
    /// large share of a big help center says little about which article is meant. Help
    /// centers under this many articles never reach it.
    static let postingBudget = 400

    /// The terms to search for and where, so that FTS5 ranks at most ``postingBudget`` postings.
    ///
    /// The rarest terms are searched in whole articles while their document frequencies fit
    /// the budget. When even the rarest is too common, the search narrows to titles, aliases and
    /// tags, where the same words are far rarer and matches mean the most; when even those are
    /// too common, nothing tells the articles apart. Terms left out still count in scoring.
    static func retrieval(for terms: [QueryTerm], vocabulary: Vocabulary) -> RetrievalTerms {
        if let chosen = withinBudget(terms, frequency: vocabulary.documentFrequency(of:)) {
            return RetrievalTerms(terms: chosen, headingsOnly: false)
        }
        if let chosen = withinBudget(terms, frequency: vocabulary.headingFrequency(of:)) {
            return RetrievalTerms(terms: chosen, headingsOnly: true)
        }
        return RetrievalTerms(terms: [], headingsOnly: false)
    }

    /// The rarest terms whose frequencies add up to at most the budget; nil when the rarest alone exceeds it.
    private static func withinBudget(_ terms: [QueryTerm], frequency: (String) -> Int) -> [QueryTerm]? {
        let present = terms.map { ($0, frequency($0.term)) }.filter { $0.1 > 0 }.sorted { $0.1 < $1.1 }
        var spent = 0
        var chosen: [QueryTerm] = []
        for (term, count) in present {
            guard spent + count <= postingBudget else { break }
            spent += count
            chosen.append(term)
        }
        return chosen.isEmpty ? nil : chosen
    }

    /// The FTS5 query for `retrieval`: each term quoted, joined with OR, limited to the heading
    /// columns when the retrieval says so.
    ///
    /// Terms come from the analyzer, never from the question's raw text; quoting (with any `"`
    /// doubled) keeps words such as `NEAR`, `AND` or `title` from being read as FTS5 syntax.
    static func matchExpression(for retrieval: RetrievalTerms) -> String {
        let terms = retrieval.terms.map { "\"" + $0.term.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            .joined(separator: " OR ")
        return retrieval.headingsOnly && !terms.isEmpty ? "{title aliases tags} : (\(terms))" : terms
    }

    private func fetchCandidates(matching retrieval: RetrievalTerms, scoring allTerms: [QueryTerm], locale: String) throws -> [CandidateFields] {
        let slot = try database.cachedStatement("SELECT slot FROM locales WHERE locale = ?")
        try slot.bind([locale])
        guard let slotNumber = try slot.firstRow({ $0.int64(at: 0) }) else { return [] }
        let rows = KnowledgeSchema.rowRange(slot: slotNumber)
        // Rank first, then read the few winners' fields: selecting the fields in the ranking
        // query would make SQLite's sorter carry every match's text.
        let ranking = try database.cachedStatement("""
            SELECT rowid FROM article_terms WHERE article_terms MATCH ? AND rowid BETWEEN ? AND ?
            ORDER BY bm25(article_terms, \(Self.fieldWeights)) LIMIT \(Self.candidateLimit)
            """)
        try ranking.bind([Self.matchExpression(for: retrieval), rows.lowerBound, rows.upperBound])
        var ranked: [Int64] = []
        while try ranking.step() { ranked.append(ranking.int64(at: 0)) }

        let fields = try database.cachedStatement("SELECT title, aliases, tags, body FROM article_terms WHERE rowid = ?")
        return try ranked.compactMap { row in
            fields.reset()
            try fields.bind([row])
            return try fields.firstRow { fields in
                func termSet(_ column: Int32) -> Set<String> { Set(Self.terms(in: fields.string(at: column) ?? "")) }
                let aliases = (fields.string(at: 1) ?? "").split(separator: "\n").map { Set(Self.terms(in: String($0))) }
                // Bodies are long: search the body's bytes for the question's few terms instead of
                // splitting the whole body into strings.
                var body = fields.string(at: 3) ?? ""
                let bodyMatches = body.withUTF8 { body in Set(allTerms.map(\.term).filter { Self.contains(body, word: $0) }) }
                return CandidateFields(row: row, title: termSet(0), aliases: aliases, tags: termSet(2), bodyMatches: bodyMatches)
            }
        }
    }

    private func match(row: Int64, confidence: Double, terms: [QueryTerm]) throws -> SearchMatch {
        let statement = try database.cachedStatement(
            "SELECT article_id, title, section, kind, url, short_answer, sentences, sentence_terms FROM articles WHERE row = ?")
        try statement.bind([row])
        let match = try statement.firstRow { row in
            SearchMatch(
                id: row.string(at: 0) ?? "",
                title: row.string(at: 1) ?? "",
                section: row.string(at: 2) ?? "",
                kind: Article.Kind(rawValue: row.string(at: 3) ?? "") ?? .topic,
                url: row.string(at: 4),
                shortAnswer: row.string(at: 5) ?? "",
                snippet: Snippet.best(sentences: row.string(at: 6) ?? "", sentenceTerms: row.string(at: 7) ?? "", terms: terms),
                confidence: confidence)
        }
        guard let match else {
            throw SQLiteError(code: 0, message: "article row \(row) is in the search index but not in articles")
        }
        return match
    }
}

extension KnowledgeIndex {
    /// The space-separated terms of an analysed field, split on bytes (no grapheme breaking).
    static func terms(in field: String) -> [String] {
        field.utf8.split(separator: UInt8(ascii: " ")).map { String(Substring($0)) }
    }

    /// Whether `word` occurs in `text` as a whole word: at the start or after a space, and at
    /// the end or before one. libc's `memchr` (vectorised) finds each candidate start.
    static func contains(_ text: UnsafeBufferPointer<UInt8>, word: String) -> Bool {
        var word = word
        return word.withUTF8 { needle in
            guard let base = text.baseAddress, let needleBase = needle.baseAddress, !needle.isEmpty else { return false }
            var offset = 0
            while offset + needle.count <= text.count {
                guard let hit = memchr(base + offset, Int32(needle[0]), text.count - offset - needle.count + 1) else {
                    return false
                }
                let start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                let end = start + needle.count
                if (start == 0 || text[start - 1] == UInt8(ascii: " ")) && (end == text.count || text[end] == UInt8(ascii: " ")),
                   memcmp(base + start, needleBase, needle.count) == 0 {
                    return true
                }
                offset = start + 1
            }
            return false
        }
    }
}

/// The question terms an FTS5 query searches for, and where.
struct RetrievalTerms: Equatable {
    var terms: [QueryTerm]
    /// Search titles, aliases and tags only.
    var headingsOnly: Bool
}
