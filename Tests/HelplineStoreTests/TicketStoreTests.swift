import Foundation
import HelplineCore
import Testing

@testable import HelplineStore

/// Tickets: opened with their due time, listed by SLA state, moved on by respond and solve.
struct TicketStoreTests {
    static let created = Date(timeIntervalSince1970: 1_800_000_000)
    static let owner = Identity(userID: "u-1", account: "acme", plan: "business", role: "owner")

    static func open(_ store: TicketStore, level: Int, at time: Date = created) throws -> TicketRecord {
        try store.open(
            .init(identity: owner, conversation: "s-1", question: "Parlo is down for everyone",
                  priority: PriorityAssessment(level: level, reason: "test"), channels: [.online, .chat, .phone]),
            now: time)
    }

    @Test(arguments: [(1, 1.0), (2, 4.0), (3, 24.0), (4, 24.0)])
    func aTicketIsDueItsPrioritysTargetAfterCreation(level: Int, hours: Double) throws {
        let center = try TemporaryHelpCenter()
        defer { withExtendedLifetime(center) {} }
        let store = try TicketStore(database: try center.openDatabase(), policy: .builtIn)
        let ticket = try Self.open(store, level: level)
        #expect(ticket.dueAt == Self.created.addingTimeInterval(hours * 3600))
        #expect(ticket.status == .open)
        #expect(ticket.reference == "HL-\(ticket.id)")
        #expect(ticket.channels == [.online, .chat, .phone])
        #expect(try store.ticket(ticket.id) == ticket, "read back as written")
    }

    @Test func respondAndSolveMoveTheStatusAndKeepTheFirstTimes() throws {
        let center = try TemporaryHelpCenter()
        defer { withExtendedLifetime(center) {} }
        let store = try TicketStore(database: try center.openDatabase(), policy: .builtIn)
        let ticket = try Self.open(store, level: 2)
        let responded = try #require(try store.respond(ticket.id, now: Self.created.addingTimeInterval(3600)))
        #expect(responded.status == .responded)
        #expect(responded.sla(now: Self.created.addingTimeInterval(99_999)) == .met)
        let again = try #require(try store.respond(ticket.id, now: Self.created.addingTimeInterval(7200)))
        #expect(again.respondedAt == responded.respondedAt, "the first response time stays")
        let solved = try #require(try store.solve(ticket.id, now: Self.created.addingTimeInterval(9000)))
        #expect(solved.status == .solved)
        #expect(try store.respond(999, now: Self.created) == nil)
    }

    @Test func breachingListsOnlyLateFirstResponses() throws {
        let center = try TemporaryHelpCenter()
        defer { withExtendedLifetime(center) {} }
        let store = try TicketStore(database: try center.openDatabase(), policy: .builtIn)
        let urgent = try Self.open(store, level: 1)
        let low = try Self.open(store, level: 4)
        let twoHoursLater = Self.created.addingTimeInterval(2 * 3600)
        #expect(try store.list(breachingAt: twoHoursLater).map(\.id) == [urgent.id])
        #expect(try store.list().map(\.id) == [low.id, urgent.id], "newest first")
        _ = try store.respond(urgent.id, now: Self.created.addingTimeInterval(1800))
        #expect(try store.list(breachingAt: twoHoursLater).isEmpty, "answered in time")
    }
}
