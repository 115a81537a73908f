import HelplineClient
import Testing

/// What the server does with WebSocket frames rather than protocol messages: fragments it must
/// reassemble, and the limits and payloads after which it closes with the RFC 6455 status code.
struct WebSocketLimitTests {
    /// Fragments are reassembled by bytes before the text is decoded, so a split inside a
    /// character ("ø" is two bytes in UTF-8) must not matter.
    @Test(arguments: [2, 3, 7])
    func fragmentedMessageIsReassembledAndAnswered(fragments: Int) throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let chat = fixture.connect()

        chat.send(json: ["type": "ask", "id": "frag", "text": "Jeg har glemt min adgangskode, hvad gør jeg?"], fragments: fragments)
        let reply = try chat.nextObject(ofType: "answer")
        #expect(reply["replyTo"] as? String == "frag")
        let article = (reply["articles"] as? [[String: Any]])?.first
        #expect(article?["id"] as? String == "reset-password", "\(reply)")
    }

    /// The default limit is 16 KiB across all fragments; more closes with 1009 (message too big).
    @Test(arguments: [1, 5])
    func messageOverTheLimitClosesWith1009(fragments: Int) throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let chat = fixture.connect()

        let text = String(repeating: "password ", count: 17 * 1024 / 9 + 1)
        chat.send(json: ["type": "ask", "id": "big", "text": text], fragments: fragments)
        #expect(try chat.nextTerminalEvent() == .closed(code: 1009))
    }

    /// Just under the limit is fine (the question-length check answers it instead).
    @Test func messageJustUnderTheLimitIsNotClosed() throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let chat = fixture.connect()

        let envelope = jsonText(["type": "ask", "id": "edge", "text": ""])
        let padding = String(repeating: " ", count: 16 * 1024 - envelope.utf8.count)
        chat.send(envelope.dropLast() + padding + "}")
        let reply = try chat.nextObject(ofType: "error")
        #expect(reply["code"] as? String == "bad_request")
        #expect(reply["replyTo"] as? String == "edge")
    }

    @Test func binaryMessageClosesWith1003() throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let chat = fixture.connect()

        chat.send(binary: Array(#"{"type":"hello"}"#.utf8))
        #expect(try chat.nextTerminalEvent() == .closed(code: 1003))
    }

    @Test(arguments: [
        [0xFF, 0xFE],  // never valid in UTF-8
        [0xC3],  // the first half of "ø", and the message ends
        [0xED, 0xA0, 0x80],  // an encoded UTF-16 surrogate
    ] as [[UInt8]])
    func invalidUTF8ClosesWith1007(bad: [UInt8]) throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let chat = fixture.connect()

        chat.send(rawText: Array(#"{"type":"ask","id":"u","text":""#.utf8) + bad + Array(#""}"#.utf8))
        #expect(try chat.nextTerminalEvent() == .closed(code: 1007), "\(bad)")
    }

    /// The chat lives at `/chat` only; the handshake for any other path is refused, and the
    /// server goes on serving `/chat`.
    @Test(arguments: ["/", "/chat/", "/other", "/chatroom"])
    func otherPathsAreRefused(path: String) throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }

        let refused = fixture.connect(path: path)
        let event = try refused.next(timeout: eventTimeout)
        guard case .failed = event else {
            Issue.record("\(path): expected the handshake to fail, got \(event)")
            return
        }

        let chat = fixture.connect()
        chat.send(json: ["type": "hello"])
        _ = try chat.nextObject(ofType: "welcome")
    }

    /// A client's close gets the server's close back, and the server keeps serving.
    @Test func clientCloseIsAnswered() throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let chat = fixture.connect()
        chat.send(json: ["type": "hello"])
        _ = try chat.nextObject(ofType: "welcome")

        chat.close()
        guard case .closed = try chat.nextTerminalEvent() else {
            Issue.record("expected the connection to close")
            return
        }
        let next = fixture.connect()
        next.send(json: ["type": "hello"])
        _ = try next.nextObject(ofType: "welcome")
    }
}
