import HelplineClient
import Testing

/// The server's plain HTTP side and its shutdown, as `helpline serve` and its supervisor see them.
struct ShutdownTests {
    /// `stop()` with chats open: each gets close 1001 (going away), and `run()` returns within
    /// 2 s, well inside the grace period plus the time a close handshake takes.
    @Test func stopClosesOpenChatsWith1001() throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let chats = (0..<25).map { _ in fixture.connect() }
        for chat in chats {
            chat.send(json: ["type": "hello"])
            _ = try chat.nextObject(ofType: "welcome")
        }

        let took = try fixture.server.stop(within: .seconds(2))
        for (number, chat) in chats.enumerated() {
            #expect(try chat.nextTerminalEvent() == .closed(code: 1001), "chat \(number)")
        }
        #expect(took < .seconds(2))
    }

    /// Without chats the server has nothing to wait for.
    @Test func stopWithoutChatsReturnsAtOnce() throws {
        let server = try TestServer()
        let took = try server.stop(within: .seconds(2))
        #expect(took < .seconds(1))
    }

    /// A reply the server already queued still goes out before the close.
    @Test func stopAfterAQuestionStillDeliversTheReply() throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let chat = fixture.connect()
        chat.send(json: ["type": "hello"])
        _ = try chat.nextObject(ofType: "welcome")
        chat.send(json: ["type": "ask", "id": "last", "text": "I forgot my password"])
        #expect(try chat.nextObject()["replyTo"] as? String == "last")

        try fixture.server.stop(within: .seconds(2))
        #expect(try chat.nextTerminalEvent() == .closed(code: 1001))
    }

    @Test func healthzAnswers200() throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let response = try HTTPGet.get(port: fixture.server.port, path: "/healthz")
        #expect(response.status == 200, "\(response.headers)")
        #expect(response.body == "ok\n")
    }

    /// Plain HTTP and chats share the port: a health check between chat messages disturbs nothing.
    @Test func healthzWhileChatting() throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let chat = fixture.connect()
        chat.send(json: ["type": "ask", "id": "1", "text": "I forgot my password"])
        _ = try chat.nextObject()
        #expect(try HTTPGet.get(port: fixture.server.port, path: "/healthz").status == 200)
        chat.send(json: ["type": "ask", "id": "2", "text": "how do I share my screen"])
        #expect(try chat.nextObject()["replyTo"] as? String == "2")
    }

    @Test func unknownHTTPPathIs404() throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        #expect(try HTTPGet.get(port: fixture.server.port, path: "/no-such-page").status == 404)
    }
}
