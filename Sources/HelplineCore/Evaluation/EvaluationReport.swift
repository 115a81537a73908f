/// Answer-quality figures over a set of ``EvaluationCase``s, overall, by locale and by kind.
///
/// For answerable cases, *right* means an answer with an expected article, or a clarification
/// that offers one; *wrong* means an answer or clarification without one; the rest got no match.
/// For unanswerable cases, *rejected* means no match, as it should be.
public struct EvaluationReport: Sendable, Equatable, Encodable {
    /// The figures for one group of cases.
    public struct Tally: Sendable, Equatable, Encodable {
        public var answerable = 0
        public var right = 0
        public var wrong = 0
        public var missed = 0
        public var clarified = 0
        /// Answerable cases whose best-ranked article is an expected one, whatever the decision:
        /// how good the ranking is, apart from the confidence threshold.
        public var rankedFirst = 0
        public var unanswerable = 0
        public var rejected = 0

        /// Share of answerable cases answered right.
        public var answeredRight: Double { share(right, of: answerable) }
        /// Share of answerable cases answered with a wrong article.
        public var answeredWrong: Double { share(wrong, of: answerable) }
        /// Share of unanswerable cases that got no match.
        public var noMatchRate: Double { share(rejected, of: unanswerable) }

        private func share(_ part: Int, of whole: Int) -> Double { whole == 0 ? 1 : Double(part) / Double(whole) }

        enum CodingKeys: String, CodingKey {
            case answerable, right, wrong, missed, clarified, rankedFirst, unanswerable, rejected
            case answeredRight, answeredWrong, noMatchRate
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(answerable, forKey: .answerable)
            try container.encode(right, forKey: .right)
            try container.encode(wrong, forKey: .wrong)
            try container.encode(missed, forKey: .missed)
            try container.encode(clarified, forKey: .clarified)
            try container.encode(rankedFirst, forKey: .rankedFirst)
            try container.encode(unanswerable, forKey: .unanswerable)
            try container.encode(rejected, forKey: .rejected)
            try container.encode(answeredRight, forKey: .answeredRight)
            try container.encode(answeredWrong, forKey: .answeredWrong)
            try container.encode(noMatchRate, forKey: .noMatchRate)
        }
    }

    /// A case the search got wrong, for the report's list of failures.
    public struct Failure: Sendable, Equatable, Encodable {
        public var question: String
        public var locale: String
        public var expected: [String]
        public var decision: SearchDecision
        public var got: [String]
        public var confidence: Double
    }

    public var overall = Tally()
    public var byLocale: [String: Tally] = [:]
    public var byKind: [String: Tally] = [:]
    public var failures: [Failure] = []

    public init() {}

    /// Adds one case and what the search made of it.
    public mutating func record(_ testCase: EvaluationCase, result: SearchResult) {
        let offered = result.decision == .noMatch ? [] : result.matches.map(\.id)
        var outcome = Tally()
        if testCase.isAnswerable {
            outcome.answerable = 1
            if result.decision == .clarify { outcome.clarified = 1 }
            if let best = result.matches.first, testCase.expected.contains(best.id) { outcome.rankedFirst = 1 }
            if offered.isEmpty {
                outcome.missed = 1
            } else if offered.contains(where: testCase.expected.contains) {
                outcome.right = 1
            } else {
                outcome.wrong = 1
            }
        } else {
            outcome.unanswerable = 1
            if offered.isEmpty { outcome.rejected = 1 }
        }
        let locale = testCase.locale ?? result.locale
        overall.add(outcome)
        byLocale[locale, default: Tally()].add(outcome)
        if let kind = testCase.kind { byKind[kind, default: Tally()].add(outcome) }
        if outcome.right == 0 && outcome.rejected == 0 {
            failures.append(Failure(
                question: testCase.question, locale: locale, expected: testCase.expected, decision: result.decision,
                got: offered, confidence: ReplyComposer.rounded(result.confidence)))
        }
    }

    /// The largest difference in answered-right share between two locales.
    public var localeGap: Double {
        let shares = byLocale.values.filter { $0.answerable > 0 }.map(\.answeredRight)
        guard let high = shares.max(), let low = shares.min() else { return 0 }
        return high - low
    }
}

extension EvaluationReport.Tally {
    mutating func add(_ other: Self) {
        answerable += other.answerable
        right += other.right
        wrong += other.wrong
        missed += other.missed
        clarified += other.clarified
        rankedFirst += other.rankedFirst
        unanswerable += other.unanswerable
        rejected += other.rejected
    }
}
