import Foundation

/// What the policy offers a user whose question the help center could not answer.
public enum Escalation: Sendable, Equatable {
    /// Open a ticket; the user may also reach support through these channels.
    case ticket(channels: [Policy.Channel])
    /// Self-service only. `paidAccountMember` says whether the user is a member of a paid
    /// account, whose owner or admin could contact support for them.
    case selfService(paidAccountMember: Bool)
}

extension Policy {
    /// The escalation this identity is entitled to: the plan × role table of DESIGN.md.
    public func escalation(for identity: Identity) -> Escalation {
        let channels = channels(plan: identity.plan, role: identity.role)
        if !channels.isEmpty { return .ticket(channels: channels) }
        return .selfService(paidAccountMember: plan(identity.plan)?.paid == true)
    }

    /// The priority level's definition, or the lowest when the level is unknown.
    public func priority(level: Int) -> Priority {
        priorities.first { $0.level == level } ?? priorities.max { $0.level < $1.level }
            ?? Priority(level: 4, name: "Low", meaning: "", firstResponseHours: 24)
    }

    /// When the first response is due: wall-clock hours after creation, since support runs 24/7.
    public func responseDue(level: Int, createdAt: Date) -> Date {
        createdAt.addingTimeInterval(TimeInterval(priority(level: level).firstResponseHours) * 3600)
    }
}
