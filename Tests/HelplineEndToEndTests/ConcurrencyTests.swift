import HelplineClient
import Testing

/// Many conversations at once on the server's one service thread.
struct ConcurrencyTests {
    static let questions = [
        "I forgot my password", "how do I cancel my subscription", "my microphone is not working",
        "how do I share my screen", "Jeg har glemt min adgangskode", "min mikrofon virker ikke",
        "what's the capital of France", "hvordan deler jeg min skaerm",
    ]

    /// 200 chats open at the same time, all on one client context and thread, each asking one
    /// question: every chat gets exactly its own reply.
    @Test func twoHundredConcurrentConversations() throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let count = 200

        let chats = (0..<count).map { _ in fixture.connect() }
        // All open before anyone asks, so the 200 really are concurrent.
        for chat in chats { try chat.waitUntilOpen(timeout: eventTimeout) }
        for (number, chat) in chats.enumerated() {
            chat.send(json: ["type": "ask", "id": "c-\(number)", "text": Self.questions[number % Self.questions.count]])
        }
        for (number, chat) in chats.enumerated() {
            let reply = try chat.nextObject()
            #expect(reply["replyTo"] as? String == "c-\(number)", "\(reply)")
            let type = reply["type"] as? String
            #expect(type == "answer" || type == "clarify" || type == "escalation", "chat \(number): \(reply)")
        }
    }

    /// Several questions on each of many chats, interleaved: each chat's replies stay in order.
    @Test func interleavedChatsKeepTheirOwnOrder() throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let chats = (0..<20).map { _ in fixture.connect() }
        for round in 0..<3 {
            for (number, chat) in chats.enumerated() {
                chat.send(json: ["type": "ask", "id": "\(number)-\(round)", "text": Self.questions[(number + round) % Self.questions.count]])
            }
        }
        for (number, chat) in chats.enumerated() {
            let replyTo = try (0..<3).map { _ in try chat.nextObject()["replyTo"] as? String }
            #expect(replyTo == (0..<3).map { "\(number)-\($0)" })
        }
    }
}
