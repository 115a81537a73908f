import Foundation
import HelplineClient
import HelplineCore
import Testing

/// Tickets over the real protocol: each priority's response target, the same problem asked
/// again, the daily limit, and the section offered with self-service.
struct TicketScenarioTests {
    static func ask(_ fixture: ChatFixture, sub: String, plan: String = "business", role: String = "owner", _ questions: [String])
        throws -> [[String: Any]]
    {
        let chat = fixture.connect()
        chat.send(json: ["type": "hello", "token": TestTokens.token(plan: plan, role: role, sub: sub)])
        _ = try chat.nextObject(ofType: "welcome")
        var replies: [[String: Any]] = []
        for (number, question) in questions.enumerated() {
            chat.send(json: ["type": "ask", "id": "\(number)", "text": question])
            replies.append(try chat.nextObject(ofType: "escalation"))
        }
        chat.close()
        return replies
    }

    @Test(arguments: [
        (1, "Parlo is down for our whole company, nobody can join any meeting"),
        (2, "Salesforce sync is very slow and keeps timing out for some of our users"),
        (3, "The Salesforce integration shows an error when syncing contacts"),
        (4, "Does Parlo integrate with Salesforce?"),
    ])
    func eachPriorityIsDueItsTargetAfterTheQuestion(level: Int, question: String) throws {
        let fixture = try ChatFixture(verifier: IdentityTokenVerifier(secret: TestTokens.secret))
        defer { fixture.shutDown() }
        let asked = Date()
        let reply = try #require(try Self.ask(fixture, sub: "p\(level)", [question]).first)
        let ticket = try #require(reply["ticket"] as? [String: Any], "\(reply)")
        #expect(ticket["priority"] as? Int == level, "\(question): \(ticket)")
        let due = try #require((ticket["responseDue"] as? String).flatMap { try? Date($0, strategy: .iso8601) })
        let target = TimeInterval(Policy.builtIn.priority(level: level).firstResponseHours * 3600)
        // The due time is whole seconds of the ticket's creation, which lies between asking and the reply.
        #expect(due.timeIntervalSince(asked) >= target - 1 && due.timeIntervalSinceNow <= target + 1, "\(question): \(ticket)")
    }

    @Test func theSameProblemJoinsTheTicketAndTheDailyLimitHolds() throws {
        let fixture = try ChatFixture(verifier: IdentityTokenVerifier(secret: TestTokens.secret))
        defer { fixture.shutDown() }
        let replies = try Self.ask(fixture, sub: "busy", [
            "Salesforce contacts are not syncing", "Salesforce contacts still not syncing",
            "the Zapier webhook returns 500", "our SAML assertion is rejected by Okta", "HubSpot meeting links are broken",
            "the Jira plugin shows a blank panel", "Slack notifications arrive twice",
        ])
        let ids = replies.map { ($0["ticket"] as? [String: Any])?["id"] as? String }
        #expect(ids[0] != nil && ids[0] == ids[1], "asked again, the same ticket: \(ids)")
        #expect(Set(ids[0..<6].compactMap { $0 }).count == 5, "five tickets in a day: \(ids)")
        #expect(replies[6]["outcome"] as? String == "self_service")
        #expect((replies[6]["text"] as? String)?.contains("daily limit") == true, "\(replies[6])")
    }

    @Test func selfServiceOffersTheClosestSectionAndGuide() throws {
        let fixture = try ChatFixture(verifier: IdentityTokenVerifier(secret: TestTokens.secret))
        defer { fixture.shutDown() }
        let reply = try #require(try Self.ask(fixture, sub: "m", plan: "free", role: "owner", ["Can I record in 8K resolution?"]).first)
        let resources = try #require(reply["resources"] as? [[String: Any]])
        #expect(resources.contains { $0["kind"] as? String == "section" }, "\(resources)")
        #expect(resources.contains { $0["kind"] as? String == "quickstart" && ($0["url"] as? String)?.contains("/getting-started/") == true },
                "a QuickStart guide: \(resources)")
        #expect(resources.contains { $0["kind"] as? String == "release_notes" })
    }
}
