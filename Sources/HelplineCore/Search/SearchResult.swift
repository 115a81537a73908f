/// What the search found for one question: the decision, and the articles behind it.
public struct SearchResult: Sendable, Equatable {
    public var decision: SearchDecision
    /// The best article's confidence in [0, 1]; 0 when nothing matched at all.
    public var confidence: Double
    /// The locale whose articles were searched.
    public var locale: String
    /// The question's terms as searched, with any typo corrections.
    public var terms: [QueryTerm]
    /// The best articles, best first: one for an answer, two for a clarification, and for no
    /// match the closest ones anyway (self-service may still offer them).
    public var matches: [SearchMatch]

    public init(decision: SearchDecision, confidence: Double, locale: String, terms: [QueryTerm], matches: [SearchMatch]) {
        self.decision = decision
        self.confidence = confidence
        self.locale = locale
        self.terms = terms
        self.matches = matches
    }
}

/// An article as a reply shows it.
public struct SearchMatch: Sendable, Equatable {
    public var id: String
    public var title: String
    public var section: String
    public var kind: Article.Kind
    public var url: String?
    /// The article's short answer (its first paragraph).
    public var shortAnswer: String
    /// The passage of the article that best matches the question.
    public var snippet: String
    public var confidence: Double

    public init(
        id: String, title: String, section: String, kind: Article.Kind, url: String?, shortAnswer: String,
        snippet: String, confidence: Double
    ) {
        self.id = id
        self.title = title
        self.section = section
        self.kind = kind
        self.url = url
        self.shortAnswer = shortAnswer
        self.snippet = snippet
        self.confidence = confidence
    }
}
