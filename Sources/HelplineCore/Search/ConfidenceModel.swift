/// Scores how well an article answers a question, and how likely the best article is right.
///
/// Raw bm25 grows with the number and rarity of matched terms, so no fixed threshold on it
/// works across questions. Articles are instead ranked by ``Evidence/score``, a blend of two
/// shares that each lie in [0, 1] whatever the question's length or the help center's size:
/// - *question coverage*: the weighted share of the question's terms the article contains,
///   counting a term found only in the body for less than one in the title or an alias, and an
///   unknown word the article has only a stand-in for (``QueryTerm/related``) for less still;
/// - *heading coverage*: the weighted share of the article's title (or best alias) that the
///   question contains, which tells a question *about* the article from one that merely
///   mentions its words.
/// Weights are inverse document frequencies, so rare words count most on both sides. The best
/// article's score is the confidence, and ``decide(_:)`` turns it into the decision.
public struct ConfidenceModel: Sendable, Equatable {
    /// How much a question term counts when found in each field, relative to the title.
    public var aliasMatch = 1.0
    public var tagMatch = 0.8
    public var bodyMatch = 0.6
    /// The share of the ranking score that comes from question coverage; the rest is heading coverage.
    public var coverageShare = 0.7
    /// How many of a question's terms an answering article is expected to contain at most: a
    /// long, chatty question carries context an article need not match.
    public var expectedTerms = 5
    /// The least weight a question's terms are measured against, as a share of the weight of a
    /// word only one article uses: a question of one everyday word ("how is it going?",
    /// "hvordan går det?") says too little to be fully covered by an article that happens to
    /// use that word.
    public var minimumQuestionShare = 0.4
    /// Added to a heading's weight when measuring how much of it a question covers, so a
    /// one-word title is not fully covered by any question that happens to use that word.
    public var headingPrior = 1.0
    /// How much an unknown question word counts when the article has only a term standing in
    /// for it (a synonym or a compound's part, ``QueryTerm/related``), relative to the word itself.
    public var relatedMatch = 0.5
    /// How much more a word the help center has never seen counts than its inverse document
    /// frequency says: "reset my Gmail password" is about Gmail, not about resetting.
    public var unknownTermFactor = 1.5
    /// The confidence an answer needs; below it the question has no match.
    public var answerThreshold = 0.55
    /// When the runner-up's score is this close to the best, both are offered instead of one answer.
    public var clarifyMargin = 0.05

    public init() {}

    /// How well `candidate` matches the question made of `query`.
    ///
    /// - Parameters:
    ///   - weight: the weight of any term of the candidate's headings (its inverse document
    ///     frequency), for heading coverage.
    ///   - rareTermWeight: the weight of a term only one article uses (``Vocabulary/rareTermWeight``),
    ///     for ``minimumQuestionShare``; 0 measures every question against itself alone.
    public func evidence(
        query: [QueryTerm], candidate: CandidateFields, weight: (String) -> Double, rareTermWeight: Double
    ) -> Evidence {
        let weights = query.map { $0.isKnown ? $0.weight : $0.weight * unknownTermFactor }
        let asked = weights.sorted(by: >).prefix(expectedTerms).reduce(0, +)
        guard asked > 0 else { return Evidence(questionCoverage: 0, headingCoverage: 0, score: 0) }
        let total = max(asked, minimumQuestionShare * rareTermWeight)
        var matched = 0.0
        var queryTerms: Set<String> = []
        var relatedTerms: Set<String> = []
        for (term, termWeight) in zip(query, weights) {
            queryTerms.insert(term.term)
            relatedTerms.formUnion(term.related)
            let standIn = term.related.lazy.map { fieldMatch($0, in: candidate) }.max() ?? 0
            matched += termWeight * max(fieldMatch(term.term, in: candidate), relatedMatch * standIn)
        }
        let questionCoverage = min(1, matched / total)
        let headings = [candidate.title] + candidate.aliases
        let headingCoverage = headings.map { heading -> Double in
            let headingTotal = heading.reduce(headingPrior) { $0 + weight($1) }
            guard headingTotal > 0 else { return 0 }
            let covered = heading.reduce(0.0) { sum, term in
                sum + (queryTerms.contains(term) ? 1 : relatedTerms.contains(term) ? relatedMatch : 0) * weight(term)
            }
            return covered / headingTotal
        }.max() ?? 0
        return Evidence(
            questionCoverage: questionCoverage, headingCoverage: headingCoverage,
            score: coverageShare * questionCoverage + (1 - coverageShare) * headingCoverage,
            isHeading: headings.contains { !$0.isEmpty && $0 == queryTerms })
    }

    /// How much finding `term` in this candidate counts: 1 in the title, less elsewhere, 0 if absent.
    private func fieldMatch(_ term: String, in candidate: CandidateFields) -> Double {
        if candidate.title.contains(term) { return 1 }
        if candidate.aliases.contains(where: { $0.contains(term) }) { return aliasMatch }
        if candidate.tags.contains(term) { return tagMatch }
        return candidate.bodyMatches.contains(term) ? bodyMatch : 0
    }
}

/// How well an article matches a question.
public struct Evidence: Sendable, Equatable {
    /// The weighted share of the question's terms found in the article.
    public var questionCoverage: Double
    /// The weighted share of the article's title (or best alias) found in the question.
    public var headingCoverage: Double
    /// The two shares blended, for ranking articles against each other.
    public var score: Double
    /// Whether the question's terms are exactly those of the article's title or of one alias:
    /// the question names the article ("record a meeting" for "Record a meeting").
    public var isHeading: Bool

    public init(questionCoverage: Double, headingCoverage: Double, score: Double, isHeading: Bool = false) {
        self.questionCoverage = questionCoverage
        self.headingCoverage = headingCoverage
        self.score = score
        self.isHeading = isHeading
    }
}

/// What the search makes of a question.
public enum SearchDecision: String, Sendable, Equatable, Encodable {
    /// One article answers it.
    case answer
    /// Two articles are about as likely: ask which one is meant.
    case clarify
    /// No article answers it well enough.
    case noMatch = "no_match"
}
