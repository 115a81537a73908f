import Foundation

/// What the service did on one UTC day (or, summed, over several): questions, answers, tickets
/// and whether their first responses came in time.
///
/// Rates are nil when there is nothing to divide by, rather than 0 or 1: a quiet day is not a
/// perfect or a failed one.
public struct DailyStatistics: Sendable, Equatable {
    /// The day's start, midnight UTC; for a sum, the first day's.
    public var day: Date
    /// Questions asked in chats.
    public var questions = 0
    /// Questions that got an `answer` reply.
    public var answered = 0
    /// Tickets opened, by priority level (1 urgent … 4 low).
    public var ticketsByPriority: [Int: Int] = [:]
    /// Questions that ended in a ticket: each new ticket, plus each question that joined an open one.
    public var ticketed = 0
    /// Tickets opened that day whose first response met its target.
    public var slaMet = 0
    /// Tickets opened that day whose SLA outcome is known: responded to, or past due.
    public var slaKnown = 0

    public init(day: Date) {
        self.day = day
    }

    /// Tickets opened.
    public var escalations: Int { ticketsByPriority.values.reduce(0, +) }

    /// Answered questions / questions.
    public var answerRate: Double? { questions == 0 ? nil : Double(answered) / Double(questions) }

    /// Questions that ended without a ticket / questions. A ticket asked for without a question
    /// before it ("talk to a human") counts against the day's questions, never below zero.
    public var deflectionRate: Double? {
        questions == 0 ? nil : Double(max(0, questions - ticketed)) / Double(questions)
    }

    /// Tickets whose first response met its target / tickets whose outcome is known.
    public var slaAttainment: Double? { slaKnown == 0 ? nil : Double(slaMet) / Double(slaKnown) }

    /// The days added up, dated by the first; rates follow from the sums.
    public static func total(of days: [DailyStatistics]) -> DailyStatistics {
        var total = DailyStatistics(day: days.first?.day ?? Date(timeIntervalSince1970: 0))
        for day in days {
            total.questions += day.questions
            total.answered += day.answered
            total.ticketed += day.ticketed
            total.slaMet += day.slaMet
            total.slaKnown += day.slaKnown
            total.ticketsByPriority.merge(day.ticketsByPriority, uniquingKeysWith: +)
        }
        return total
    }
}
