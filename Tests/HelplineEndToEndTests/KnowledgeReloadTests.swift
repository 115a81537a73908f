import Dispatch
import Foundation
import HelplineClient
import HelplineCore
import Synchronization
import Testing

/// `POST /api/v1/knowledge/reload` while chats are open: new articles are answered at once, open
/// chats carry on, concurrent requests all get the report, and a client that hangs up harms nothing.
struct KnowledgeReloadTests {
    static let lead = TestTokens.token(plan: "business", role: "lead", sub: "lead-reload")
    static let llamaQuestion = "What does the office llama eat?"

    static func fixture() throws -> ChatFixture {
        try ChatFixture(verifier: IdentityTokenVerifier(secret: TestTokens.secret), copiesKnowledge: true)
    }

    /// Writes an article about the office llama into the server's knowledge folder.
    static func addLlamaArticle(to fixture: ChatFixture) throws {
        let folder = try #require(fixture.server.knowledge).appendingPathComponent("articles/en/office", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("""
            ---
            id: feed-the-office-llama
            title: Feed the office llama
            section: office
            aliases:
              - What does the office llama eat?
            ---
            The office llama eats hay twice a day; never give it chocolate.
            """.utf8).write(to: folder.appendingPathComponent("feed-the-office-llama.md"))
    }

    static func reload(_ fixture: ChatFixture) throws -> HTTPClient.Response {
        try HTTPClient.send(port: fixture.server.port, method: "POST", path: "/api/v1/knowledge/reload", bearer: lead, timeoutSeconds: 60)
    }

    /// Opens a chat as a business member and says hello.
    static func openChat(_ fixture: ChatFixture, sub: String) throws -> ChatClient {
        let chat = fixture.connect()
        chat.send(json: ["type": "hello", "token": TestTokens.token(plan: "business", role: "member", sub: sub), "locale": "en"])
        _ = try chat.nextObject(ofType: "welcome")
        return chat
    }

    static func ask(_ chat: ChatClient, _ question: String, id: String) throws -> [String: Any] {
        chat.send(json: ["type": "ask", "id": id, "text": question])
        return try chat.nextObject()
    }

    @Test(.timeLimit(.minutes(2)))
    func aNewArticleIsAnsweredInChatsThatStayedOpen() throws {
        let fixture = try Self.fixture()
        defer { fixture.shutDown() }
        let chats = try (0..<3).map { try Self.openChat(fixture, sub: "u\($0)") }
        defer { chats.forEach { $0.close() } }
        for chat in chats {
            #expect(try Self.ask(chat, "How do I reset my password?", id: "before")["type"] as? String == "answer")
        }
        #expect(try Self.ask(chats[0], Self.llamaQuestion, id: "unknown")["type"] as? String == "escalation", "no llama article yet")

        let unchanged = try Self.reload(fixture)
        #expect(unchanged.status == 200, "\(unchanged.text)")
        let files = try #require(try unchanged.json()["files"] as? Int)
        #expect(try unchanged.json()["unchanged"] as? Int == files && unchanged.json()["added"] as? Int == 0, "\(unchanged.text)")

        try Self.addLlamaArticle(to: fixture)
        let reloaded = try Self.reload(fixture)
        #expect(reloaded.status == 200, "\(reloaded.text)")
        let report = try reloaded.json()
        #expect(report["files"] as? Int == files + 1 && report["added"] as? Int == 1 && report["removed"] as? Int == 0, "\(report)")
        #expect(report["issues"] as? [String] == [], "\(report)")

        for (number, chat) in chats.enumerated() {
            let reply = try Self.ask(chat, Self.llamaQuestion, id: "after-\(number)")
            #expect(reply["type"] as? String == "answer", "chat \(number), open across the reload: \(reply)")
            #expect((reply["articles"] as? [[String: Any]])?.first?["id"] as? String == "feed-the-office-llama", "\(reply)")
            #expect(try Self.ask(chat, "How do I reset my password?", id: "still-\(number)")["type"] as? String == "answer")
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func changedSynonymsTakeEffectWithoutARestart() throws {
        let fixture = try Self.fixture()
        defer { fixture.shutDown() }
        let chat = try Self.openChat(fixture, sub: "syn")
        defer { chat.close() }
        let question = "I forgot my qwzxkey"
        #expect(try Self.ask(chat, question, id: "1")["type"] as? String == "escalation", "an unknown word")
        let synonyms = try #require(fixture.server.knowledge).appendingPathComponent("synonyms.yaml")
        let text = try String(contentsOf: synonyms, encoding: .utf8)
        #expect(text.contains("[password, pw, pwd, passwd]"))
        try Data(text.replacingOccurrences(of: "[password, pw, pwd, passwd]", with: "[password, pw, pwd, passwd, qwzxkey]").utf8)
            .write(to: synonyms)
        #expect(try Self.reload(fixture).status == 200)
        let reply = try Self.ask(chat, question, id: "2")
        #expect(reply["type"] as? String == "answer", "the serving index analyses with the new synonyms: \(reply)")
        #expect((reply["articles"] as? [[String: Any]])?.first?["id"] as? String == "reset-password", "\(reply)")
    }

    @Test(.timeLimit(.minutes(2)))
    func concurrentRequestsAllGetTheReport() throws {
        let fixture = try Self.fixture()
        defer { fixture.shutDown() }
        try Self.addLlamaArticle(to: fixture)
        let port = fixture.server.port
        let statuses = Mutex<[Int]>([])
        let reports = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let response = try? HTTPClient.send(
                port: port, method: "POST", path: "/api/v1/knowledge/reload", bearer: Self.lead, timeoutSeconds: 60)
            statuses.withLock { $0.append(response?.status ?? 0) }
            reports.withLock { $0.append(response?.text ?? "") }
        }
        #expect(statuses.withLock { $0 } == [200, 200, 200, 200], "\(reports.withLock { $0 })")
        // Whichever run answered, the new article was indexed by exactly one of them.
        let chat = try Self.openChat(fixture, sub: "after")
        defer { chat.close() }
        #expect(try Self.ask(chat, Self.llamaQuestion, id: "1")["type"] as? String == "answer")
    }

    @Test(.timeLimit(.minutes(2)))
    func aClientThatHangsUpWhileWaitingHarmsNothing() throws {
        let fixture = try Self.fixture()
        defer { fixture.shutDown() }
        let chat = try Self.openChat(fixture, sub: "stays")
        defer { chat.close() }
        try Self.addLlamaArticle(to: fixture)
        for _ in 0..<5 {
            try HTTPClient.sendAndHangUp(port: fixture.server.port, method: "POST", path: "/api/v1/knowledge/reload", bearer: Self.lead)
        }
        let answered = try Self.reload(fixture)
        #expect(answered.status == 200, "\(answered.text)")
        #expect(try HTTPGet.get(port: fixture.server.port, path: "/healthz").status == 200)
        #expect(try Self.ask(chat, Self.llamaQuestion, id: "1")["type"] as? String == "answer")
    }

    @Test(.timeLimit(.minutes(1)))
    func aBrokenArticleIsReportedAndTheRestStillServes() throws {
        let fixture = try Self.fixture()
        defer { fixture.shutDown() }
        let broken = try #require(fixture.server.knowledge).appendingPathComponent("articles/en/office/broken.md")
        try FileManager.default.createDirectory(at: broken.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("---\ntitle: [unclosed\n---\nbody\n".utf8).write(to: broken)
        let reloaded = try Self.reload(fixture)
        #expect(reloaded.status == 200, "\(reloaded.text)")
        let issues = try #require(try reloaded.json()["issues"] as? [String])
        #expect(issues.count == 1 && issues[0].hasPrefix("articles/en/office/broken.md:"), "\(issues)")
        let chat = try Self.openChat(fixture, sub: "rest")
        defer { chat.close() }
        #expect(try Self.ask(chat, "How do I reset my password?", id: "1")["type"] as? String == "answer")
    }

    @Test func withoutAKnowledgeFolderThereIsNothingToReload() throws {
        let fixture = try ChatFixture(verifier: IdentityTokenVerifier(secret: TestTokens.secret))
        defer { fixture.shutDown() }
        let response = try Self.reload(fixture)
        #expect(response.status == 404 && response.errorCode == "not_found", "\(response.text)")
    }
}
