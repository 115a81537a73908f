import Foundation
import HelplineCore
import Testing

/// The escalation table of DESIGN.md, response targets, and SLA states.
struct EscalationTests {
    static let staff: [Policy.Channel] = [.online, .chat, .phone]

    @Test(arguments: [
        ("free", "owner", Escalation.selfService(paidAccountMember: false)),
        ("free", "admin", .selfService(paidAccountMember: false)),
        ("free", "member", .selfService(paidAccountMember: false)),
        ("pro", "owner", .ticket(channels: [.online])),
        ("pro", "admin", .ticket(channels: [.online])),
        ("pro", "member", .selfService(paidAccountMember: true)),
        ("business", "owner", .ticket(channels: staff)),
        ("business", "admin", .ticket(channels: staff)),
        ("business", "member", .selfService(paidAccountMember: true)),
        ("education", "owner", .ticket(channels: staff)),
        ("education", "member", .selfService(paidAccountMember: true)),
        ("enterprise", "admin", .ticket(channels: staff)),
        ("enterprise", "member", .selfService(paidAccountMember: true)),
        ("api", "owner", .ticket(channels: staff)),
        ("api", "member", .selfService(paidAccountMember: true)),
        ("business", "lead", .selfService(paidAccountMember: true)),
        ("platinum", "owner", .selfService(paidAccountMember: false)),
    ])
    func escalationByPlanAndRole(plan: String, role: String, expected: Escalation) {
        let identity = Identity(userID: "u", account: "a", plan: plan, role: role)
        #expect(Policy.builtIn.escalation(for: identity) == expected, "\(plan) \(role)")
    }

    @Test(arguments: [(1, 1.0), (2, 4.0), (3, 24.0), (4, 24.0)])
    func responseIsDueTheTargetAfterCreation(level: Int, hours: Double) {
        let created = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(Policy.builtIn.responseDue(level: level, createdAt: created) == created.addingTimeInterval(hours * 3600))
    }

    @Test(arguments: [
        (nil as Double?, -1.0, SLAState.due),
        (nil, 1, .breached),
        (-10, 1, .met),
        (0, 1, .met),
        (10, 20, .breached),
    ])
    func slaState(respondedAfterDue: Double?, nowAfterDue: Double, expected: SLAState) {
        let due = Date(timeIntervalSince1970: 1_800_000_000)
        let state = SLAState(
            due: due, respondedAt: respondedAfterDue.map { due.addingTimeInterval($0) }, now: due.addingTimeInterval(nowAfterDue))
        #expect(state == expected)
    }
}
