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
        ("tavlemoede", Language.danish, "møde tavle", "møde tavle"),
        ("statusmoede", .danish, "møde", "møde"),
        // A linking s (or e) between the parts is dropped from the modifier.
        ("optagelsesmappe", .danish, "mappe optagelse", "mappe optagelse"),
        ("laanecomputer", .danish, "computer", "computer"),
        ("timeslot", .english, "slot time", "slot time"),
        // Parts shorter than four letters never split off: "tilmøde" is not "til" + "møde".
        ("tilmoede", .danish, "møde", ""),
        ("breakoutrum", .danish, "rum", ""),
        // No known head, no parts.
        ("tavlemoede", .danish, "tavle", ""),
    ])
    func compoundParts(word: String, language: Language, known: String, expected: String) {
        let knownTerms = Set(Self.terms(known, language))
        let parts = WordRelations().terms(standingInFor: word, language: language, analyzer: Self.analyzer) {
            knownTerms.contains($0)
        }
        #expect(parts == Self.terms(expected, language), "\(word)")
    }

    @Test(arguments: [
        ("invoices", Language.english, ["invoic", "invoice"]),
        ("wiped", .english, ["wipe", "wip"]),
        ("silencing", .english, ["silence", "silenc"]),
        ("regningen", .danish, ["regning"]),
        ("moedet", .danish, ["moede", "moed"]),
        // What is left must have three letters.
        ("bus", .english, []),
        ("mic", .english, []),
    ])
    func baseFormsTakeOffCommonEndings(word: String, language: Language, expected: [String]) {
        #expect(WordRelations.baseForms(of: word, language: language) == expected)
    }

    @Test func anInflectedWordFindsTheSynonymsOfItsBaseForm() {
        let relations = WordRelations(thesauri: [.english: ThesaurusTests.sample])
        let known = Set(Self.terms("erase", .english))
        #expect(relations.terms(standingInFor: "wiped", language: .english, analyzer: Self.analyzer) { known.contains($0) }
            == Self.terms("erase", .english))
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
