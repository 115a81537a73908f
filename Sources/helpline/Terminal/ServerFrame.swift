import Foundation

/// A message from the server, protocol v1, read leniently: every field but `type` may be
/// missing, so a newer server's extra fields or types never break the terminal chat.
struct ServerFrame: Decodable, Equatable {
    var type: String
    var replyTo: String?
    var text: String?
    // welcome
    var session: String?
    var user: User?
    // answer, clarify
    var articles: [Article]?
    var suggestions: [Suggestion]?
    // escalation
    var outcome: String?
    var ticket: Ticket?
    var resources: [Resource]?
    // error
    var code: String?
    var message: String?

    /// The frame as it arrived, for the JSON-lines mode.
    var raw = ""

    struct User: Decodable, Equatable {
        var plan: String?
        var role: String?
        var entitled: Bool?
    }

    struct Article: Decodable, Equatable {
        var id: String?
        var title: String
        var snippet: String?
        var url: String?
    }

    struct Suggestion: Decodable, Equatable {
        var id: String?
        var title: String
    }

    struct Ticket: Decodable, Equatable {
        var id: String
        var priority: Int?
        var priorityName: String?
        /// ISO 8601, UTC.
        var responseDue: String?
        var channels: [String]?
    }

    struct Resource: Decodable, Equatable {
        var title: String
        var url: String?
        var kind: String?
    }

    private enum CodingKeys: String, CodingKey {
        case type, replyTo, text, session, user, articles, suggestions, outcome, ticket, resources, code, message
    }

    /// Reads one text frame; one that is not a protocol object becomes type `unreadable`.
    static func read(_ text: String) -> ServerFrame {
        var frame = (try? JSONDecoder().decode(ServerFrame.self, from: Data(text.utf8)))
            ?? ServerFrame(type: "unreadable", text: text)
        frame.raw = text
        return frame
    }

    init(
        type: String, replyTo: String? = nil, text: String? = nil, session: String? = nil, user: User? = nil,
        articles: [Article]? = nil, suggestions: [Suggestion]? = nil, outcome: String? = nil, ticket: Ticket? = nil,
        resources: [Resource]? = nil, code: String? = nil, message: String? = nil
    ) {
        self.type = type
        self.replyTo = replyTo
        self.text = text
        self.session = session
        self.user = user
        self.articles = articles
        self.suggestions = suggestions
        self.outcome = outcome
        self.ticket = ticket
        self.resources = resources
        self.code = code
        self.message = message
    }
}
