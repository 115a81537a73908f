/// One term of a question as the search uses it: the index term and how much it counts.
public struct QueryTerm: Sendable, Equatable {
    /// The term looked up in the index (after any correction).
    public var term: String
    /// The term as the question had it, when a typo correction replaced it.
    public var original: String?
    /// The term's share of the question's meaning: its inverse document frequency, discounted
    /// for corrections, which may be wrong.
    public var weight: Double
    /// Whether the index knows the term; unknown terms still weigh on confidence.
    public var isKnown: Bool
    /// For an unknown term, known terms that may stand in for it (``WordRelations``).
    public var related: [String]

    public init(term: String, original: String? = nil, weight: Double, isKnown: Bool, related: [String] = []) {
        self.term = term
        self.original = original
        self.weight = weight
        self.isKnown = isKnown
        self.related = related
    }
}

extension Vocabulary {
    /// At most this many distinct terms of a question are searched: a pasted page stays cheap.
    public static let maximumQueryTerms = 32

    /// Weighs a question's terms and corrects the ones the index has never seen.
    ///
    /// Repeats are dropped; when there are more than ``maximumQueryTerms`` distinct terms, the
    /// rarest (most telling) are kept.
    public func queryTerms(for terms: [String]) -> [QueryTerm] {
        queryTerms(for: terms.map { AnalyzedTerm(term: $0, surface: nil) })
    }

    /// Weighs a question's analysed terms, correcting unknown ones by their spelling in the question.
    ///
    /// - Parameters:
    ///   - frequencies: how common each word is in the question's language; everyday words
    ///     weigh less and are never taken for typos (see ``CommonWordWeighting``).
    ///   - related: the known terms that may stand in for an unknown, uncorrected word, given
    ///     its spelling in the question (see ``WordRelations``).
    public func queryTerms(
        for terms: [AnalyzedTerm], frequencies: WordFrequencies = WordFrequencies(),
        weighting: CommonWordWeighting = CommonWordWeighting(), related: (String) -> [String] = { _ in [] }
    ) -> [QueryTerm] {
        var seen: Set<String> = []
        var query: [QueryTerm] = []
        var unseenSurfaces: [String: String] = [:]
        for analysed in terms where seen.insert(analysed.term).inserted {
            let term = analysed.term
            let zipf = analysed.surface.flatMap(frequencies.zipf(of:))
            if documentFrequency(of: term) > 0 {
                query.append(QueryTerm(term: term, weight: weight(of: term) * weighting.knownShare(zipf: zipf), isKnown: true))
            } else if !weighting.isRealWord(zipf: zipf), let corrected = correction(for: term, surface: analysed.surface) {
                // A typo of a word the question already has adds nothing ("reset pasword password").
                guard seen.insert(corrected).inserted else { continue }
                query.append(QueryTerm(term: corrected, original: term, weight: weight(of: corrected) * 0.8, isKnown: true))
            } else {
                query.append(QueryTerm(term: term, weight: weight(of: term) * weighting.unseenShare(zipf: zipf), isKnown: false))
                unseenSurfaces[term] = analysed.surface
            }
        }
        if query.count > Self.maximumQueryTerms {
            query = Array(query.sorted { $0.weight > $1.weight }.prefix(Self.maximumQueryTerms))
        }
        // Stand-ins only for the terms kept, and none the question uses itself: that word would count twice.
        let questionTerms = Set(query.map(\.term))
        for position in query.indices where !query[position].isKnown {
            guard let surface = unseenSurfaces[query[position].term] else { continue }
            query[position].related = Array(related(surface).lazy.filter { !questionTerms.contains($0) }.prefix(Self.maximumStandIns))
        }
        return query
    }

    /// At most this many known terms stand in for one unknown word: its commonest senses.
    public static let maximumStandIns = 8
}
