import Foundation
import HelplineStore

extension APIRouter {
    /// `GET /api/v1/statistics?days=14`: per UTC day, oldest first, ending today, and the totals.
    func statistics(_ request: HTTPRequest, now: Date) throws -> HTTPResponse {
        let statistics = try required(statistics, "statistics")
        let count = try APIQuery.integer("days", request.query("days"), in: 1...366) ?? 14
        let days = try statistics.days(count, endingAt: now)
        return .json(200, StatisticsBody(days: days.map { Day($0, dated: true) }, totals: Day(.total(of: days), dated: false)))
    }
}

private struct StatisticsBody: Encodable {
    var days: [Day]
    var totals: Day
}

/// One day's numbers, or the totals (which have no date).
private struct Day: Encodable {
    /// `2026-11-24`; nil for the totals, which leave the key out.
    var date: String?
    var questions: Int
    var answered: Int
    @NullWhenAbsent var answerRate: Double?
    var escalations: Int
    @NullWhenAbsent var deflectionRate: Double?
    /// Tickets opened per priority level, `"1"` to `"4"`, zeros included.
    var escalationsByPriority: [String: Int]
    @NullWhenAbsent var slaAttainment: Double?

    init(_ day: DailyStatistics, dated: Bool) {
        date = dated ? Self.format(day.day) : nil
        questions = day.questions
        answered = day.answered
        answerRate = day.answerRate
        escalations = day.escalations
        deflectionRate = day.deflectionRate
        escalationsByPriority = Dictionary(uniqueKeysWithValues: (1...4).map { ("\($0)", day.ticketsByPriority[$0] ?? 0) })
        slaAttainment = day.slaAttainment
    }

    private static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = .withFullDate
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
