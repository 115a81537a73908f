import Foundation

/// Where a ticket stands.
public enum TicketStatus: String, Sendable, Equatable, CaseIterable, Codable {
    case open, responded, solved
}

/// Whether the first-response target is kept.
public enum SLAState: String, Sendable, Equatable, Codable {
    /// No response yet, and the due time has not passed.
    case due
    /// The first response came in time.
    case met
    /// The first response came late, or has not come and the due time has passed.
    case breached

    /// The state of a ticket due at `due`, first answered at `respondedAt` (nil if not yet), seen at `now`.
    public init(due: Date, respondedAt: Date?, now: Date) {
        if let respondedAt {
            self = respondedAt <= due ? .met : .breached
        } else {
            self = now <= due ? .due : .breached
        }
    }
}
