/// Scores how well an article answers a question, as a confidence in [0, 1] that means the same
/// whatever the question's length or the help center's size, and turns scores into a decision.
///
/// Raw bm25 grows with the number and rarity of matched terms, so no fixed threshold on it
/// works across questions. The confidence instead combines two shares, each in [0, 1]:
/// - *question coverage*: the weighted share of the question's terms the article contains,
///   counting a term found only in the body for less than one in the title or an alias;
/// - *heading coverage*: the weighted share of the article's title (or best alias) that the
///   question contains, which tells a question *about* the article from one that merely
///   mentions its words.
/// Weights are inverse document frequencies, so rare words count most on both sides.
public struct ConfidenceModel: Sendable, Equatable {
    /// How much a question term counts when found in each field, relative to the title.
    public var aliasMatch = 1.0
    public var tagMatch = 0.8
    public var bodyMatch = 0.6
    /// The share of the confidence that comes from question coverage; the rest is heading coverage.
    public var coverageShare = 0.7
    /// How many of a question's terms an answering article is expected to contain at most.
    public var expectedTerms = 5
    /// The confidence an answer needs; below it the question has no match.
    public var answerThreshold = 0.55
    /// When the runner-up is this close to the best, both are offered instead of one answer.
    public var clarifyMargin = 0.05

    public init() {}

    /// The confidence that `candidate` answers the question made of `query`.
    ///
    /// - Parameter weight: the weight of any term of the candidate's headings (its inverse
    ///   document frequency), for heading coverage.
    public func confidence(query: [QueryTerm], candidate: CandidateFields, weight: (String) -> Double) -> Double {
        // A long, chatty question carries context an article need not match: coverage is measured
        // against the weight of its `expectedTerms` heaviest terms at most.
        let total = query.map(\.weight).sorted(by: >).prefix(expectedTerms).reduce(0, +)
        guard total > 0 else { return 0 }
        var matched = 0.0
        var queryTerms: Set<String> = []
        for term in query {
            queryTerms.insert(term.term)
            matched += term.weight * fieldMatch(term.term, in: candidate)
        }
        let questionCoverage = min(1, matched / total)
        let headings = [candidate.title] + candidate.aliases
        let headingCoverage = headings.map { heading -> Double in
            let headingTotal = heading.reduce(0) { $0 + weight($1) }
            guard headingTotal > 0 else { return 0 }
            return heading.intersection(queryTerms).reduce(0) { $0 + weight($1) } / headingTotal
        }.max() ?? 0
        return coverageShare * questionCoverage + (1 - coverageShare) * headingCoverage
    }

    /// How much finding `term` in this candidate counts: 1 in the title, less elsewhere, 0 if absent.
    private func fieldMatch(_ term: String, in candidate: CandidateFields) -> Double {
        if candidate.title.contains(term) { return 1 }
        if candidate.aliases.contains(where: { $0.contains(term) }) { return aliasMatch }
        if candidate.tags.contains(term) { return tagMatch }
        return candidate.bodyMatches.contains(term) ? bodyMatch : 0
    }

    /// What to reply, given the candidates' confidences from best to worst.
    public func decide(_ confidences: [Double]) -> SearchDecision {
        guard let best = confidences.first, best >= answerThreshold else { return .noMatch }
        if confidences.count > 1, best - confidences[1] < clarifyMargin { return .clarify }
        return .answer
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
