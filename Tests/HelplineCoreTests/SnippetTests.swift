@testable import HelplineCore
import Testing

/// Picking the passage of an article that best matches a question.
struct SnippetTests {
    static let sentences = """
        Open Settings.
        Choose Audio and turn on noise suppression.
        Noise suppression removes typing and barking.
        """
    static let sentenceTerms = "open set\nchoos audio turn nois suppress\nnois suppress remov type bark"

    static func query(_ weights: [(String, Double)]) -> [QueryTerm] {
        weights.map { QueryTerm(term: $0.0, weight: $0.1, isKnown: true) }
    }

    @Test(arguments: [
        ([("bark", 2.0)], "Noise suppression removes typing and barking."),
        ([("audio", 1.0), ("nois", 1.0)], "Choose Audio and turn on noise suppression."),
        ([("nois", 1.0), ("suppress", 1.0)], "Choose Audio and turn on noise suppression."),
        ([("nois", 1.0), ("bark", 0.5), ("audio", 0.4)], "Noise suppression removes typing and barking."),
        ([("set", 0.1)], "Open Settings."),
        ([("calendar", 3.0)], "Open Settings."),
        ([], "Open Settings."),
        ([("nois", 1.0), ("nois", 1.0), ("audio", 0.5)], "Choose Audio and turn on noise suppression."),
        ([("sup", 5.0)], "Open Settings."),
    ] as [([(String, Double)], String)])
    func theHeaviestSentenceWins(weights: [(String, Double)], expected: String) {
        #expect(Snippet.best(sentences: Self.sentences, sentenceTerms: Self.sentenceTerms, terms: Self.query(weights)) == expected)
    }

    @Test func emptyArticlesGiveAnEmptySnippet() {
        #expect(Snippet.best(sentences: "", sentenceTerms: "", terms: Self.query([("x", 1)])) == "")
    }

    @Test(arguments: [(0, "a" as String?), (1, ""), (2, "ccc"), (3, nil)])
    func lines(number: Int, expected: String?) {
        #expect(Snippet.line(number, of: "a\n\nccc") == expected)
    }

    @Test func longSentencesAreShortenedAtAWord() {
        let long = String(repeating: "word ", count: 100)
        let snippet = Snippet.best(sentences: long, sentenceTerms: "word", terms: Self.query([("word", 1)]))
        #expect(snippet.count <= Snippet.maximumLength + 1 && snippet.hasSuffix("…"))
    }
}
