import Foundation
import HelplineClient
import HelplineCore
import Testing

/// The HTTP API (docs/API.md) over real sockets, fed by real chats: review groups and what a lead
/// does with them, tickets and their filters, statistics, authorization, and dev tokens.
struct APITests {
    static let lead = TestTokens.token(plan: "business", role: "lead", sub: "lead-1")

    static func fixture(devTokens: Bool = false) throws -> ChatFixture {
        try ChatFixture(
            verifier: IdentityTokenVerifier(secret: TestTokens.secret), devTokens: devTokens ? IdentityTokenSigner(secret: TestTokens.secret) : nil,
            copiesKnowledge: true)
    }

    /// Asks `questions` in one chat as the token's user; returns the replies.
    static func ask(_ fixture: ChatFixture, token: String, _ questions: [String]) throws -> [[String: Any]] {
        let chat = fixture.connect()
        defer { chat.close() }
        chat.send(json: ["type": "hello", "token": token, "locale": "en"])
        _ = try chat.nextObject(ofType: "welcome")
        return try questions.enumerated().map { number, question in
            chat.send(json: ["type": "ask", "id": "\(number)", "text": question])
            return try chat.nextObject()
        }
    }

    static func get(_ fixture: ChatFixture, _ path: String, bearer: String? = lead) throws -> HTTPClient.Response {
        try HTTPClient.send(port: fixture.server.port, path: path, bearer: bearer)
    }

    static func post(_ fixture: ChatFixture, _ path: String, json: [String: Any]? = nil, bearer: String? = lead) throws
        -> HTTPClient.Response
    {
        try HTTPClient.send(
            port: fixture.server.port, method: "POST", path: path, bearer: bearer,
            body: json.map { Array(jsonText($0).utf8) })
    }

    static func group(containing phrase: String, in body: [String: Any]) -> [String: Any]? {
        (body["groups"] as? [[String: Any]])?.first { ($0["examples"] as? [String] ?? []).contains { $0.contains(phrase) } }
    }

    @Test(.timeLimit(.minutes(2)))
    func groupsAreListedResolvedDraftedAndDismissed() throws {
        let fixture = try Self.fixture()
        defer { fixture.shutDown() }
        let member = TestTokens.token(plan: "business", role: "member", sub: "m-1")
        let cheque = ["Can I pay for the service with a cheque from my grandmother?", "Can my grandmother pay for the service with a cheque?"]
        let weather = "Is the weather in Reykjavik sunny tomorrow?"
        let seeded = try Self.ask(fixture, token: member, cheque + [weather])
        #expect(seeded.map { $0["type"] as? String } == ["escalation", "escalation", "escalation"], "\(seeded)")

        let listed = try Self.get(fixture, "/api/v1/groups?since=24h&locale=en")
        #expect(listed.status == 200, "\(listed.text)")
        #expect(listed.header("Cache-Control") == "no-store")
        let chequeGroup = try #require(Self.group(containing: "cheque", in: try listed.json()), "\(listed.text)")
        let weatherGroup = try #require(Self.group(containing: "Reykjavik", in: try listed.json()), "\(listed.text)")
        #expect(chequeGroup["count"] as? Int == 2 && chequeGroup["status"] as? String == "open", "\(chequeGroup)")
        #expect(chequeGroup["outcomes"] as? [String: Int] == ["self_service": 2], "\(chequeGroup)")
        #expect((chequeGroup["firstSeen"] as? String)?.hasSuffix("Z") == true, "\(chequeGroup)")
        let chequeID = try #require(chequeGroup["id"] as? Int)
        let weatherID = try #require(weatherGroup["id"] as? Int)
        #expect(try (Self.get(fixture, "/api/v1/groups?locale=da").json()["groups"] as? [Any])?.isEmpty == true)

        let detail = try Self.get(fixture, "/api/v1/groups/\(chequeID)").json()
        #expect(Set(detail["phrasings"] as? [String] ?? []) == Set(cheque), "\(detail)")
        let questions = try #require(detail["questions"] as? [[String: Any]])
        #expect(questions.map { $0["question"] as? String } == cheque.reversed().map(Optional.some), "most recent first: \(questions)")
        #expect(questions.allSatisfy { $0["plan"] as? String == "business" && $0["role"] as? String == "member" }, "\(questions)")
        #expect(questions.allSatisfy { $0["ticket"] is NSNull && ($0["conversation"] as? String)?.isEmpty == false }, "\(questions)")
        #expect(try Self.get(fixture, "/api/v1/groups/999999").status == 404)

        let missing = try Self.post(fixture, "/api/v1/groups/\(chequeID)/resolve", json: ["article": "no-such-article"])
        #expect(missing.status == 404 && missing.errorCode == "not_found")
        let resolved = try Self.post(fixture, "/api/v1/groups/\(chequeID)/resolve", json: ["article": "cancel-subscription"])
        #expect(resolved.status == 200, "\(resolved.text)")
        #expect(try resolved.json()["aliases"] as? Int == 2)
        #expect((try resolved.json()["group"] as? [String: Any])?["status"] as? String == "resolved", "\(resolved.text)")
        let answered = try Self.ask(fixture, token: member, [cheque[0]])
        #expect(answered.first?["type"] as? String == "answer", "a resolved phrasing is answered at once: \(answered)")
        #expect((answered.first?["articles"] as? [[String: Any]])?.first?["id"] as? String == "cancel-subscription")

        let drafted = try Self.post(fixture, "/api/v1/groups/\(weatherID)/draft")
        #expect(drafted.status == 200, "\(drafted.text)")
        let path = try #require(try drafted.json()["path"] as? String)
        #expect(path.hasSuffix("/drafts/draft-\(weatherID).md"), "\(path)")
        let article = try ArticleParser().parse(String(contentsOfFile: path, encoding: .utf8), path: "drafts/draft-\(weatherID).md")
        #expect(article.id == "draft-\(weatherID)" && article.aliases == [weather], "\(article)")
        #expect(path.hasPrefix(try #require(fixture.server.knowledge).path), "in the server's knowledge folder: \(path)")
        let again = try Self.post(fixture, "/api/v1/groups/\(weatherID)/draft")
        #expect(again.status == 409 && again.errorCode == "conflict", "\(again.text)")

        let dismissed = try Self.post(fixture, "/api/v1/groups/\(weatherID)/dismiss")
        #expect((try dismissed.json()["group"] as? [String: Any])?["status"] as? String == "dismissed", "\(dismissed.text)")
        let open = try Self.get(fixture, "/api/v1/groups").json()["groups"] as? [[String: Any]] ?? []
        #expect(!open.contains { [chequeID, weatherID].contains($0["id"] as? Int) }, "\(open)")
        let all = try Self.get(fixture, "/api/v1/groups?status=all").json()["groups"] as? [[String: Any]] ?? []
        #expect(Set(all.compactMap { $0["id"] as? Int }).isSuperset(of: [chequeID, weatherID]), "\(all)")
    }

    @Test(.timeLimit(.minutes(2)))
    func ticketsAndStatisticsFollowTheChats() throws {
        let fixture = try Self.fixture()
        defer { fixture.shutDown() }
        let owner = TestTokens.token(plan: "business", role: "owner", sub: "o-1")
        let replies = try Self.ask(fixture, token: owner, [
            "How do I reset my password?", "The Salesforce integration shows an error when syncing contacts",
        ]) + Self.ask(fixture, token: TestTokens.token(plan: "free", role: "member", sub: "f-1"), ["Is the weather in Reykjavik sunny tomorrow?"])
        #expect(replies.map { $0["type"] as? String } == ["answer", "escalation", "escalation"], "\(replies)")
        let reference = try #require((replies[1]["ticket"] as? [String: Any])?["id"] as? String, "\(replies[1])")

        let tickets = try #require(try Self.get(fixture, "/api/v1/tickets").json()["tickets"] as? [[String: Any]])
        let ticket = try #require(tickets.first, "\(tickets)")
        #expect(tickets.count == 1 && ticket["id"] as? String == reference, "\(tickets)")
        #expect(ticket["priority"] as? Int == 3 && ticket["priorityName"] as? String == "Normal", "\(ticket)")
        #expect(ticket["status"] as? String == "open" && ticket["sla"] as? String == "pending", "\(ticket)")
        #expect(ticket["account"] as? String == "acme" && ticket["plan"] as? String == "business" && ticket["role"] as? String == "owner")
        #expect(Set(ticket["channels"] as? [String] ?? []) == ["online", "chat", "phone"], "\(ticket)")
        #expect(ticket["respondedAt"] is NSNull && ticket["solvedAt"] is NSNull, "\(ticket)")
        let secondsLeft = try #require(ticket["secondsLeft"] as? Int, "\(ticket)")
        #expect((24 * 3600 - 120...24 * 3600).contains(secondsLeft), "\(ticket)")

        let filters: [(query: String, count: Int)] = [
            ("status=open", 1), ("status=unsolved", 1), ("status=solved", 0), ("status=responded", 0), ("priority=3", 1),
            ("priority=1", 0), ("breaching=true", 0), ("breaching=false", 1), ("due_within=1", 0), ("due_within=25", 1),
            ("status=open&priority=3&breaching=false&due_within=25", 1), ("status=open&priority=2", 0), ("limit=1", 1),
        ]
        for row in filters {
            let listed = try Self.get(fixture, "/api/v1/tickets?\(row.query)")
            #expect((try listed.json()["tickets"] as? [Any])?.count == row.count, "\(row.query): \(listed.text)")
        }
        for bad in ["priority=9", "priority=x", "due_within=-1", "status=closed", "breaching=yes", "limit=0"] {
            let refused = try Self.get(fixture, "/api/v1/tickets?\(bad)")
            #expect(refused.status == 400 && refused.text.contains("bad_request"), "\(bad): \(refused.text)")
        }

        let statistics = try Self.get(fixture, "/api/v1/statistics?days=2").json()
        let days = try #require(statistics["days"] as? [[String: Any]])
        #expect(days.count == 2, "\(days)")
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = .withFullDate
        // The last day is today (UTC), unless midnight passed since the chats.
        #expect(days.last?["date"] as? String == formatter.string(from: Date()) || days.first?["date"] as? String == formatter.string(from: Date()))
        let totals = try #require(statistics["totals"] as? [String: Any])
        #expect(totals["questions"] as? Int == 3 && totals["answered"] as? Int == 1 && totals["escalations"] as? Int == 1, "\(totals)")
        #expect(totals["escalationsByPriority"] as? [String: Int] == ["1": 0, "2": 0, "3": 1, "4": 0], "\(totals)")
        #expect(abs((totals["answerRate"] as? Double ?? 0) - 1.0 / 3) < 1e-9, "\(totals)")
        #expect(abs((totals["deflectionRate"] as? Double ?? 0) - 2.0 / 3) < 1e-9, "\(totals)")
        #expect(totals["slaAttainment"] is NSNull, "the ticket's first response is still to come: \(totals)")
        #expect(totals["date"] == nil)
        for bad in ["days=0", "days=367", "days=two"] {
            #expect(try Self.get(fixture, "/api/v1/statistics?\(bad)").status == 400, "\(bad)")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func everyRefusalHasItsStatusCodeAndHeaders() throws {
        let fixture = try Self.fixture()
        defer { fixture.shutDown() }
        let anonymous = try Self.get(fixture, "/api/v1/groups", bearer: nil)
        #expect(anonymous.status == 401 && anonymous.header("WWW-Authenticate") == "Bearer", "\(anonymous.head)")
        #expect(anonymous.errorCode == "unauthorized")
        let forged = try Self.get(fixture, "/api/v1/groups", bearer: TestTokens.token(role: "lead", secret: Array("not-the-secret".utf8)))
        #expect(forged.status == 401 && forged.errorCode == "invalid_token")
        let owner = try Self.get(fixture, "/api/v1/groups", bearer: TestTokens.token(plan: "enterprise", role: "owner"))
        #expect(owner.status == 403 && owner.errorCode == "forbidden")
        #expect(try Self.get(fixture, "/api/v1/nothing-here").status == 404)
        let wrongMethod = try Self.get(fixture, "/api/v1/groups/1/dismiss")
        #expect(wrongMethod.status == 405 && wrongMethod.header("Allow") == "POST", "\(wrongMethod.head)")
        let badJSON = try HTTPClient.send(
            port: fixture.server.port, method: "POST", path: "/api/v1/groups/1/resolve", bearer: Self.lead, body: Array("{article".utf8))
        #expect(badJSON.status == 400, "\(badJSON.text)")
        let oversize = try HTTPClient.send(
            port: fixture.server.port, method: "POST", path: "/api/v1/groups/1/resolve", bearer: Self.lead,
            body: [UInt8](repeating: UInt8(ascii: "a"), count: 64 * 1024 + 1))
        #expect(oversize.status == 413 && oversize.text.contains("payload_too_large"), "\(oversize.head)")
        let exactly = try HTTPClient.send(
            port: fixture.server.port, method: "POST", path: "/api/v1/groups/1/resolve", bearer: Self.lead,
            body: Array(#"{"article": "\#(String(repeating: "a", count: 64 * 1024 - 15))"}"#.utf8))
        #expect(exactly.status == 400, "64 KiB is read, and the article id is too long: \(exactly.text)")
        // No Content-Length at all: the request has no body, and the server does not wait for one.
        let bodiless = try HTTPClient.send(port: fixture.server.port, method: "POST", path: "/api/v1/groups/999/dismiss", bearer: Self.lead)
        #expect(bodiless.status == 404, "\(bodiless.text)")
        let empty = try HTTPClient.send(
            port: fixture.server.port, method: "POST", path: "/api/v1/groups/999/dismiss", bearer: Self.lead, body: [])
        #expect(empty.status == 404 && empty.errorCode == "not_found", "Content-Length: 0: \(empty.text)")
        let head = try HTTPClient.send(port: fixture.server.port, method: "HEAD", path: "/healthz")
        #expect(head.status == 200 && head.body.isEmpty && head.header("Content-Length") == "3", "\(head.head)")
        #expect(try HTTPClient.send(port: fixture.server.port, method: "POST", path: "/healthz").status == 405)
        #expect(try HTTPGet.get(port: fixture.server.port, path: "/healthz").body == "ok\n", "still serving")
    }

    @Test(.timeLimit(.minutes(1)))
    func devTokensOnlyInDevelopmentMode() throws {
        let production = try Self.fixture()
        defer { production.shutDown() }
        let refused = try Self.get(production, "/dev/token?role=lead", bearer: nil)
        #expect(refused.status == 404 && !refused.text.contains("token"), "\(refused.text)")

        let development = try Self.fixture(devTokens: true)
        defer { development.shutDown() }
        let minted = try Self.get(development, "/dev/token?role=lead&plan=business&sub=dash&ttl=600", bearer: nil)
        #expect(minted.status == 200, "\(minted.text)")
        let token = try #require(try minted.json()["token"] as? String)
        let expires = try #require((try minted.json()["expiresAt"] as? String).flatMap { try? Date($0, strategy: .iso8601) })
        #expect(abs(expires.timeIntervalSinceNow - 600) < 60, "\(minted.text)")
        #expect(try Self.get(development, "/api/v1/groups", bearer: token).status == 200, "a dev lead token opens the API")

        let member = try #require(try Self.get(development, "/dev/token", bearer: nil).json()["token"] as? String)
        let chat = development.connect()
        defer { chat.close() }
        chat.send(json: ["type": "hello", "token": member])
        let user = try #require(try chat.nextObject(ofType: "welcome")["user"] as? [String: Any])
        #expect(user["plan"] as? String == "free" && user["role"] as? String == "member", "the defaults: \(user)")
        for bad in ["plan=gold", "role=king", "ttl=0", "ttl=999999", "sub="] {
            #expect(try Self.get(development, "/dev/token?\(bad)", bearer: nil).status == 400, "\(bad)")
        }
        #expect(try HTTPClient.send(port: development.server.port, method: "POST", path: "/dev/token").status == 405)
    }
}
