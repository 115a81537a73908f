import Foundation
import HelplineCore

extension ReviewLog {
    /// One recorded question of a group: what was asked, when, by whom, and how it ended.
    public struct Question: Sendable, Equatable {
        public var question: String
        public var at: Date
        public var plan: String
        public var role: String
        /// `ticket`, `self_service`, ...: the escalation's outcome.
        public var outcome: String
        /// The ticket the question opened or joined, if any.
        public var ticketID: Int64?
        public var conversation: String?
    }

    /// A group with every question it ever had counted, whatever its status; nil when there is no
    /// group `id`.
    public func group(_ id: Int64) throws -> Group? {
        let statement = try database.cachedStatement("""
            SELECT g.id, g.locale, g.status, count(u.id), coalesce(min(u.created_at), g.first_seen),
                   coalesce(max(u.created_at), g.last_seen)
            FROM question_groups g LEFT JOIN unanswered u ON u.group_id = g.id
            WHERE g.id = ? GROUP BY g.id
            """)
        try statement.bind([id])
        let group = try statement.firstRow { row in
            Group(
                id: row.int64(at: 0), locale: row.string(at: 1) ?? "", status: row.string(at: 2) ?? "",
                count: Int(row.int64(at: 3)), firstSeen: Date(timeIntervalSince1970: row.double(at: 4)),
                lastSeen: Date(timeIntervalSince1970: row.double(at: 5)), examples: [], outcomes: [:], closestArticles: [])
        }
        return try group.map { try detailed($0, since: .distantPast) }
    }

    /// A group's questions, most recent first.
    ///
    /// - Parameter limit: at most this many; a large group has thousands, and a reader wants the latest.
    public func questions(of id: Int64, limit: Int) throws -> [Question] {
        let statement = try database.cachedStatement("""
            SELECT question, created_at, plan, role, outcome, ticket_id, conversation_id
            FROM unanswered WHERE group_id = ? ORDER BY created_at DESC, id DESC LIMIT ?
            """)
        try statement.bind([id, limit])
        var questions: [Question] = []
        while try statement.step() {
            questions.append(Question(
                question: statement.string(at: 0) ?? "", at: Date(timeIntervalSince1970: statement.double(at: 1)),
                plan: statement.string(at: 2) ?? "", role: statement.string(at: 3) ?? "", outcome: statement.string(at: 4) ?? "",
                ticketID: statement.isNull(at: 5) ? nil : statement.int64(at: 5), conversation: statement.string(at: 6)))
        }
        return questions
    }
}
