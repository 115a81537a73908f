import Foundation
import HelplineCore

extension TicketStore {
    /// Which tickets ``TicketStore/list(_:now:)`` returns: every filter that is set must hold.
    public struct Filter: Sendable, Equatable {
        /// A status, or `unsolved` for open and responded together.
        public enum Status: String, Sendable, Equatable, CaseIterable {
            case open, responded, solved, unsolved
        }

        public var status: Status?
        /// Only tickets of this priority (1 urgent … 4 low).
        public var priority: Int?
        /// true: only tickets whose first response is late (``SLAState/breached``); false: only the others.
        public var breaching: Bool?
        /// Only tickets not yet responded to or solved whose first response is due within this many
        /// seconds from now, overdue ones included: what needs an answer next.
        public var dueWithin: TimeInterval?
        /// At most this many tickets, the soonest due first.
        public var limit: Int?

        public init(
            status: Status? = nil, priority: Int? = nil, breaching: Bool? = nil, dueWithin: TimeInterval? = nil,
            limit: Int? = nil
        ) {
            self.status = status
            self.priority = priority
            self.breaching = breaching
            self.dueWithin = dueWithin
            self.limit = limit
        }
    }

    /// The tickets that pass `filter` as of `now`, soonest due first.
    ///
    /// The filters run in SQL, so a store of many solved tickets is not read to find the few open
    /// ones; the SLA test is ``SLAState``'s, written as a condition on the times.
    public func list(_ filter: Filter, now: Date) throws -> [TicketRecord] {
        var conditions: [String] = []
        var values: [any StatementValue] = []
        switch filter.status {
        case nil: break
        case .unsolved?: conditions.append("status != 'solved'")
        case let status?:
            conditions.append("status = ?")
            values.append(status.rawValue)
        }
        if let priority = filter.priority {
            conditions.append("priority = ?")
            values.append(priority)
        }
        if let breaching = filter.breaching {
            let late = "((responded_at IS NOT NULL AND responded_at > due_at) OR (responded_at IS NULL AND due_at < ?))"
            conditions.append(breaching ? late : "NOT \(late)")
            values.append(now.timeIntervalSince1970)
        }
        if let dueWithin = filter.dueWithin {
            conditions.append("responded_at IS NULL AND status != 'solved' AND due_at <= ?")
            values.append(now.timeIntervalSince1970 + dueWithin)
        }
        let condition = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        // Few distinct shapes (one per combination of filters), so caching by SQL text stays small.
        let statement = try database.cachedStatement(
            "SELECT \(Self.columns) FROM tickets \(condition) ORDER BY due_at, id LIMIT ?")
        try statement.bind(values + [filter.limit ?? -1])
        var records: [TicketRecord] = []
        while try statement.step() { records.append(Self.record(statement)) }
        return records
    }
}
