import Testing

@testable import HelplineServer

/// Decoding client frames: every message type, and bad input with the error code it gets.
struct ClientMessageTests {
    @Test(arguments: [
        (#"{"type":"hello"}"#, ClientMessage.hello(token: nil, session: nil, locale: nil)),
        (#"{"type":"hello","token":"t","session":"s","locale":"da"}"#, .hello(token: "t", session: "s", locale: "da")),
        (#"{"type":"hello","token":null}"#, .hello(token: nil, session: nil, locale: nil)),
        (#"{"type":"ask","text":"hi there"}"#, .ask(id: nil, text: "hi there")),
        (#"{"type":"ask","id":"7","text":"q"}"#, .ask(id: "7", text: "q")),
        (#"{"type":"ask","id":7,"text":"q"}"#, .ask(id: "7", text: "q")),
        (#"{"type":"feedback","replyTo":"7","helpful":false}"#, .feedback(replyTo: "7", helpful: false)),
        (#"{"type":"ask","text":"q","extra":{"ignored":true}}"#, .ask(id: nil, text: "q")),
    ])
    func decodes(text: String, expected: ClientMessage) throws {
        #expect(try ClientMessage.decode(text) == expected, "\(text)")
    }

    @Test(arguments: [
        ("not json", ProtocolError.Code.badJSON, nil as String?),
        ("[1,2]", .badJSON, nil),
        ("\"ask\"", .badJSON, nil),
        ("", .badJSON, nil),
        (#"{"text":"q"}"#, .unknownType, nil),
        (#"{"type":5}"#, .unknownType, nil),
        (#"{"type":"teleport","id":"9"}"#, .unknownType, "9"),
        (#"{"type":"ask"}"#, .badRequest, nil),
        (#"{"type":"ask","id":"3","text":42}"#, .badRequest, "3"),
        (#"{"type":"ask","id":"3","text":"   "}"#, .badRequest, "3"),
        (#"{"type":"ask","id":true,"text":"q"}"#, .badRequest, nil),
        (#"{"type":"feedback","replyTo":"1","helpful":"no"}"#, .badRequest, nil),
        (#"{"type":"feedback","replyTo":"1","helpful":1}"#, .badRequest, nil),
        (#"{"type":"feedback","helpful":false}"#, .badRequest, nil),
        (#"{"type":"hello","token":123}"#, .badRequest, nil),
    ])
    func refuses(text: String, code: ProtocolError.Code, replyTo: String?) {
        do {
            let message = try ClientMessage.decode(text)
            Issue.record("\(text) decoded as \(message)")
        } catch {
            #expect(error.code == code, "\(text): \(error)")
            #expect(error.replyTo == replyTo, "\(text): \(error)")
            #expect(!error.message.isEmpty)
        }
    }

    @Test func anOverlongQuestionIsRefused() {
        let text = #"{"type":"ask","id":"x","text":""# + String(repeating: "a", count: ClientMessage.maximumQuestionLength + 1) + #""}"#
        #expect(throws: ProtocolError.self) { try ClientMessage.decode(text) }
    }
}
