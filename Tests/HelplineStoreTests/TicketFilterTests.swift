import Foundation
import HelplineCore
import Testing

@testable import HelplineStore

/// Listing tickets by status, priority, SLA and due time, in SQL, soonest due first.
struct TicketFilterTests {
    static let created = Date(timeIntervalSince1970: 1_800_000_000)
    static let owner = Identity(userID: "u-1", account: "acme", plan: "business", role: "owner")

    /// Four tickets seen two hours after the first was opened: `urgent` (due after 1 h, never
    /// answered: breached), `high` (answered in time), `normal` (open, due in 22 h) and `low`
    /// (answered late, then solved).
    static func seeded() throws -> (TemporaryHelpCenter, TicketStore, now: Date, ids: [String: Int64]) {
        let center = try TemporaryHelpCenter()
        let store = try TicketStore(database: try center.openDatabase(), policy: .builtIn)
        var ids: [String: Int64] = [:]
        for (name, level) in [("urgent", 1), ("high", 2), ("normal", 3), ("low", 4)] {
            ids[name] = try store.open(
                .init(identity: owner, conversation: nil, question: name, priority: .init(level: level, reason: "t"), channels: [.online]),
                now: created).id
        }
        _ = try store.respond(ids["high"]!, now: created.addingTimeInterval(3600))
        _ = try store.respond(ids["low"]!, now: created.addingTimeInterval(30 * 3600))
        _ = try store.solve(ids["low"]!, now: created.addingTimeInterval(31 * 3600))
        return (center, store, created.addingTimeInterval(2 * 3600), ids)
    }

    @Test(arguments: [
        (TicketStore.Filter(), ["urgent", "high", "normal", "low"]),
        (TicketStore.Filter(status: .open), ["urgent", "normal"]),
        (TicketStore.Filter(status: .responded), ["high"]),
        (TicketStore.Filter(status: .solved), ["low"]),
        (TicketStore.Filter(status: .unsolved), ["urgent", "high", "normal"]),
        (TicketStore.Filter(priority: 3), ["normal"]),
        (TicketStore.Filter(breaching: true), ["urgent", "low"]),
        (TicketStore.Filter(breaching: false), ["high", "normal"]),
        (TicketStore.Filter(dueWithin: 0), ["urgent"]),
        (TicketStore.Filter(dueWithin: 22 * 3600), ["urgent", "normal"]),
        (TicketStore.Filter(status: .open, priority: 1, breaching: true, dueWithin: 3600), ["urgent"]),
        (TicketStore.Filter(status: .solved, breaching: false), []),
        (TicketStore.Filter(limit: 2), ["urgent", "high"]),
    ])
    func filtersCombineWithAnd(filter: TicketStore.Filter, expected: [String]) throws {
        let (center, store, now, _) = try Self.seeded()
        defer { withExtendedLifetime(center) {} }
        let listed = try store.list(filter, now: now)
        #expect(listed.map(\.question) == expected, "\(filter)")
        #expect(listed.allSatisfy { filter.breaching == nil || ($0.sla(now: now) == .breached) == filter.breaching }, "SQL agrees with SLAState")
    }
}
