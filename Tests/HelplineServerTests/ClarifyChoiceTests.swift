import Foundation
import HelplineStore
import Testing

@testable import HelplineServer

/// Picking one of a `clarify`'s suggestions, as clients do: by asking its title; and a clarify
/// left unresolved, recorded for support leads.
@Suite(.serialized)
struct ClarifyChoiceTests {
    /// Asks `question` and returns the clarify it gets.
    private func clarify(_ question: String, on connection: ChatConnection, in fixture: ChatServiceTests.Fixture) throws -> [[String: Any]] {
        let reply = try #require(try fixture.send(["type": "ask", "id": "q", "text": question], on: connection).first)
        try #require(reply["type"] as? String == "clarify", "\(question) should get a clarify, got \(reply)")
        return try #require(reply["suggestions"] as? [[String: Any]])
    }

    /// The pick answers with the chosen article; the offer then ends, so the other title is
    /// searched afresh, as on a chat that was never offered it.
    @Test(arguments: [0, 1])
    func askingASuggestionsTitleAnswersWithThatArticle(choice: Int) throws {
        let fixture = try ChatServiceTests.Fixture()
        let connection = fixture.connection()
        let suggestions = try clarify("record call", on: connection, in: fixture)
        let title = try #require(suggestions[choice]["title"] as? String)
        let reply = try #require(try fixture.send(["type": "ask", "id": "pick", "text": title], on: connection).first)
        #expect(reply["type"] as? String == "answer")
        let articles = try #require(reply["articles"] as? [[String: Any]])
        #expect(articles.first?["id"] as? String == suggestions[choice]["id"] as? String)

        let other = try #require(suggestions[1 - choice]["title"] as? String)
        let late = try #require(try fixture.send(["type": "ask", "id": "late", "text": other], on: connection).first)
        let fresh = try #require(try fixture.send(["type": "ask", "id": "fresh", "text": other], on: fixture.connection()).first)
        #expect(late["type"] as? String == fresh["type"] as? String)
        #expect((late["articles"] as? [[String: Any]])?.first?["id"] as? String
            == (fresh["articles"] as? [[String: Any]])?.first?["id"] as? String)
    }

    /// The outcomes recorded for review of questions like `question`.
    private func reviewOutcomes(of question: String, in fixture: ChatServiceTests.Fixture) throws -> [String: Int] {
        let groups = try fixture.review.groups(since: ChatServiceTests.now.addingTimeInterval(-3600))
        return groups.first(where: { $0.examples.contains(question) })?.outcomes ?? [:]
    }

    @Test func aClarifyLeftForAnotherQuestionIsRecordedForReview() throws {
        let fixture = try ChatServiceTests.Fixture()
        let connection = fixture.connection()
        _ = try clarify("record call", on: connection, in: fixture)
        #expect(try reviewOutcomes(of: "record call", in: fixture).isEmpty)
        _ = try fixture.send(["type": "ask", "id": "other", "text": "How do I reset my password?"], on: connection)
        #expect(try reviewOutcomes(of: "record call", in: fixture) == ["clarify": 1])
    }

    @Test func aClarifyOpenWhenTheChatClosesIsRecordedForReview() throws {
        let fixture = try ChatServiceTests.Fixture()
        let connection = fixture.connection()
        _ = try clarify("record call", on: connection, in: fixture)
        fixture.service.chatClosed(connection, now: ChatServiceTests.now)
        #expect(try reviewOutcomes(of: "record call", in: fixture) == ["clarify": 1])
        fixture.service.chatClosed(connection, now: ChatServiceTests.now)
        #expect(try reviewOutcomes(of: "record call", in: fixture) == ["clarify": 1])
    }

    @Test func aChosenSuggestionLeavesNothingToReview() throws {
        let fixture = try ChatServiceTests.Fixture()
        let connection = fixture.connection()
        let suggestions = try clarify("record call", on: connection, in: fixture)
        _ = try fixture.send(["type": "ask", "id": "pick", "text": try #require(suggestions[0]["title"] as? String)], on: connection)
        fixture.service.chatClosed(connection, now: ChatServiceTests.now)
        #expect(try fixture.review.groups(since: ChatServiceTests.now.addingTimeInterval(-3600)).isEmpty)
    }
}
