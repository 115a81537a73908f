import Foundation
import HelplineCore
import Testing

@testable import HelplineStore

/// A question word no article uses reaches an article through a synonym or a compound's part,
/// as weaker evidence than the word itself.
struct WordRelationSearchTests {
    static let thesaurus: Thesaurus = {
        let entry = "silence|1\n(verb)|hush|mute|quiet\n"
        return Thesaurus(index: Data("UTF-8\n1\nsilence|6\n".utf8), entries: Data(("UTF-8\n" + entry).utf8))
    }()

    static func helpCenter() throws -> TemporaryHelpCenter {
        let center = try TemporaryHelpCenter()
        try center.write(
            TemporaryHelpCenter.article(
                id: "mute-participants", title: "Mute participants", body: "As host, click Mute next to a participant's name."),
            to: "articles/en/meetings/mute-participants.md")
        try center.write(
            TemporaryHelpCenter.article(id: "share-screen", title: "Share your screen", body: "Click Share in the toolbar."),
            to: "articles/en/sharing/share-screen.md")
        try center.write(
            TemporaryHelpCenter.article(id: "optag-moede", title: "Optag et møde", body: "Klik på Optag i mødet.", locale: "da"),
            to: "articles/da/optagelser/optag-moede.md")
        try center.write(
            TemporaryHelpCenter.article(id: "del-skaerm", title: "Del din skærm", body: "Klik på Del.", locale: "da"),
            to: "articles/da/deling/del-skaerm.md")
        return center
    }

    /// The help center indexed with `relations`; hold the center to the test's end.
    static func indexed(_ relations: WordRelations) throws -> (TemporaryHelpCenter, KnowledgeIndex) {
        let center = try helpCenter()
        let index = try center.openIndex(wordRelations: relations)
        try index.update(from: center.folder)
        return (center, index)
    }

    static let withThesaurus = WordRelations(thesauri: [.english: thesaurus])

    @Test func aSynonymFromTheThesaurusFindsTheArticle() throws {
        let (center, index) = try Self.indexed(Self.withThesaurus)
        defer { withExtendedLifetime(center) {} }
        let result = try index.search("silence the participants", locale: "en")
        #expect(result.matches.first?.id == "mute-participants")
        #expect(result.decision == .answer)
        let silence = try #require(result.terms.first { $0.term == "silenc" })
        #expect(!silence.isKnown)
        #expect(silence.related == ["mute"])

        // Without the thesaurus the unknown word stays unmatched.
        let (plainCenter, plain) = try Self.indexed(WordRelations())
        defer { withExtendedLifetime(plainCenter) {} }
        let unmatched = try plain.search("silence the participants", locale: "en")
        #expect(unmatched.decision == .noMatch)
        #expect(unmatched.terms.allSatisfy { $0.related.isEmpty })
    }

    @Test func aStandInCountsLessThanTheWordItself() throws {
        let (center, index) = try Self.indexed(Self.withThesaurus)
        defer { withExtendedLifetime(center) {} }
        let standIn = try index.search("silence participants", locale: "en")
        let itself = try index.search("mute participants", locale: "en")
        #expect(standIn.matches.first?.id == "mute-participants")
        #expect(standIn.confidence < itself.confidence)
    }

    @Test func aDanishCompoundIsFoundByItsHead() throws {
        let (center, index) = try Self.indexed(WordRelations())
        defer { withExtendedLifetime(center) {} }
        let result = try index.search("tavlemøde", locale: "da")
        #expect(result.matches.first?.id == "optag-moede")
        #expect(result.terms.map(\.related) == [["moed"]])

        var unsplit = WordRelations()
        unsplit.shortestCompoundPart = 20
        let other = try center.openIndex(wordRelations: unsplit)
        #expect(try other.search("tavlemøde", locale: "da").matches.isEmpty)
    }
}
