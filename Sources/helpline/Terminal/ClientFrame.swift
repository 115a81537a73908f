import Foundation

/// A message the terminal chat sends, protocol v1 (DESIGN.md, "Chat protocol").
enum ClientFrame: Equatable {
    case hello(token: String?, session: String?, locale: String?)
    case ask(id: String, text: String)
    case feedback(replyTo: String, helpful: Bool)
    /// Asks for a person about `text` (the server falls back to the chat's last question).
    case escalate(id: String, text: String?)

    /// The id the server's reply will carry in `replyTo`; nil when no reply comes (a hello is
    /// answered by `welcome`, helpful feedback by nothing).
    var replyID: String? {
        switch self {
        case .hello: nil
        case .ask(let id, _), .escalate(let id, _): id
        case .feedback(let replyTo, let helpful): helpful ? nil : replyTo
        }
    }

    /// The frame's JSON text, keys sorted.
    var json: String {
        var object: [String: Any]
        switch self {
        case .hello(let token, let session, let locale):
            object = ["type": "hello"]
            object["token"] = token
            object["session"] = session
            object["locale"] = locale
        case .ask(let id, let text):
            object = ["type": "ask", "id": id, "text": text]
        case .feedback(let replyTo, let helpful):
            object = ["type": "feedback", "replyTo": replyTo, "helpful": helpful]
        case .escalate(let id, let text):
            object = ["type": "escalate", "id": id]
            object["text"] = text
        }
        // Strings, booleans and a flat object: serialization cannot fail.
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
