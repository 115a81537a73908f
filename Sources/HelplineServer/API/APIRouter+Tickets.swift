import Foundation
import HelplineCore
import HelplineStore

extension APIRouter {
    /// Tickets a listing returns when the request names no `limit`; `limit` goes up to ``maximumTickets``.
    static let defaultTickets = 1000
    static let maximumTickets = 10_000

    /// `GET /api/v1/tickets?status=…&priority=…&breaching=…&due_within=…&limit=…`: soonest due first.
    func tickets(_ request: HTTPRequest, now: Date) throws -> HTTPResponse {
        let tickets = try required(tickets, "tickets")
        let status = try APIQuery.choice(
            "status", request.query("status"), of: TicketStore.Filter.Status.allCases.map(\.rawValue)
        ).flatMap(TicketStore.Filter.Status.init(rawValue:))
        let filter = TicketStore.Filter(
            status: status,
            priority: try APIQuery.integer("priority", request.query("priority"), in: 1...4),
            breaching: try APIQuery.boolean("breaching", request.query("breaching")),
            dueWithin: try APIQuery.number("due_within", request.query("due_within"), maximum: 24 * 366).map { $0 * 3600 },
            limit: try APIQuery.integer("limit", request.query("limit"), in: 1...Self.maximumTickets) ?? Self.defaultTickets)
        let records = try tickets.list(filter, now: now)
        return .json(200, TicketList(tickets: records.map { TicketEntry($0, policy: policy, now: now) }))
    }
}

private struct TicketList: Encodable {
    var tickets: [TicketEntry]
}

/// A ticket as the API shows it, with its SLA state as of the request.
private struct TicketEntry: Encodable {
    var id: String
    var priority: Int
    var priorityName: String
    var status: String
    var question: String
    @NullWhenAbsent var account: String?
    var plan: String
    var role: String
    var channels: [String]
    var createdAt: Date
    var dueAt: Date
    @NullWhenAbsent var respondedAt: Date?
    @NullWhenAbsent var solvedAt: Date?
    /// `pending` while the first response is not late yet, then `met` or `breached`.
    var sla: String
    /// Whole seconds until the first response is due, negative when overdue; null once responded.
    @NullWhenAbsent var secondsLeft: Int?

    init(_ ticket: TicketRecord, policy: Policy, now: Date) {
        id = ticket.reference
        priority = ticket.priority
        priorityName = policy.priority(level: ticket.priority).name
        status = ticket.status.rawValue
        question = ticket.question
        account = ticket.account
        plan = ticket.plan
        role = ticket.role
        channels = ticket.channels.map(\.rawValue)
        createdAt = ticket.createdAt
        dueAt = ticket.dueAt
        respondedAt = ticket.respondedAt
        solvedAt = ticket.solvedAt
        switch ticket.sla(now: now) {
        case .due: sla = "pending"
        case .met: sla = "met"
        case .breached: sla = "breached"
        }
        secondsLeft = ticket.respondedAt == nil ? Int(ticket.dueAt.timeIntervalSince(now).rounded(.down)) : nil
    }
}
