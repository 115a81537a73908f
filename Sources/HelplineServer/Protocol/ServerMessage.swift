import Foundation
import HelplineCore

/// A message the server sends, protocol v1: `welcome`, `error`, or a reply to a question.
enum ServerMessage {
    case welcome(session: String, identity: Identity, entitled: Bool)
    case reply(Reply)
    case error(ProtocolError)

    /// The frame's JSON text.
    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data: Data?
        switch self {
        case .welcome(let session, let identity, let entitled):
            data = try? encoder.encode(Welcome(
                session: session, user: .init(plan: identity.plan, role: identity.role, entitled: entitled)))
        case .reply(let reply):
            data = try? encoder.encode(reply)
        case .error(let error):
            data = try? encoder.encode(ErrorFrame(code: error.code.rawValue, message: error.message, replyTo: error.replyTo))
        }
        // These types always encode; the fallback keeps the connection's order of replies.
        return Array(data ?? Data(#"{"type":"error","code":"internal","message":"could not encode the reply"}"#.utf8))
    }

    private struct Welcome: Encodable {
        var type = "welcome"
        var session: String
        var user: User

        struct User: Encodable {
            var plan: String
            var role: String
            var entitled: Bool
        }
    }

    private struct ErrorFrame: Encodable {
        var type = "error"
        var code: String
        var message: String
        var replyTo: String?
    }
}
