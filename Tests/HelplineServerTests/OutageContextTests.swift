import Foundation
import Testing

@testable import HelplineServer

/// An outage report needs a person at once; what follows it in the conversation is asked on its own.
@Suite(.serialized)
struct OutageContextTests {
    @Test func aQuestionAfterAnOutageReportIsStillAnswered() throws {
        let fixture = try ChatServiceTests.Fixture()
        let connection = fixture.connection()
        _ = try fixture.send(["type": "hello", "token": ChatServiceTests.token(sub: "admin", plan: "enterprise", role: "admin")], on: connection)

        let report = try #require(try fixture.send(
            ["type": "ask", "id": "down", "text": "Parlo is down for our whole company and nobody can join any meeting"],
            on: connection).first)
        #expect(report["type"] as? String == "escalation")
        #expect((report["ticket"] as? [String: Any])?["priority"] as? Int == 1)

        let next = try #require(try fixture.send(
            ["type": "ask", "id": "password", "text": "How do I reset my password?"], on: connection).first)
        #expect(next["type"] as? String == "answer")
        #expect((next["articles"] as? [[String: Any]])?.first?["id"] as? String == "reset-password")
    }
}
