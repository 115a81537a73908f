import Foundation
import Testing

/// `helpline review --server URL --token T`: the review commands over a real server's HTTP API.
@Suite(.serialized)
struct ReviewRemoteTests {
    static let secret = "review-remote-test-secret"

    /// A token signed with the server's secret, minted by `helpline token` as a host application would.
    static func token(role: String, sub: String = "u-review", plan: String = "business") throws -> String {
        let minted = try HelplineProcess.run(
            ["token", "--sub", sub, "--account", "acme-\(sub)", "--plan", plan, "--role", role],
            environment: ["HELPLINE_IDENTITY_SECRET": secret])
        #expect(minted.status == 0, "\(minted.standardError)")
        return minted.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Asks through the chat (JSON lines) and returns one reply object per question.
    static func chat(_ server: BackgroundServer, _ questions: [String], token: String) throws -> [[String: Any]] {
        let output = try HelplineProcess.run(
            ["chat", "--server", "ws://127.0.0.1:\(server.port)/chat", "--token", token, "--locale", "en"],
            input: questions.joined(separator: "\n") + "\n")
        #expect(output.status == 0, "\(output.standardError)")
        return try output.standardOutput.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    static func review(_ arguments: [String], server: BackgroundServer, token: String) throws -> HelplineProcess.Output {
        try HelplineProcess.run(["review"] + arguments + ["--server", "http://127.0.0.1:\(server.port)", "--token", token])
    }

    static func groups(_ server: BackgroundServer, token: String) throws -> [[String: Any]] {
        let listed = try review(["list", "--format", "json", "--since", "24h"], server: server, token: token)
        #expect(listed.status == 0, "\(listed.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(listed.standardOutput.utf8)) as? [[String: Any]],
                            "not a JSON array: \(listed.standardOutput)")
    }

    /// The group whose examples include `phrase`.
    static func group(containing phrase: String, in groups: [[String: Any]]) -> [String: Any]? {
        groups.first { ($0["examples"] as? [String] ?? []).contains { $0.localizedCaseInsensitiveContains(phrase) } }
    }

    @Test(.timeLimit(.minutes(3)))
    func listResolveAndDismissOverTheAPI() throws {
        let server = try BackgroundServer(environment: ["HELPLINE_IDENTITY_SECRET": Self.secret])
        let member = try Self.token(role: "member")
        let lead = try Self.token(role: "lead", sub: "lead-1")
        let unanswered = [
            "Can I pay for the service with a cheque from my grandmother?",
            "Can my grandmother pay for the service with a cheque?",
            "Is the weather in Reykjavik sunny tomorrow?",
        ]
        let seeded = try Self.chat(server, unanswered, token: member)
        #expect(seeded.map { $0["type"] as? String } == ["escalation", "escalation", "escalation"], "\(seeded)")

        let before = try Self.groups(server, token: lead)
        let cheque = try #require(Self.group(containing: "cheque", in: before), "no cheque group in \(before)")
        let weather = try #require(Self.group(containing: "Reykjavik", in: before), "no weather group in \(before)")
        #expect(cheque["count"] as? Int == 2, "both cheque questions in one group: \(before)")
        #expect(weather["count"] as? Int == 1)
        let chequeID = try #require(cheque["id"] as? Int)
        let weatherID = try #require(weather["id"] as? Int)

        let table = try Self.review([], server: server, token: lead)
        #expect(table.status == 0, "\(table.standardError)")
        #expect(table.standardOutput.contains("#\(chequeID) [en] 2×"), "\(table.standardOutput)")
        let csv = try Self.review(["--format", "csv"], server: server, token: lead)
        #expect(csv.standardOutput.hasPrefix("group,locale,count,"), "\(csv.standardOutput)")
        #expect(csv.standardOutput.contains("\n\(weatherID),en,1,"), "\(csv.standardOutput)")

        let resolved = try Self.review(["resolve", "\(chequeID)", "--article", "payment-methods"], server: server, token: lead)
        #expect(resolved.status == 0, "\(resolved.standardError)")
        #expect(resolved.standardOutput.contains("are now aliases of payment-methods [en]"), "\(resolved.standardOutput)")
        let dismissed = try Self.review(["dismiss", "\(weatherID)"], server: server, token: lead)
        #expect(dismissed.status == 0, "\(dismissed.standardError)")
        #expect(dismissed.standardOutput == "dismissed group #\(weatherID)\n")

        let after = try Self.groups(server, token: lead)
        #expect(!after.contains { $0["id"] as? Int == chequeID || $0["id"] as? Int == weatherID }, "\(after)")
        let asked = try Self.chat(server, [unanswered[0]], token: member)
        #expect(asked.first?["type"] as? String == "answer", "a resolved phrasing is answered at once: \(asked)")
        #expect((asked.first?["articles"] as? [[String: Any]])?.first?["id"] as? String == "payment-methods")
    }

    @Test(.timeLimit(.minutes(2)))
    func apiErrorsAreShownWithTheirCodeAndFail() throws {
        let server = try BackgroundServer(environment: ["HELPLINE_IDENTITY_SECRET": Self.secret])
        let lead = try Self.token(role: "lead", sub: "lead-2")
        let cases: [(arguments: [String], token: String, expected: String)] = [
            (["list"], try Self.token(role: "owner"), "(forbidden)"),
            (["list"], String(lead.dropLast(4)) + "AAAA", "(invalid_token)"),
            (["dismiss", "999999"], lead, "(not_found)"),
            (["resolve", "999999", "--article", "reset-password"], lead, "(not_found)"),
        ]
        for row in cases {
            let output = try Self.review(row.arguments, server: server, token: row.token)
            #expect(output.status != 0, "\(row.arguments)")
            #expect(output.standardError.contains(row.expected), "\(row.arguments): \(output.standardError)")
            #expect(output.standardOutput.isEmpty, "\(row.arguments): \(output.standardOutput)")
        }
    }

    @Test func environmentNamesTheServerAndAMissingTokenIsRefused() throws {
        let unreachable = try HelplineProcess.run(
            ["review", "list"], environment: ["HELPLINE_SERVER": "http://127.0.0.1:1", "HELPLINE_TOKEN": "t"])
        #expect(unreachable.status != 0)
        #expect(unreachable.standardError.contains("cannot reach http://127.0.0.1:1"), "\(unreachable.standardError)")
        let tokenless = try HelplineProcess.run(["review", "dismiss", "3", "--server", "http://127.0.0.1:1"], environment: [:])
        #expect(tokenless.status != 0)
        #expect(tokenless.standardError.contains("HELPLINE_TOKEN"), "\(tokenless.standardError)")
        let notHTTP = try HelplineProcess.run(["review", "--server", "ws://127.0.0.1:1/chat", "--token", "t"], environment: [:])
        #expect(notHTTP.status != 0)
        #expect(notHTTP.standardError.contains("http(s)"), "\(notHTTP.standardError)")
    }
}
