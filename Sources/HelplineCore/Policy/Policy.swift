/// The support policy: which plans exist, which contact channels each role of each plan may
/// use, the ticket priority levels with their first-response targets, and the self-service
/// resources offered to everyone else.
///
/// Read from `knowledge/policy.yaml` with ``PolicyLoader``; ``Policy/builtIn`` is the seed's
/// policy and equals the shipped file.
public struct Policy: Sendable, Equatable, Codable {
    /// When support answers, in words (support runs around the clock, so targets are wall-clock hours).
    public var supportHours: String
    public var plans: [Plan]
    public var priorities: [Priority]
    public var selfService: [Resource]

    public init(supportHours: String, plans: [Plan], priorities: [Priority], selfService: [Resource]) {
        self.supportHours = supportHours
        self.plans = plans
        self.priorities = priorities
        self.selfService = selfService
    }

    enum CodingKeys: String, CodingKey {
        case supportHours = "support_hours"
        case plans, priorities
        case selfService = "self_service"
    }

    /// A subscription plan and the contact channels it gives each role.
    public struct Plan: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        public var paid: Bool
        /// Role (`owner`, `admin`, `member`, ...) to the channels it may use; none means self-service only.
        public var channels: [String: [Channel]]

        public init(id: String, name: String, paid: Bool, channels: [String: [Channel]]) {
            self.id = id
            self.name = name
            self.paid = paid
            self.channels = channels
        }
    }

    /// A way to reach a person in support.
    public enum Channel: String, Sendable, Equatable, Codable, CaseIterable {
        /// A ticket submitted online.
        case online
        /// Live chat with an agent.
        case chat
        case phone
    }

    /// A ticket priority level and its first-response target.
    public struct Priority: Sendable, Equatable, Codable {
        public var level: Int
        public var name: String
        public var meaning: String
        public var firstResponseHours: Int

        public init(level: Int, name: String, meaning: String, firstResponseHours: Int) {
            self.level = level
            self.name = name
            self.meaning = meaning
            self.firstResponseHours = firstResponseHours
        }

        enum CodingKeys: String, CodingKey {
            case level, name, meaning
            case firstResponseHours = "first_response_hours"
        }
    }

    /// A self-service resource: the help center, guides, FAQs, tutorials, release notes.
    public struct Resource: Sendable, Equatable, Codable {
        public var title: String
        public var url: String
        public var kind: String

        public init(title: String, url: String, kind: String) {
            self.title = title
            self.url = url
            self.kind = kind
        }
    }
}

extension Policy {
    /// The plan with this id, or nil when the policy has no such plan.
    public func plan(_ id: String) -> Plan? {
        plans.first { $0.id == id }
    }

    /// The channels a role of a plan may use to reach support; empty means self-service only.
    ///
    /// Unknown plans and roles get no channels: a typo in a token never grants support.
    public func channels(plan: String, role: String) -> [Channel] {
        self.plan(plan)?.channels[role] ?? []
    }
}
