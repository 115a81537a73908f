import Foundation
import HelplineClient
import HelplineCore
import HelplineStore
import Testing

/// Issue 4's scenario table over the real protocol: every plan × role asking a question the help
/// center cannot answer, and a conversation resumed on a new connection.
struct ScenarioTests {
    static let plans = ["free", "pro", "business", "education", "enterprise", "api"]
    static let roles = ["owner", "admin", "member"]
    static let question = "Our Salesforce integration stopped syncing contacts"

    @Test(arguments: plans)
    func everyRoleOfAPlan(plan: String) throws {
        let fixture = try ChatFixture(verifier: IdentityTokenVerifier(secret: TestTokens.secret))
        defer { fixture.shutDown() }
        for role in Self.roles {
            let chat = fixture.connect()
            chat.send(json: ["type": "hello", "token": TestTokens.token(plan: plan, role: role)])
            _ = try chat.nextObject(ofType: "welcome")
            chat.send(json: ["type": "ask", "id": "s", "text": Self.question])
            let escalation = try chat.nextObject(ofType: "escalation")
            let expected = Policy.builtIn.channels(plan: plan, role: role).map(\.rawValue)
            let ticket = escalation["ticket"] as? [String: Any]
            if expected.isEmpty {
                #expect(escalation["outcome"] as? String == "self_service", "\(plan) \(role): \(escalation)")
                #expect(ticket == nil)
            } else {
                #expect(escalation["outcome"] as? String == "ticket", "\(plan) \(role): \(escalation)")
                #expect(ticket?["channels"] as? [String] == expected, "\(plan) \(role)")
            }
            chat.close()
        }
    }

    @Test func aConversationResumesOnANewConnection() throws {
        let fixture = try ChatFixture(verifier: IdentityTokenVerifier(secret: TestTokens.secret))
        defer { fixture.shutDown() }
        let token = TestTokens.token(plan: "pro", role: "owner")
        let first = fixture.connect()
        first.send(json: ["type": "hello", "token": token])
        let session = try #require(try first.nextObject(ofType: "welcome")["session"] as? String)
        first.send(json: ["type": "ask", "id": "q1", "text": "How do I reset my password?"])
        _ = try first.nextObject(ofType: "answer")
        first.close()

        let second = fixture.connect()
        second.send(json: ["type": "hello", "token": token, "session": session])
        #expect(try second.nextObject(ofType: "welcome")["session"] as? String == session)
        // Feedback on an answer given on the first connection finds its question.
        second.send(json: ["type": "feedback", "replyTo": "q1", "helpful": false])
        let escalation = try second.nextObject(ofType: "escalation")
        #expect(escalation["replyTo"] as? String == "q1")
    }
}
