import Foundation

/// A message from a chat client, protocol v1 (DESIGN.md, "Chat protocol").
enum ClientMessage: Equatable {
    /// Introduces the user; optional.
    case hello(token: String?, session: String?, locale: String?)
    /// A question; `id` comes back as the reply's `replyTo`.
    case ask(id: String?, text: String)
    /// Whether an answer helped; `false` leads on to escalation.
    case feedback(replyTo: String, helpful: Bool)
    /// The user asks for a person about `text`, or about their last question.
    case escalate(id: String?, text: String?)

    /// The longest question accepted, in characters; the message limit bounds it too.
    static let maximumQuestionLength = 4_000

    /// Decodes one text frame.
    ///
    /// The envelope is read first, so that a message with a known `type` but wrong fields is a
    /// `bad_request` that still names the question's id.
    /// - Throws: ``ProtocolError`` with `bad_json`, `unknown_type` or `bad_request`.
    static func decode(_ text: String) throws(ProtocolError) -> ClientMessage {
        let data = Data(text.utf8)
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: data)
        } catch {
            throw ProtocolError(code: .badJSON, message: "the message must be one JSON object")
        }
        guard let type = envelope.type else {
            throw ProtocolError(code: .unknownType, message: "the message needs a string 'type'", replyTo: envelope.id?.text)
        }
        func fields<Fields: Decodable>(_: Fields.Type) throws(ProtocolError) -> Fields {
            do {
                return try JSONDecoder().decode(Fields.self, from: data)
            } catch {
                throw ProtocolError(code: .badRequest, message: "'\(type)': \(Self.describe(error))", replyTo: envelope.id?.text)
            }
        }
        switch type {
        case "hello":
            let hello = try fields(HelloFields.self)
            return .hello(token: hello.token, session: hello.session, locale: hello.locale)
        case "ask":
            let ask = try fields(AskFields.self)
            guard !ask.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ProtocolError(code: .badRequest, message: "the question is empty", replyTo: ask.id?.text)
            }
            guard ask.text.count <= maximumQuestionLength else {
                throw ProtocolError(
                    code: .badRequest, message: "the question is longer than \(maximumQuestionLength) characters",
                    replyTo: ask.id?.text)
            }
            return .ask(id: ask.id?.text, text: ask.text)
        case "feedback":
            let feedback = try fields(FeedbackFields.self)
            return .feedback(replyTo: feedback.replyTo.text, helpful: feedback.helpful)
        case "escalate":
            let escalate = try fields(EscalateFields.self)
            return .escalate(id: escalate.id?.text, text: escalate.text)
        default:
            throw ProtocolError(code: .unknownType, message: "unknown message type '\(type.prefix(40))'", replyTo: envelope.id?.text)
        }
    }

    /// Which field was wrong, without echoing the client's data.
    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _): "missing '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            "wrong type for '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        default: "bad fields"
        }
    }
}

/// An id as clients send it: a string or a number, echoed back as text.
struct MessageID: Decodable, Equatable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            text = string
        } else if let number = try? container.decode(Int64.self) {
            text = String(number)
        } else {
            throw DecodingError.typeMismatch(
                String.self, .init(codingPath: decoder.codingPath, debugDescription: "an id is a string or an integer"))
        }
    }
}

/// The fields every message has. A `type` or `id` of the wrong kind reads as absent here.
private struct Envelope: Decodable {
    var type: String?
    var id: MessageID?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try? container.decodeIfPresent(String.self, forKey: .type)
        id = try? container.decodeIfPresent(MessageID.self, forKey: .id)
    }

    enum CodingKeys: String, CodingKey { case type, id }
}

private struct HelloFields: Decodable {
    var token: String?
    var session: String?
    var locale: String?
}

private struct AskFields: Decodable {
    var id: MessageID?
    var text: String
}

private struct EscalateFields: Decodable {
    var id: MessageID?
    var text: String?
}

private struct FeedbackFields: Decodable {
    var replyTo: MessageID
    var helpful: Bool
}
