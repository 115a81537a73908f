import Foundation
@testable import HelplineCore
import Testing

/// The search's pure parts: edit distance, the vocabulary (weights, typo correction, query
/// terms), the confidence model and its decisions.
struct SearchModelTests {
    // MARK: - Edit distance

    @Test(arguments: [
        ("password", "password", 2, 0 as Int?),
        ("pasword", "password", 2, 1),
        ("passwrod", "password", 1, 1),
        ("ab", "ba", 1, 1),
        ("meetnig", "meeting", 1, 1),
        ("recrod", "record", 1, 1),
        ("kitten", "sitting", 3, 3),
        ("kitten", "sitting", 2, nil),
        ("", "abc", 3, 3),
        ("", "abc", 2, nil),
        ("abc", "", 3, 3),
        ("", "", 0, 0),
        ("abcdef", "ghijkl", 2, nil),
        ("a", "abcdefgh", 2, nil),
        ("subscirpton", "subscription", 2, 2),
    ])
    func boundedEditDistance(a: String, b: String, limit: Int, expected: Int?) {
        let got = EditDistance.bounded(Array(a.utf8), Array(b.utf8), limit: limit)
        #expect(got == expected, "\(a.debugDescription) / \(b.debugDescription), limit \(limit): got \(String(describing: got))")
        let reversed = EditDistance.bounded(Array(b.utf8), Array(a.utf8), limit: limit)
        #expect(reversed == got, "\(a.debugDescription) / \(b.debugDescription) is not symmetric")
    }

    // MARK: - Vocabulary

    static let vocabulary = Vocabulary(documentCount: 20, documentFrequency: [
        "password": 5, "record": 3, "mic": 2, "mac": 2, "share": 4, "shore": 1, "meeting": 8, "subscription": 2,
        "billing": 3, "poll": 2, "full": 1,
    ])

    @Test(arguments: [
        ("pasword", "password" as String?),
        ("passwrod", "password"),
        ("recrod", "record"),
        ("meetnig", "meeting"),
        ("sahre", "share"),
        ("subscripton", "subscription"),
        ("subscriptionns", "subscription"),
        ("subscriptoinn", "subscription"),
        ("mik", nil),
        // Three letters: only a left-out letter is put back; "mak" is neither "mic" nor "mac".
        ("pol", "poll"),
        ("ful", "full"),
        ("mak", nil),
        ("pl", nil),
        ("mc", nil),
        ("", nil),
        ("xylophone", nil),
        ("recordings", nil),
        ("pxsswxrx", nil),
        ("biling", "billing"),
        ("drilling", nil),
        ("qassword", nil),
    ])
    func correction(typo: String, expected: String?) {
        let got = Self.vocabulary.correction(for: typo)
        #expect(got == expected, "\(typo.debugDescription): expected \(String(describing: expected)), got \(String(describing: got))")
    }

    /// "shire" is one edit from both "share" and "shore": the more common term wins, whichever it is.
    @Test(arguments: [(4, 1, "share"), (1, 4, "shore"), (2, 2, "share")])
    func correctionTiesGoToTheMoreCommonTerm(share: Int, shore: Int, expected: String) {
        let vocabulary = Vocabulary(documentCount: 10, documentFrequency: ["share": share, "shore": shore])
        #expect(vocabulary.correction(for: "shire") == expected, "share \(share), shore \(shore)")
    }

    @Test func rarerTermsWeighMore() {
        let v = Self.vocabulary
        #expect(v.weight(of: "shore") > v.weight(of: "share"))
        #expect(v.weight(of: "share") > v.weight(of: "meeting"))
        #expect(v.weight(of: "unseen") > v.weight(of: "shore"))
        #expect(v.weight(of: "meeting") > 0)
        #expect(v.documentFrequency(of: "unseen") == 0)
    }

    /// A typo of a word the question already has used to count as a heavy unknown term.
    @Test func typoOfAWordAlreadyAskedIsDropped() {
        let query = Self.vocabulary.queryTerms(for: ["password", "pasword"])
        #expect(query.map(\.term) == ["password"])
    }

    /// Typos are corrected against the words articles use, not their stems: "chage" is one
    /// edit from "change" but two from its stem "chang".
    @Test func typosAreCorrectedAgainstSurfaceWords() {
        let vocabulary = Vocabulary(
            documentCount: 10, documentFrequency: ["chang": 3, "receipt": 2], surfaceWords: ["change": "chang", "receipts": "receipt"])
        #expect(vocabulary.correction(for: "chage", surface: "chage") == "chang")
        #expect(vocabulary.correction(for: "reciept", surface: "reciepts") == "receipt")
        #expect(vocabulary.correction(for: "chage") == nil, "without the spelling, the stem is two edits away")
    }

    @Test func queryTermsDropRepeatsAndCorrectTypos() {
        let query = Self.vocabulary.queryTerms(for: ["reset", "pasword", "record", "record", "reset"])
        #expect(query.map(\.term) == ["reset", "password", "record"])
        #expect(query.map(\.isKnown) == [false, true, true])
        #expect(query[1].original == "pasword")
        #expect(query[2].original == nil)
        #expect(query[1].weight < Self.vocabulary.weight(of: "password"), "a correction counts for less than the word")
        #expect(query[2].weight == Self.vocabulary.weight(of: "record"))
    }

    @Test func queryTermsKeepTheRarestWhenCapped() {
        let count = Vocabulary.maximumQueryTerms + 8
        let terms = (0..<count).map { "term\($0)" }
        let vocabulary = Vocabulary(
            documentCount: 1_000,
            documentFrequency: Dictionary(uniqueKeysWithValues: terms.enumerated().map { ($1, $0 + 1) }))
        let query = vocabulary.queryTerms(for: terms + terms)
        #expect(query.count == Vocabulary.maximumQueryTerms)
        #expect(Set(query.map(\.term)) == Set(terms.prefix(Vocabulary.maximumQueryTerms)), "the rarest terms stay")
    }

    @Test func queryTermsOfNothingAreNothing() {
        #expect(Self.vocabulary.queryTerms(for: [String]()).isEmpty)
        #expect(Vocabulary(documentCount: 0, documentFrequency: [:]).queryTerms(for: ["x"]).map(\.isKnown) == [false])
    }

    // MARK: - Confidence

    static let weights: [String: Double] = ["forgot": 2, "password": 1.5, "reset": 1, "meet": 0.5, "passcod": 2]
    static func weight(_ term: String) -> Double { weights[term] ?? 3 }
    /// A word the help center has never seen weighs more than its idf: it says the question is
    /// about something else ("reset my Gmail password").
    @Test func unknownWordsLowerTheScore() {
        let candidate = CandidateFields(row: 1, title: ["reset", "password"], aliases: [], tags: [], bodyMatches: [])
        let known = Self.query("reset", "password")
        let withUnknown = known + [QueryTerm(term: "gmail", weight: 3, isKnown: false)]
        let model = ConfidenceModel()
        #expect(model.evidence(query: withUnknown, candidate: candidate, weight: Self.weight, rareTermWeight: 0).score
            < model.evidence(query: known, candidate: candidate, weight: Self.weight, rareTermWeight: 0).score)
    }

    /// An unknown word matched through a stand-in counts ``ConfidenceModel/relatedMatch`` of
    /// itself, in question coverage and heading coverage alike.
    @Test func aStandInCountsItsShareOfTheWord() {
        var model = ConfidenceModel()
        model.unknownTermFactor = 1
        model.headingPrior = 0
        let candidate = CandidateFields(row: 1, title: ["mute"], aliases: [], tags: [], bodyMatches: [])
        let standIn = [QueryTerm(term: "silenc", weight: 3, isKnown: false, related: ["mute"])]
        let evidence = model.evidence(query: standIn, candidate: candidate, weight: Self.weight, rareTermWeight: 0)
        #expect(abs(evidence.questionCoverage - model.relatedMatch) < 1e-9)
        #expect(abs(evidence.headingCoverage - model.relatedMatch) < 1e-9)
        let without = model.evidence(query: [QueryTerm(term: "silenc", weight: 3, isKnown: false)], candidate: candidate, weight: Self.weight, rareTermWeight: 0)
        #expect(without.score == 0)
    }

    /// One everyday word that an article uses is not a question that article answers: it
    /// counts against ``ConfidenceModel/minimumQuestionShare`` of a rare word, not only against itself.
    @Test func aQuestionOfOneLightWordIsNotFullyCovered() {
        let model = ConfidenceModel()
        let rare = 5.0
        let candidate = CandidateFields(row: 1, title: ["test", "audio"], aliases: [["go", "audio"]], tags: [], bodyMatches: [])
        let light = model.evidence(
            query: [QueryTerm(term: "go", weight: 0.6, isKnown: true)], candidate: candidate, weight: Self.weight, rareTermWeight: rare)
        #expect(abs(light.questionCoverage - 0.6 / (model.minimumQuestionShare * rare)) < 1e-9)
        #expect(light.score < model.answerThreshold)
        let specific = model.evidence(query: Self.query("forgot", "password"), candidate: CandidateFields(
            row: 2, title: ["forgot", "password"], aliases: [], tags: [], bodyMatches: []), weight: Self.weight, rareTermWeight: rare)
        #expect(specific.questionCoverage == 1, "a question that weighs enough is measured against itself")
    }

    static func query(_ terms: String...) -> [QueryTerm] {
        terms.map { QueryTerm(term: $0, weight: weight($0), isKnown: true) }
    }

    @Test func aQuestionEqualToAnAliasBeatsABodyOnlyMatch() {
        var model = ConfidenceModel()
        model.headingPrior = 0
        let question = Self.query("forgot", "password")
        let byAlias = CandidateFields(
            row: 1, title: ["reset", "password"], aliases: [["forgot", "password"]], tags: [], bodyMatches: [])
        let byBody = CandidateFields(
            row: 2, title: ["meet", "passcod"], aliases: [], tags: [], bodyMatches: ["forgot", "password"])
        let alias = model.evidence(query: question, candidate: byAlias, weight: Self.weight, rareTermWeight: 0).score
        let body = model.evidence(query: question, candidate: byBody, weight: Self.weight, rareTermWeight: 0).score
        #expect(abs(alias - 1) < 1e-9, "the whole question and the whole alias match: \(alias)")
        #expect(body > 0)
        #expect(alias > body)
    }

    /// One term found in the title counts more than in the tags, which counts more than in the body.
    @Test func fieldsCountInOrder() {
        let model = ConfidenceModel()
        let question = Self.query("password")
        func confidence(_ candidate: CandidateFields) -> Double {
            model.evidence(query: question, candidate: candidate, weight: Self.weight, rareTermWeight: 0).score
        }
        let title = confidence(CandidateFields(row: 1, title: ["password", "x"], aliases: [], tags: [], bodyMatches: []))
        let tag = confidence(CandidateFields(row: 2, title: ["x"], aliases: [], tags: ["password"], bodyMatches: []))
        let body = confidence(CandidateFields(row: 3, title: ["x"], aliases: [], tags: [], bodyMatches: ["password"]))
        let none = confidence(CandidateFields(row: 4, title: ["x"], aliases: [], tags: [], bodyMatches: []))
        #expect(title > tag)
        #expect(tag > body)
        #expect(body > none)
        #expect(none == 0)
    }

    @Test(arguments: [
        ([] as [String], CandidateFields(row: 1, title: ["password"], aliases: [], tags: [], bodyMatches: [])),
        (["password"], CandidateFields(row: 1, title: [], aliases: [], tags: [], bodyMatches: [])),
        (["password"], CandidateFields(row: 1, title: [], aliases: [[], ["password"]], tags: ["password"], bodyMatches: ["password"])),
        (["a", "b", "c", "d", "e", "f", "g", "h"], CandidateFields(row: 1, title: ["a"], aliases: [], tags: ["b"], bodyMatches: ["c", "d", "e", "f", "g", "h"])),
        (["forgot", "forgot", "password"], CandidateFields(row: 1, title: ["forgot", "password"], aliases: [["forgot"]], tags: ["forgot"], bodyMatches: ["forgot", "password"])),
        (["unknown"], CandidateFields(row: 1, title: ["unknown"], aliases: [], tags: [], bodyMatches: ["unknown"])),
    ])
    func confidenceStaysWithinZeroAndOne(terms: [String], candidate: CandidateFields) {
        let query = terms.map { QueryTerm(term: $0, weight: Self.weight($0), isKnown: true) }
        let confidence = ConfidenceModel().evidence(query: query, candidate: candidate, weight: Self.weight, rareTermWeight: 0).score
        #expect(confidence >= 0 && confidence <= 1, "\(terms) against \(candidate): \(confidence)")
    }

    @Test func zeroWeightsGiveZeroConfidence() {
        let query = [QueryTerm(term: "x", weight: 0, isKnown: true)]
        let candidate = CandidateFields(row: 1, title: ["x"], aliases: [], tags: [], bodyMatches: ["x"])
        #expect(ConfidenceModel().evidence(query: query, candidate: candidate, weight: { _ in 0 }, rareTermWeight: 0).score == 0)
    }

    @Test(arguments: [
        ([] as [Double], SearchDecision.noMatch),
        ([0.0], .noMatch),
        ([0.49], .noMatch),
        ([0.49, 0.48], .noMatch),
        ([0.5], .answer),
        ([0.9], .answer),
        ([0.9, 0.5], .answer),
        ([0.8, 0.7, 0.69], .answer),
        ([0.9, 0.88], .clarify),
        ([0.6, 0.6], .clarify),
        ([0.52, 0.49], .clarify),
        ([1.0, 0.97, 0.2], .clarify),
    ])
    func decide(confidences: [Double], expected: SearchDecision) {
        var model = ConfidenceModel()
        model.answerThreshold = 0.5
        model.clarifyMargin = 0.05
        let ranked = confidences.map { Evidence(questionCoverage: $0, headingCoverage: $0, score: $0) }
        let (decision, confidence) = model.decide(ranked)
        #expect(decision == expected, "\(confidences)")
        #expect(confidence == (confidences.first ?? 0), "the confidence is the best score")
    }

    /// A question that names the best article (its title or an alias, term for term) is answered
    /// even when the runner-up is close, unless the runner-up is named just as exactly.
    @Test(arguments: [
        (true, false, SearchDecision.answer),
        (true, true, .clarify),
        (false, true, .clarify),
        (false, false, .clarify),
    ])
    func aNamedArticleIsAnsweredDespiteACloseRunnerUp(bestNamed: Bool, runnerUpNamed: Bool, expected: SearchDecision) {
        let ranked = [
            Evidence(questionCoverage: 0.9, headingCoverage: 0.9, score: 0.9, isHeading: bestNamed),
            Evidence(questionCoverage: 0.88, headingCoverage: 0.88, score: 0.88, isHeading: runnerUpNamed),
        ]
        #expect(ConfidenceModel().decide(ranked).decision == expected)
    }

    @Test func theQuestionNamesAHeadingOnlyWhenItsTermsAreExactlyThose() {
        let model = ConfidenceModel()
        let candidate = CandidateFields(row: 1, title: ["record", "meet"], aliases: [["pause", "record"]], tags: [], bodyMatches: [])
        func named(_ query: [QueryTerm]) -> Bool { model.evidence(query: query, candidate: candidate, weight: Self.weight, rareTermWeight: 0).isHeading }
        #expect(named(Self.query("record", "meet")))
        #expect(named(Self.query("pause", "record")))
        #expect(!named(Self.query("record")))
        #expect(!named(Self.query("record", "meet", "cloud")))
        #expect(!named(Self.query("record", "meet") + [QueryTerm(term: "zoom", weight: 3, isKnown: false)]))
    }
}
