import Foundation
import HelplineClient
import Testing

/// The chat protocol v1 (DESIGN.md, "Chat protocol") over a real socket: what a browser widget
/// or a terminal client sees.
struct ChatProtocolTests {
    @Test func anonymousHelloIsWelcomedAsFreeMember() throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let chat = fixture.connect()
        #expect(try chat.waitUntilOpen(timeout: eventTimeout) == "helpline.v1")

        chat.send(json: ["type": "hello"])
        let welcome = try chat.nextObject(ofType: "welcome")
        #expect((welcome["session"] as? String)?.isEmpty == false, "\(welcome)")
        let user = try #require(welcome["user"] as? [String: Any])
        #expect(user["plan"] as? String == "free")
        #expect(user["role"] as? String == "member")
        #expect(user["entitled"] as? Bool == false)
    }

    /// DESIGN.md: "a client that names none is accepted".
    @Test func clientWithoutSubprotocolIsAccepted() throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let chat = fixture.connect(subprotocol: nil)
        #expect(try chat.waitUntilOpen(timeout: eventTimeout) == nil)
        chat.send(json: ["type": "hello"])
        _ = try chat.nextObject(ofType: "welcome")
    }

    @Test func askGetsAnAnswerWithItsArticle() throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let chat = fixture.connect()

        chat.send(json: ["type": "ask", "id": "q-1", "text": "I forgot my password"])
        let answer = try chat.nextObject(ofType: "answer")
        #expect(answer["replyTo"] as? String == "q-1")
        #expect((answer["text"] as? String)?.isEmpty == false)
        let confidence = try #require(answer["confidence"] as? Double)
        #expect(confidence > 0 && confidence <= 1)
        let articles = try #require(answer["articles"] as? [[String: Any]])
        let article = try #require(articles.first)
        #expect(article["id"] as? String == "reset-password")
        for key in ["title", "snippet", "section"] {
            #expect((article[key] as? String)?.isEmpty == false, "article lacks '\(key)': \(article)")
        }
    }

    /// A numeric id comes back as text: clients may count their questions.
    @Test func numericIDComesBackAsText() throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let chat = fixture.connect()
        chat.send(#"{"type":"ask","id":7,"text":"how do I share my screen"}"#)
        let reply = try chat.nextObject()
        #expect(reply["replyTo"] as? String == "7", "\(reply)")
    }

    @Test func offTopicQuestionEscalatesToSelfService() throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let chat = fixture.connect()

        chat.send(json: ["type": "ask", "id": "q-2", "text": "what's the capital of France"])
        let escalation = try chat.nextObject(ofType: "escalation")
        #expect(escalation["replyTo"] as? String == "q-2")
        // An anonymous free member is entitled to no tickets.
        #expect(escalation["outcome"] as? String == "self_service")
        #expect(escalation["ticket"] == nil)
        let resources = try #require(escalation["resources"] as? [[String: Any]])
        #expect(!resources.isEmpty)
        #expect(resources.allSatisfy { ($0["title"] as? String)?.isEmpty == false && $0["kind"] is String }, "\(resources)")
    }

    @Test func unhelpfulFeedbackLeadsToEscalation() throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let chat = fixture.connect()

        chat.send(json: ["type": "ask", "id": "q-3", "text": "my microphone is not working"])
        _ = try chat.nextObject(ofType: "answer")
        chat.send(json: ["type": "feedback", "replyTo": "q-3", "helpful": false])
        let escalation = try chat.nextObject(ofType: "escalation")
        #expect(escalation["replyTo"] as? String == "q-3")
        #expect(escalation["outcome"] as? String == "self_service")
        #expect((escalation["text"] as? String ?? "").hasPrefix("Sorry that didn't help."), "\(escalation)")
    }

    /// Helpful feedback needs no reply; the next reply is the next question's.
    @Test func helpfulFeedbackGetsNoReply() throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let chat = fixture.connect()

        chat.send(json: ["type": "ask", "id": "a", "text": "I forgot my password"])
        _ = try chat.nextObject(ofType: "answer")
        chat.send(json: ["type": "feedback", "replyTo": "a", "helpful": true])
        chat.send(json: ["type": "ask", "id": "b", "text": "how do I share my screen"])
        #expect(try chat.nextObject()["replyTo"] as? String == "b")
    }

    @Test func repliesComeInTheOrderAsked() throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let chat = fixture.connect()
        let questions = [
            "I forgot my password", "what's the capital of France", "how do I cancel my subscription",
            "min mikrofon virker ikke", "how do I share my screen", "hvordan opsiger jeg mit abonnement",
        ]
        for (number, question) in questions.enumerated() {
            chat.send(json: ["type": "ask", "id": "q-\(number)", "text": question])
        }
        let replyTo = try questions.indices.map { _ in try chat.nextObject()["replyTo"] as? String }
        #expect(replyTo == questions.indices.map { "q-\($0)" })
    }

    @Test func badJSONIsAnErrorAndTheChatGoesOn() throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let chat = fixture.connect()

        chat.send(#"{"type": "ask", "text": "#)
        let error = try chat.nextObject(ofType: "error")
        #expect(error["code"] as? String == "bad_json")
        #expect((error["message"] as? String)?.isEmpty == false)

        chat.send(json: ["type": "ask", "id": "after", "text": "I forgot my password"])
        #expect(try chat.nextObject(ofType: "answer")["replyTo"] as? String == "after")
    }

    @Test func unknownTypeIsAnError() throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let chat = fixture.connect()

        chat.send(json: ["type": "dance", "id": "d-1"])
        let error = try chat.nextObject(ofType: "error")
        #expect(error["code"] as? String == "unknown_type")
        #expect(error["replyTo"] as? String == "d-1")
    }

    @Test(arguments: [
        #"{"type":"ask","id":"w-1","text":42}"#,
        #"{"type":"ask","id":"w-1"}"#,
        #"{"type":"feedback","id":"w-1","replyTo":"x","helpful":"no"}"#,
    ])
    func wrongFieldsAreABadRequest(message: String) throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let chat = fixture.connect()

        chat.send(message)
        let error = try chat.nextObject(ofType: "error")
        #expect(error["code"] as? String == "bad_request", "\(message)")
        #expect(error["replyTo"] as? String == "w-1", "\(message)")
        // Still open: the next question is answered.
        chat.send(json: ["type": "ask", "id": "next", "text": "I forgot my password"])
        #expect(try chat.nextObject()["replyTo"] as? String == "next")
    }
}
