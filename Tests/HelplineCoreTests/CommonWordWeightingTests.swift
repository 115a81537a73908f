import Foundation
@testable import HelplineCore
import Testing

/// Word frequencies of the language at large, and how they temper a question's term weights.
struct CommonWordWeightingTests {
    static let frequencies = WordFrequencies(tsv: """
        get\t6.8
        tomorrow\t5.0
        wants\t5.3
        unicorn\t3.6
        møde\t5.2
        broken line without a tab
        word\tnot-a-number
        """)

    @Test(arguments: [
        ("get", 6.8 as Double?),
        ("tomorrow", 5.0),
        ("moede", 5.2),
        ("gmail", nil),
        ("broken line without a tab", nil),
        ("word", nil),
    ])
    func frequenciesAreReadAndFoldedLikeTheAnalyzer(word: String, zipf: Double?) {
        let got = Self.frequencies.zipf(of: word)
        #expect(got.map { ($0 * 100).rounded() } == zipf.map { ($0 * 100).rounded() })
    }

    @Test(arguments: [
        (Language.english, "the", "meeting"),
        (Language.danish, "og", "moede"),
    ])
    func shippedListsHoldEverydayWords(language: Language, function: String, content: String) throws {
        let shipped = WordFrequencies.shipped(for: language)
        let functionZipf = try #require(shipped.zipf(of: function))
        let contentZipf = try #require(shipped.zipf(of: content))
        #expect(functionZipf > contentZipf)
        #expect(WordFrequencies.shipped(for: nil).zipf(of: function) == nil)
    }

    /// Unseen words: a subject the help center lacks keeps its weight, everyday context loses most of it.
    @Test(arguments: [
        (nil as Double?, 1.0),
        (3.0, 1.0),
        (4.0, 1.0),
        (4.5, 0.5),
        (5.0, 0.3),
        (7.0, 0.3),
    ])
    func unseenWordsWeighLessTheMoreCommonTheyAre(zipf: Double?, share: Double) {
        #expect(abs(CommonWordWeighting().unseenShare(zipf: zipf) - share) < 1e-9)
    }

    @Test(arguments: [
        (nil as Double?, 1.0),
        (4.0, 1.0),
        (5.0, 1.0),
        (6.0, 0.6),
        (7.0, 0.2),
        (7.5, 0.2),
    ])
    func commonKnownWordsWeighLess(zipf: Double?, share: Double) {
        #expect(abs(CommonWordWeighting().knownShare(zipf: zipf) - share) < 1e-9)
    }

    @Test func everydayWordsWeighLessThanSubjectsInAQuestion() throws {
        let vocabulary = Vocabulary(documentCount: 50, documentFrequency: ["get": 2, "record": 10])
        let question = ["get", "record", "tomorrow", "unicorn", "gmail"].map { AnalyzedTerm(term: $0, surface: $0) }
        let terms = vocabulary.queryTerms(for: question, frequencies: Self.frequencies)
        let weights = Dictionary(uniqueKeysWithValues: terms.map { ($0.term, $0.weight) })
        let plain = Dictionary(uniqueKeysWithValues: vocabulary.queryTerms(for: question).map { ($0.term, $0.weight) })
        #expect(weights["gmail"] == plain["gmail"])
        #expect(weights["unicorn"] == plain["unicorn"])
        #expect(try #require(weights["tomorrow"]) < plain["tomorrow"]! * 0.5)
        #expect(try #require(weights["get"]) < plain["get"]!)
        #expect(weights["record"] == plain["record"])
    }

    /// "wants" is one letter from "wait", but it is a word of its own, not a typo.
    @Test func realWordsAreNotCorrectedToLookAlikes() {
        let vocabulary = Vocabulary(
            documentCount: 10, documentFrequency: ["wait": 3], surfaceWords: ["waits": "wait"])
        let question = [AnalyzedTerm(term: "want", surface: "wants")]
        #expect(vocabulary.queryTerms(for: question).map(\.term) == ["wait"])
        let terms = vocabulary.queryTerms(for: question, frequencies: Self.frequencies)
        #expect(terms.map(\.term) == ["want"])
        #expect(terms.map(\.isKnown) == [false])
    }
}
