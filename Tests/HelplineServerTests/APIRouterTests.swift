import Foundation
import HelplineCore
import HelplineStore
import Testing

@testable import HelplineServer

/// The API's routing and authorization without sockets: every route under every kind of token,
/// wrong methods, unknown paths, bad bodies and queries, and dev tokens.
struct APIRouterTests {
    enum Caller: String, CaseIterable {
        case anonymous, forged, member, lead

        var authorization: String? {
            switch self {
            case .anonymous: nil
            case .forged: "Bearer " + APIFixture.token(role: "lead", secret: Array("someone-else".utf8))
            case .member: "Bearer " + APIFixture.token(role: "member")
            case .lead: "Bearer " + APIFixture.token(role: "lead")
            }
        }

        var expected: (status: UInt32, code: String?) {
            switch self {
            case .anonymous: (401, "unauthorized")
            case .forged: (401, "invalid_token")
            case .member: (403, "forbidden")
            case .lead: (200, nil)
            }
        }
    }

    /// The body each route takes; resolve needs an article of the group's locale.
    static func body(for route: APIRoute) -> String {
        if case .resolve = route { return #"{"article": "reset-password"}"# }
        return ""
    }

    @Test(arguments: APIRoute.allCases, Caller.allCases)
    func onlyALeadsTokenOpensARoute(route: APIRoute, caller: Caller) throws {
        let fixture = try APIFixture()
        let (status, response) = fixture.status(route.method, route.path, authorization: caller.authorization, body: Self.body(for: route))
        #expect(status == caller.expected.status, "\(route.path) as \(caller): \(response.map { String(decoding: $0.body, as: UTF8.self) } ?? "")")
        #expect(response?.errorCode == caller.expected.code, "\(route.path) as \(caller)")
        if caller == .anonymous { #expect(response?.header("WWW-Authenticate") == "Bearer") }
        if let response { #expect(response.header("Cache-Control") == "no-store" && response.contentType.hasPrefix("application/json")) }
    }

    @Test(arguments: APIRoute.allCases)
    func aWrongMethodIs405WithTheRightOne(route: APIRoute) throws {
        let fixture = try APIFixture()
        let wrong: HTTPRequest.Method = route.method == .get ? .post : .get
        for method in [wrong, .put, .delete] {
            let (status, response) = fixture.status(method, route.path)
            #expect(status == 405 && response?.errorCode == "method_not_allowed", "\(method) \(route.path)")
            #expect(response?.header("Allow") == (route.method == .get ? "GET, HEAD" : "POST"), "\(route.path)")
        }
    }

    @Test(arguments: [
        "/api/v1/", "/api/v1", "/api/v1/group", "/api/v1/Groups", "/api/v1/groups/", "/api/v1/groups/abc", "/api/v1/groups/-1",
        "/api/v1/groups/+1", "/api/v1/groups/1.0", "/api/v1/groups/99999999999999999999", "/api/v1/groups/1/resolve/x",
        "/api/v1/groups/1/merge", "/api/v1/knowledge", "/api/v1/knowledge/reload/now", "/api/v1//groups",
    ])
    func anUnknownPathIs404(path: String) throws {
        let fixture = try APIFixture()
        let (status, response) = fixture.status(.get, path)
        #expect(status == 404 && response?.errorCode == "not_found", "\(path)")
        #expect(fixture.status(.get, path, authorization: nil).status == 401, "unknown paths tell strangers nothing: \(path)")
    }

    @Test(arguments: ["/api/v2/groups", "/api", "/apiv1/groups", "/", "/healthz", "/dev/token"])
    func otherPathsAreNotTheAPIs(path: String) throws {
        #expect(try APIFixture().status(.get, path).status == 0, "\(path) goes to the plain routes")
    }

    @Test(arguments: [
        "", "{", "[]", "null", #"{"article": 5}"#, "{}", #"{"article": ""}"#, #"{"Article": "reset-password"}"#,
        #"{"article": "\#(String(repeating: "a", count: 201))"}"#,
    ])
    func aBadResolveBodyIs400(body: String) throws {
        let fixture = try APIFixture()
        let (status, response) = fixture.status(.post, "/api/v1/groups/1/resolve", body: body)
        #expect(status == 400 && response?.errorCode == "bad_request", "\(body)")
        #expect(try fixture.review.group(1)?.status == "open", "nothing changed: \(body)")
    }

    @Test(arguments: [
        ("/api/v1/groups", "since", "3 weeks"), ("/api/v1/groups", "since", "-1d"), ("/api/v1/groups", "since", "7y"),
        ("/api/v1/groups", "since", "2026-13-45"), ("/api/v1/groups", "status", "closed"), ("/api/v1/groups", "locale", "en;drop"),
        ("/api/v1/groups", "locale", ""), ("/api/v1/tickets", "status", "pending"), ("/api/v1/tickets", "priority", "0"),
        ("/api/v1/tickets", "priority", "one"), ("/api/v1/tickets", "breaching", "1"), ("/api/v1/tickets", "due_within", "-2"),
        ("/api/v1/tickets", "due_within", "nan"), ("/api/v1/tickets", "limit", "100000"), ("/api/v1/statistics", "days", "0"),
        ("/api/v1/statistics", "days", "367"), ("/api/v1/statistics", "days", "1e3"),
    ])
    func aBadQueryParameterIs400(path: String, name: String, value: String) throws {
        let (status, response) = try APIFixture().status(.get, path, query: [(name, value)])
        #expect(status == 400, "\(path)?\(name)=\(value)")
        let message = response.map { String(decoding: $0.body, as: UTF8.self) } ?? ""
        #expect(message.contains(name), "the message names '\(name)': \(message)")
    }

    @Test(arguments: [
        ("since", "24h"), ("since", "7d"), ("since", "0.5d"), ("since", "2026-11-20"), ("since", "2026-11-20T08:00:00Z"),
        ("status", "all"), ("locale", "da"), ("unknown", "ignored"),
    ])
    func goodGroupQueriesAnswer(name: String, value: String) throws {
        #expect(try APIFixture().status(.get, "/api/v1/groups", query: [(name, value)]).status == 200, "\(name)=\(value)")
    }

    @Test(arguments: [
        ("Basic dXNlcjpwYXNz", "unauthorized"), ("Bearer", "unauthorized"), ("Bearer ", "unauthorized"),
        ("bearer " + APIFixture.token(role: "lead"), nil), ("Bearer " + APIFixture.token(role: "lead", expiresIn: -3600), "invalid_token"),
        ("Bearer not.a.jwt", "invalid_token"), ("Bearer " + APIFixture.token(role: "owner", plan: "enterprise"), "forbidden"),
    ])
    func authorizationHeaders(header: String, code: String?) throws {
        let (_, response) = try APIFixture().status(.get, "/api/v1/groups", authorization: header)
        #expect(response?.errorCode == code, "\(header.prefix(20))")
    }

    @Test func aServerWithoutASecretAcceptsNoToken() throws {
        let (status, response) = try APIFixture(verifies: false).status(.get, "/api/v1/groups")
        #expect(status == 401 && response?.errorCode == "invalid_token")
    }

    /// The directory decides the plan, as for chats; the role is the token's.
    @Test func theAccountDirectoryDoesNotChangeTheRole() throws {
        let fixture = try APIFixture(accounts: [.init(account: "acme", plan: "free")])
        #expect(fixture.status(.get, "/api/v1/groups").status == 200)
    }

    @Test func groupAnswersHaveTheContractsFields() throws {
        let fixture = try APIFixture()
        let listed = try #require(fixture.status(.get, "/api/v1/groups", query: [("since", "2020-01-01")]).response)
        let group = try #require((listed.json["groups"] as? [[String: Any]])?.first, "\(listed.json)")
        #expect(Set(group.keys) == ["id", "locale", "status", "count", "firstSeen", "lastSeen", "examples", "outcomes", "closestArticles"])
        #expect(group["firstSeen"] as? String == "2027-01-15T08:00:00Z", "\(group)")
        let detail = try #require(fixture.status(.get, "/api/v1/groups/1").response).json
        #expect(detail["phrasings"] as? [String] == ["can I pay with a cheque"])
        #expect(Set(detail.keys) == Set(group.keys).union(["phrasings", "questions"]), "\(detail.keys)")
        #expect(detail["firstSeen"] as? String == "2027-01-15T08:00:00Z")
        let question = try #require((detail["questions"] as? [[String: Any]])?.first)
        #expect(Set(question.keys) == ["question", "at", "plan", "role", "outcome", "ticket", "conversation"], "\(question)")
        #expect(question["ticket"] is NSNull)
        #expect(fixture.status(.get, "/api/v1/groups/2").status == 404)
        #expect(fixture.status(.post, "/api/v1/groups/1/resolve", body: #"{"article": "nope"}"#).response?.errorCode == "not_found")
        let resolved = try #require(fixture.status(.post, "/api/v1/groups/1/resolve", body: #"{"article": "reset-password"}"#).response)
        #expect(resolved.json["aliases"] as? Int == 1 && (resolved.json["group"] as? [String: Any])?["status"] as? String == "resolved")
        let again = fixture.status(.post, "/api/v1/groups/1/resolve", body: #"{"article": "reset-password"}"#)
        #expect(again.status == 409 && again.response?.errorCode == "conflict")
    }

    @Test func ticketAnswersHaveTheContractsFields() throws {
        let fixture = try APIFixture()
        let listed = try #require(fixture.status(.get, "/api/v1/tickets").response).json
        let ticket = try #require((listed["tickets"] as? [[String: Any]])?.first)
        #expect(Set(ticket.keys) == [
            "id", "priority", "priorityName", "status", "question", "account", "plan", "role", "channels", "createdAt", "dueAt",
            "respondedAt", "solvedAt", "sla", "secondsLeft",
        ])
        #expect(ticket["id"] as? String == "HL-1" && ticket["priorityName"] as? String == "Normal" && ticket["sla"] as? String == "pending")
        #expect(ticket["secondsLeft"] as? Int == 24 * 3600 && ticket["respondedAt"] is NSNull, "\(ticket)")
        _ = try fixture.tickets.respond(1, now: APIFixture.now.addingTimeInterval(25 * 3600))
        let late = try #require((fixture.status(.get, "/api/v1/tickets").response?.json["tickets"] as? [[String: Any]])?.first)
        #expect(late["sla"] as? String == "breached" && late["secondsLeft"] is NSNull && late["status"] as? String == "responded")
    }

    @Test func statisticsCoverTheDaysAskedFor() throws {
        let fixture = try APIFixture()
        let body = try #require(fixture.status(.get, "/api/v1/statistics", query: [("days", "3")]).response).json
        let days = try #require(body["days"] as? [[String: Any]])
        #expect(days.compactMap { $0["date"] as? String } == ["2027-01-13", "2027-01-14", "2027-01-15"])
        #expect(days.last?["escalations"] as? Int == 1 && days.last?["slaAttainment"] is NSNull, "\(days)")
        #expect(days.last?["answerRate"] is NSNull, "no questions were recorded in chats")
        #expect((body["totals"] as? [String: Any])?["escalationsByPriority"] as? [String: Int] == ["1": 0, "2": 0, "3": 1, "4": 0])
        #expect((fixture.status(.get, "/api/v1/statistics").response?.json["days"] as? [Any])?.count == 14, "the default")
    }

    @Test func devTokensAreMintedOnlyInDevelopmentMode() throws {
        #expect(try APIFixture().status(.get, "/dev/token", authorization: nil).status == 0, "a plain 404 without --dev")
        let fixture = try APIFixture(devTokens: true)
        let minted = try #require(fixture.status(.get, "/dev/token", query: [("role", "lead"), ("sub", "d")], authorization: nil).response)
        let token = try #require(minted.json["token"] as? String)
        let identity = try IdentityTokenVerifier(secret: APIFixture.secret).verify(token, now: APIFixture.now)
        #expect(identity == Identity(userID: "d", account: "dev-account", plan: "free", role: "lead"))
        #expect(minted.json["expiresAt"] as? String == "2027-01-15T09:00:00Z")
        #expect(fixture.status(.get, "/api/v1/groups", authorization: "Bearer " + token).status == 200)
        let defaults = try #require(fixture.status(.get, "/dev/token", authorization: nil).response?.json["token"] as? String)
        let user = try IdentityTokenVerifier(secret: APIFixture.secret).verify(defaults, now: APIFixture.now)
        #expect(user.plan == "free" && user.role == "member" && user.userID?.hasPrefix("dev-") == true)
        for bad in [("plan", "gold"), ("role", "root"), ("ttl", "0"), ("ttl", "86401"), ("ttl", "x"), ("sub", ""), ("account", "")] {
            #expect(fixture.status(.get, "/dev/token", query: [bad], authorization: nil).status == 400, "\(bad)")
        }
        #expect(fixture.status(.post, "/dev/token", authorization: nil).status == 405)
    }
}
