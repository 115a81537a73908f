@testable import HelplineCore
import Testing

/// Which known terms stand in for a word the help center never uses: synonyms and compound parts.
struct WordRelationsTests {
    static let analyzer = Analyzer()

    /// The terms of `words` as the analyzer makes them.
    static func terms(_ words: String, _ language: Language) -> [String] {
        analyzer.terms(words, language: language)
    }

    @Test(arguments: [
        // The head is the longest known term ending the word; a known modifier counts too.
        ("tavlemoede", "møde tavle", "møde tavle"),
        ("statusmoede", "møde", "møde"),
        // A linking s (or e) between the parts is dropped from the modifier.
        ("optagelsesmappe", "mappe optagelse", "mappe optagelse"),
        ("laanecomputer", "computer", "computer"),
        ("timeslot", "slot time", "slot time"),
        // Parts shorter than four letters never split off: "bemøde" is not "be" + "møde".
        ("bemoede", "møde", ""),
        ("breakoutrum", "rum", ""),
        // No known head, no parts.
        ("tavlemoede", "tavle", ""),
    ])
    func compoundParts(word: String, known: String, expected: String) {
        let language: Language = word == "timeslot" ? .english : .danish
        let knownTerms = Set(Self.terms(known, language))
        let parts = WordRelations().terms(standingInFor: word, language: language, analyzer: Self.analyzer) {
            knownTerms.contains($0)
        }
        #expect(parts == Self.terms(expected, language), "\(word)")
    }

    @Test func synonymsThatTheHelpCenterUsesStandInFirst() {
        let relations = WordRelations(thesauri: [.english: ThesaurusTests.sample])
        let known = Set(Self.terms("mute quiet microphone", .english))
        let standIns = relations.terms(standingInFor: "silence", language: .english, analyzer: Self.analyzer) { known.contains($0) }
        #expect(standIns == Self.terms("quiet mute", .english))
        // "keep quiet" analyses to two terms and stands in for neither.
        let phrase = relations.terms(standingInFor: "silence", language: .english, analyzer: Self.analyzer) { $0 == "keep" }
        #expect(phrase.isEmpty)
        // Each language has its own thesaurus.
        #expect(relations.terms(standingInFor: "silence", language: .danish, analyzer: Self.analyzer) { known.contains($0) }.isEmpty)
    }
}
