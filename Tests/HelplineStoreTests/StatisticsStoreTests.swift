import Foundation
import HelplineCore
import Testing

@testable import HelplineStore

/// Per-day statistics from what the stores recorded: questions, answers, tickets by priority,
/// questions that joined a ticket, and first responses in time.
struct StatisticsStoreTests {
    /// 2027-01-15T00:00:00Z, a midnight, so offsets in hours land on known days.
    static let midnight = Date(timeIntervalSince1970: 1_800_000_000 - 1_800_000_000.truncatingRemainder(dividingBy: 86_400))
    static let owner = Identity(userID: "u-1", account: "acme", plan: "business", role: "owner")

    static func at(day: Int, hour: Double) -> Date {
        midnight.addingTimeInterval(Double(day) * 86_400 + hour * 3600)
    }

    /// Records a question with an answer, or (`answered: false`) with an escalation.
    static func exchange(_ conversations: ConversationStore, answered: Bool, at time: Date) throws {
        let match = SearchMatch(
            id: "a", title: "A", section: "s", kind: .topic, url: nil, shortAnswer: "Do this.", snippet: "", confidence: 0.9)
        let result = SearchResult(
            decision: answered ? .answer : .noMatch, confidence: 0.9, locale: "en", terms: [], matches: answered ? [match] : [])
        let reply = ReplyComposer(policy: .builtIn).reply(to: result, replyTo: nil)
        try conversations.recordExchange("s-1", clientID: nil, question: "q", reply: reply, confidence: 0.5, articles: [], now: time)
    }

    @Test func eachDayCountsItsOwnTraffic() throws {
        let center = try TemporaryHelpCenter()
        defer { withExtendedLifetime(center) {} }
        let database = try center.openDatabase()
        let conversations = try ConversationStore(database: database)
        let tickets = try TicketStore(database: database, policy: .builtIn)
        let statistics = try StatisticsStore(database: database)
        try conversations.begin("s-1", identity: Self.owner, now: Self.at(day: -1, hour: 0))

        // Yesterday: two answers and an escalation; one urgent ticket answered in time.
        try Self.exchange(conversations, answered: true, at: Self.at(day: -1, hour: 1))
        try Self.exchange(conversations, answered: true, at: Self.at(day: -1, hour: 2))
        try Self.exchange(conversations, answered: false, at: Self.at(day: -1, hour: 23.9))
        let urgent = try tickets.open(
            .init(identity: Self.owner, conversation: "s-1", question: "down", priority: .init(level: 1, reason: "t"), channels: []),
            now: Self.at(day: -1, hour: 3))
        _ = try tickets.respond(urgent.id, now: Self.at(day: -1, hour: 3.5))
        // Today: one answer and three questions that ended in tickets: a normal one answered late,
        // a low one not yet due, and a follow-up that joined the normal one.
        try Self.exchange(conversations, answered: true, at: Self.at(day: 0, hour: 0))
        for hour in [1.0, 2, 3] { try Self.exchange(conversations, answered: false, at: Self.at(day: 0, hour: hour)) }
        let normal = try tickets.open(
            .init(identity: Self.owner, conversation: "s-1", question: "broken", priority: .init(level: 3, reason: "t"), channels: []),
            now: Self.at(day: 0, hour: 1))
        _ = try tickets.respond(normal.id, now: Self.at(day: 0, hour: 1 + 25))
        _ = try tickets.open(
            .init(identity: Self.owner, conversation: "s-1", question: "how", priority: .init(level: 4, reason: "t"), channels: []),
            now: Self.at(day: 0, hour: 2))
        try tickets.addFollowUp(normal.id, question: "still broken", now: Self.at(day: 0, hour: 3))
        // Three days ago: outside a two-day window.
        try Self.exchange(conversations, answered: true, at: Self.at(day: -3, hour: 12))

        let days = try statistics.days(2, endingAt: Self.at(day: 0, hour: 12))
        #expect(days.map(\.day) == [Self.at(day: -1, hour: 0), Self.at(day: 0, hour: 0)])
        let (yesterday, today) = (days[0], days[1])
        #expect(yesterday.questions == 3 && yesterday.answered == 2, "\(yesterday)")
        #expect(yesterday.ticketsByPriority == [1: 1] && yesterday.escalations == 1)
        #expect(yesterday.slaAttainment == 1 && yesterday.deflectionRate == 2.0 / 3)
        #expect(today.questions == 4 && today.answered == 1 && today.answerRate == 0.25, "\(today)")
        #expect(today.ticketsByPriority == [3: 1, 4: 1] && today.ticketed == 3, "\(today)")
        #expect(today.deflectionRate == 0.25, "four questions, three ended in a ticket")
        #expect(today.slaMet == 0 && today.slaKnown == 1 && today.slaAttainment == 0, "the low ticket is not due yet: \(today)")

        let total = DailyStatistics.total(of: days)
        #expect(total.questions == 7 && total.answered == 3 && total.escalations == 3)
        #expect(total.slaAttainment == 0.5 && total.ticketsByPriority == [1: 1, 3: 1, 4: 1])
    }

    @Test func quietDaysHaveNoRates() throws {
        let center = try TemporaryHelpCenter()
        defer { withExtendedLifetime(center) {} }
        let days = try StatisticsStore(database: try center.openDatabase()).days(3, endingAt: Self.at(day: 0, hour: 5))
        #expect(days.count == 3)
        #expect(days.allSatisfy { $0.answerRate == nil && $0.deflectionRate == nil && $0.slaAttainment == nil && $0.questions == 0 })
    }

    /// A ticket asked for without a question before it ("talk to a human") never makes the rate negative.
    @Test func deflectionNeverGoesBelowZero() {
        var day = DailyStatistics(day: Self.midnight)
        day.questions = 1
        day.ticketed = 2
        #expect(day.deflectionRate == 0)
    }
}
