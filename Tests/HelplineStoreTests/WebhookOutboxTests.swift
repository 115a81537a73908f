import Foundation
import HelplineCore
import Testing

@testable import HelplineStore

/// The webhook outbox: written with the ticket, retried with doubling backoff, kept until delivered.
struct WebhookOutboxTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aTicketComesWithItsDeliveryAndFailuresBackOff() throws {
        let center = try TemporaryHelpCenter()
        defer { withExtendedLifetime(center) {} }
        let database = try center.openDatabase()
        let tickets = try TicketStore(database: database, policy: .builtIn, queuesWebhooks: true)
        let outbox = try WebhookOutbox(database: database, baseBackoff: .seconds(2), maximumBackoff: .seconds(5))
        let ticket = try tickets.open(
            .init(identity: Identity(userID: "u", account: "a", plan: "pro", role: "owner"), conversation: nil,
                  question: "It broke", priority: PriorityAssessment(level: 3, reason: "feature problem"), channels: [.online]),
            now: Self.now)

        var delivery = try #require(try outbox.due(now: Self.now).first)
        #expect(delivery.ticketID == ticket.id)
        let payload = try #require(try JSONSerialization.jsonObject(with: Data(delivery.payload.utf8)) as? [String: Any])
        #expect(payload["id"] as? String == ticket.reference)
        #expect(payload["priority"] as? Int == 3)
        #expect(payload["event"] as? String == "ticket.created")

        // 2 s, then 4 s, then capped at 5 s.
        for wait in [2.0, 4.0, 5.0] {
            try outbox.markFailed(delivery, error: "HTTP 500", now: Self.now)
            #expect(try outbox.due(now: Self.now.addingTimeInterval(wait - 0.5)).isEmpty, "not due before \(wait) s")
            delivery = try #require(try outbox.due(now: Self.now.addingTimeInterval(wait)).first, "due after \(wait) s")
        }
        try outbox.markDelivered(delivery.id, now: Self.now)
        #expect(try outbox.due(now: Self.now.addingTimeInterval(3600)).isEmpty)
        #expect(try outbox.nextDue() == nil)
        #expect(try outbox.states().map(\.attempts) == [4])
    }

    @Test func withoutAWebhookNothingIsQueued() throws {
        let center = try TemporaryHelpCenter()
        defer { withExtendedLifetime(center) {} }
        let database = try center.openDatabase()
        let tickets = try TicketStore(database: database, policy: .builtIn)
        _ = try tickets.open(
            .init(identity: .anonymous, conversation: nil, question: "q", priority: PriorityAssessment(level: 4, reason: "r"),
                  channels: []),
            now: Self.now)
        #expect(try WebhookOutbox(database: database).states().isEmpty)
    }
}
