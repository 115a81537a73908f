import Foundation
import HelplineClient
import HelplineCore
import HelplineStore
import Testing

/// Escalation by plan and role over the wire (DESIGN.md's plan × role table): a user entitled to
/// tickets gets one with a priority and a response-time promise, everyone else self-service.
struct EscalationTests {
    static func fixture(accounts: [AccountDirectory.Entry] = []) throws -> ChatFixture {
        try ChatFixture(verifier: IdentityTokenVerifier(secret: TestTokens.secret), accounts: accounts)
    }

    @Test func entitledUserWithoutAnAnswerGetsATicket() throws {
        let fixture = try Self.fixture()
        defer { fixture.shutDown() }
        let chat = fixture.connect()
        chat.send(json: ["type": "hello", "token": TestTokens.token(plan: "pro", role: "owner")])
        #expect(try chat.nextObject(ofType: "welcome")["user"].flatMap { $0 as? [String: Any] }?["entitled"] as? Bool == true)

        let asked = Date()
        chat.send(json: ["type": "ask", "id": "t-1", "text": "what's the capital of France"])
        let escalation = try chat.nextObject(ofType: "escalation")
        #expect(escalation["replyTo"] as? String == "t-1")
        #expect(escalation["outcome"] as? String == "ticket", "\(escalation)")
        let ticket = try #require(escalation["ticket"] as? [String: Any], "\(escalation)")
        let id = try #require(ticket["id"] as? String)
        #expect(!id.isEmpty)
        #expect((escalation["text"] as? String)?.contains(id) == true, "the text names the ticket: \(escalation)")
        let priority = try #require(ticket["priority"] as? Int)
        #expect((1...4).contains(priority))
        #expect((ticket["priorityName"] as? String)?.isEmpty == false)
        // Pro owners and admins: tickets through online submission only.
        #expect(ticket["channels"] as? [String] == ["online"])
        // ISO 8601 in UTC, at most the longest target (24 h) after the question, and not before it.
        let dueText = try #require(ticket["responseDue"] as? String)
        #expect(dueText.hasSuffix("Z"), "\(dueText)")
        let due = try #require(try? Date(dueText, strategy: .iso8601), "\(dueText)")
        #expect(due > asked.addingTimeInterval(30 * 60) && due <= Date().addingTimeInterval(24 * 3600 + 60), "\(dueText)")
    }

    @Test func unhelpfulAnswerToAnEntitledUserOpensATicket() throws {
        let fixture = try Self.fixture()
        defer { fixture.shutDown() }
        let chat = fixture.connect()
        chat.send(json: ["type": "hello", "token": TestTokens.token(plan: "business", role: "admin")])
        _ = try chat.nextObject(ofType: "welcome")

        chat.send(json: ["type": "ask", "id": "t-2", "text": "my microphone is not working"])
        _ = try chat.nextObject(ofType: "answer")
        chat.send(json: ["type": "feedback", "replyTo": "t-2", "helpful": false])
        let escalation = try chat.nextObject(ofType: "escalation")
        #expect(escalation["replyTo"] as? String == "t-2")
        #expect(escalation["outcome"] as? String == "ticket", "\(escalation)")
        let channels = try #require((escalation["ticket"] as? [String: Any])?["channels"] as? [String])
        #expect(Set(channels) == ["online", "chat", "phone"])
    }

    /// Members get self-service whatever the plan.
    @Test func memberOfAPaidPlanGetsSelfService() throws {
        let fixture = try Self.fixture()
        defer { fixture.shutDown() }
        let chat = fixture.connect()
        chat.send(json: ["type": "hello", "token": TestTokens.token(plan: "enterprise", role: "member")])
        _ = try chat.nextObject(ofType: "welcome")

        chat.send(json: ["type": "ask", "id": "t-3", "text": "what's the capital of France"])
        let escalation = try chat.nextObject(ofType: "escalation")
        #expect(escalation["outcome"] as? String == "self_service", "\(escalation)")
        #expect(escalation["ticket"] == nil)
    }

    /// DESIGN.md: "An account directory in the store, when it knows the account, overrides the
    /// token's plan" — here a downgrade the host application's token does not know of yet.
    @Test func accountDirectoryOverridesTheTokensPlan() throws {
        let fixture = try Self.fixture(accounts: [AccountDirectory.Entry(account: "acme", plan: "free")])
        defer { fixture.shutDown() }
        let chat = fixture.connect()
        chat.send(json: ["type": "hello", "token": TestTokens.token(plan: "pro", role: "owner")])
        let user = try #require(try chat.nextObject(ofType: "welcome")["user"] as? [String: Any])
        #expect(user["plan"] as? String == "free")
        #expect(user["role"] as? String == "owner")
        #expect(user["entitled"] as? Bool == false)

        chat.send(json: ["type": "ask", "id": "t-4", "text": "what's the capital of France"])
        #expect(try chat.nextObject(ofType: "escalation")["outcome"] as? String == "self_service")
    }
}
