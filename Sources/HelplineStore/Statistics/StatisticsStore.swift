import Foundation

/// Counts per UTC day of what the other stores recorded: questions and answers from the
/// conversations, tickets and their first responses, questions that joined an open ticket.
///
/// Each count is one `GROUP BY` day over an index on creation time, so a year of history costs
/// a range scan, not a row-by-row pass in Swift. Like its ``Database``, a store belongs to one
/// thread at a time.
public final class StatisticsStore {
    let database: Database

    public init(database: Database) throws {
        self.database = database
        try database.migrate(StoreSchema.migrations)
    }

    static let secondsPerDay = 86_400.0

    /// The `count` days ending with today (UTC), oldest first; days without traffic are zeros.
    ///
    /// - Parameter now: what "today" is, and the time against which a ticket's due time has passed.
    public func days(_ count: Int, endingAt now: Date) throws -> [DailyStatistics] {
        let today = (now.timeIntervalSince1970 / Self.secondsPerDay).rounded(.down)
        let first = today - Double(max(count, 1) - 1)
        var days = (0..<max(count, 1)).map { offset in
            DailyStatistics(day: Date(timeIntervalSince1970: (first + Double(offset)) * Self.secondsPerDay))
        }
        let window: [any StatementValue] = [first * Self.secondsPerDay, (today + 1) * Self.secondsPerDay]
        func add(_ sql: String, values: [any StatementValue], _ apply: (inout DailyStatistics, Statement) -> Void) throws {
            let statement = try database.cachedStatement(sql)
            try statement.bind(values)
            while try statement.step() {
                let offset = Int(statement.int64(at: 0) - Int64(first))
                guard days.indices.contains(offset) else { continue }
                apply(&days[offset], statement)
            }
        }
        // `CAST(x AS INTEGER)` truncates; times are after 1970, so that is the floor.
        try add("""
            SELECT CAST(created_at / 86400 AS INTEGER) AS day, sum(kind = 'question'),
                   sum(kind = 'reply' AND reply_type = 'answer')
            FROM messages WHERE created_at >= ? AND created_at < ? GROUP BY day
            """, values: window) { day, row in
            day.questions = Int(row.int64(at: 1))
            day.answered = Int(row.int64(at: 2))
        }
        try add("""
            SELECT CAST(created_at / 86400 AS INTEGER) AS day, priority, count(*),
                   sum(responded_at IS NOT NULL AND responded_at <= due_at),
                   sum(responded_at IS NOT NULL OR due_at < ?)
            FROM tickets WHERE created_at >= ? AND created_at < ? GROUP BY day, priority
            """, values: [now.timeIntervalSince1970] + window) { day, row in
            let opened = Int(row.int64(at: 2))
            day.ticketsByPriority[Int(row.int64(at: 1)), default: 0] += opened
            day.ticketed += opened
            day.slaMet += Int(row.int64(at: 3))
            day.slaKnown += Int(row.int64(at: 4))
        }
        try add("""
            SELECT CAST(created_at / 86400 AS INTEGER) AS day, count(*)
            FROM ticket_follow_ups WHERE created_at >= ? AND created_at < ? GROUP BY day
            """, values: window) { day, row in
            day.ticketed += Int(row.int64(at: 1))
        }
        return days
    }
}
