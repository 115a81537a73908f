import Foundation
import HelplineCore

/// A stored ticket.
public struct TicketRecord: Sendable, Equatable {
    public var id: Int64
    public var userKey: String
    public var account: String?
    public var plan: String
    public var role: String
    public var conversation: String?
    public var question: String
    public var priority: Int
    public var reason: String
    public var channels: [Policy.Channel]
    public var createdAt: Date
    public var dueAt: Date
    public var status: TicketStatus
    public var respondedAt: Date?
    public var solvedAt: Date?

    /// The id users and support see, e.g. `HL-42`.
    public var reference: String { Self.reference(id) }

    /// The reference of ticket `id`, e.g. `HL-42`.
    public static func reference(_ id: Int64) -> String { "HL-\(id)" }

    /// Whether the first-response target is kept, as of `now`.
    public func sla(now: Date) -> SLAState {
        SLAState(due: dueAt, respondedAt: respondedAt, now: now)
    }
}
