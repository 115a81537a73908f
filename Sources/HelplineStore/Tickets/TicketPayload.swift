import Foundation
import HelplineCore

/// A ticket as the webhook sends it: plain JSON a helpdesk (Zendesk, Zammad, Jira) can map.
struct TicketPayload: Encodable {
    var event = "ticket.created"
    var id: String
    var priority: Int
    var priorityName: String
    var reason: String
    var question: String
    var user: String
    var account: String?
    var plan: String
    var role: String
    var channels: [String]
    var conversation: String?
    var createdAt: String
    var responseDue: String

    init(_ ticket: TicketRecord, policy: Policy) {
        id = ticket.reference
        priority = ticket.priority
        priorityName = policy.priority(level: ticket.priority).name
        reason = ticket.reason
        question = ticket.question
        user = ticket.userKey
        account = ticket.account
        plan = ticket.plan
        role = ticket.role
        channels = ticket.channels.map(\.rawValue)
        conversation = ticket.conversation
        createdAt = ticket.createdAt.formatted(.iso8601)
        responseDue = ticket.dueAt.formatted(.iso8601)
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
