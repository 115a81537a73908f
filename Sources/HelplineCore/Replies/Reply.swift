import Foundation

/// A message the server sends in reply to a question, as the chat protocol (v1) encodes it.
///
/// Every reply names the question it answers in `replyTo`. See DESIGN.md, "Chat protocol".
public enum Reply: Sendable, Equatable, Encodable {
    case answer(Answer)
    case clarify(Clarify)
    case escalation(Escalation)

    /// One article answers the question.
    public struct Answer: Sendable, Equatable, Encodable {
        public var type = "answer"
        public var replyTo: String?
        public var confidence: Double
        public var text: String
        public var articles: [ArticleSummary]
    }

    /// Two articles are close: the user picks.
    public struct Clarify: Sendable, Equatable, Encodable {
        public var type = "clarify"
        public var replyTo: String?
        public var text: String
        public var suggestions: [Suggestion]
    }

    /// The help center has no answer: a ticket, or self-service resources.
    public struct Escalation: Sendable, Equatable, Encodable {
        public var type = "escalation"
        public var replyTo: String?
        public var outcome: Outcome
        public var text: String
        public var ticket: TicketSummary?
        public var resources: [ResourceLink]?
    }

    /// A ticket as the user sees it: its reference, priority and the promised first response.
    public struct TicketSummary: Sendable, Equatable, Encodable {
        public var id: String
        public var priority: Int
        public var priorityName: String
        /// ISO 8601, UTC.
        public var responseDue: String
        public var channels: [String]

        public init(id: String, priority: Int, priorityName: String, responseDue: Date, channels: [Policy.Channel]) {
            self.id = id
            self.priority = priority
            self.priorityName = priorityName
            self.responseDue = responseDue.formatted(.iso8601)
            self.channels = channels.map(\.rawValue)
        }
    }

    public enum Outcome: String, Sendable, Equatable, Encodable {
        case ticket
        case selfService = "self_service"
    }

    public struct ArticleSummary: Sendable, Equatable, Encodable {
        public var id: String
        public var title: String
        public var snippet: String
        public var url: String?
        public var section: String
    }

    public struct Suggestion: Sendable, Equatable, Encodable {
        public var id: String
        public var title: String
    }

    public struct ResourceLink: Sendable, Equatable, Encodable {
        public var title: String
        public var url: String?
        public var kind: String
    }

    /// The frame's `type`.
    public var type: String {
        switch self {
        case .answer(let answer): answer.type
        case .clarify(let clarify): clarify.type
        case .escalation(let escalation): escalation.type
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .answer(let answer): try answer.encode(to: encoder)
        case .clarify(let clarify): try clarify.encode(to: encoder)
        case .escalation(let escalation): try escalation.encode(to: encoder)
        }
    }
}
