import Foundation
import Testing

/// The `helpline` command as people and scripts use it: real process, real files, real exit codes.
@Suite(.serialized)
struct CommandTests {
    @Test func askPrintsTheProtocolsAnswerObject() throws {
        let data = try TemporaryDirectory()
        let output = try HelplineProcess.run([
            "ask", "--json", "How do I reset my password?",
            "--knowledge", HelplineProcess.shippedKnowledge.path, "--data", data.url.path,
        ])
        #expect(output.status == 0, "\(output.standardError)")
        let reply = try #require(
            try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
        #expect(reply["type"] as? String == "answer")
        let articles = try #require(reply["articles"] as? [[String: Any]])
        #expect(articles.first?["id"] as? String == "reset-password")
        for key in ["id", "title", "snippet", "url", "section"] {
            #expect(articles.first?[key] != nil, "article summary lacks \(key)")
        }
        let confidence = try #require(reply["confidence"] as? Double)
        #expect(confidence > 0 && confidence <= 1)
    }

    @Test func askWithoutAnAnswerOffersSelfService() throws {
        let data = try TemporaryDirectory()
        let output = try HelplineProcess.run([
            "ask", "--json", "What is the capital of France?",
            "--knowledge", HelplineProcess.shippedKnowledge.path, "--data", data.url.path,
        ])
        #expect(output.status == 0, "\(output.standardError)")
        let reply = try #require(
            try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
        #expect(reply["type"] as? String == "escalation")
        #expect(reply["outcome"] as? String == "self_service")
        let resources = try #require(reply["resources"] as? [[String: Any]])
        #expect(resources.contains { $0["kind"] as? String == "release_notes" })
    }

    /// The shipped help center would answer this outage report with its recording policies; ask
    /// and eval hand it over, as the chat does.
    @Test func askAndEvalHandAnOutageReportToAPerson() throws {
        let folder = try TemporaryDirectory()
        let question = "Parlo is down for our whole company and nobody can join any meeting"
        let storage = [
            "--knowledge", HelplineProcess.shippedKnowledge.path, "--data", folder.url.appendingPathComponent("data").path,
        ]
        let asked = try HelplineProcess.run(["ask", "--json", question] + storage)
        #expect(asked.status == 0, "\(asked.standardError)")
        let reply = try #require(try JSONSerialization.jsonObject(with: Data(asked.standardOutput.utf8)) as? [String: Any])
        #expect(reply["outcome"] as? String == "self_service")
        #expect((reply["text"] as? String ?? "").contains("outage"), "\(reply)")
        let resources = try #require(reply["resources"] as? [[String: Any]])
        #expect(resources.first?["title"] as? String == "Check the Parlo service status", "\(resources)")

        let described = try HelplineProcess.run(["ask", question] + storage)
        #expect(described.standardOutput.hasPrefix("no match"), "\(described.standardOutput)")
        #expect(described.standardOutput.contains("outage report"), "\(described.standardOutput)")

        try folder.write(#"{"q": "\#(question)", "locale": "en", "expect": null}"#, to: "cases.jsonl")
        let evaluated = try HelplineProcess.run(
            ["eval", "--cases", folder.url.appendingPathComponent("cases.jsonl").path, "--min-no-match", "1"] + storage)
        #expect(evaluated.status == 0, "\(evaluated.standardOutput)\(evaluated.standardError)")
    }

    @Test func indexReportsABrokenFileByPathAndLineAndStrictFails() throws {
        let folder = try TemporaryDirectory()
        try folder.write("---\nid: good\ntitle: Good\n---\nFine.\n", to: "knowledge/articles/en/general/good.md")
        try folder.write("---\nid: bad\ntitle: Bad\nkind: movie\n---\nBroken.\n", to: "knowledge/articles/en/general/bad.md")
        let arguments = [
            "index", "--knowledge", folder.url.appendingPathComponent("knowledge").path,
            "--data", folder.url.appendingPathComponent("data").path,
        ]
        let lenient = try HelplineProcess.run(arguments)
        #expect(lenient.status == 0)
        #expect(lenient.standardError.contains("articles/en/general/bad.md:4:"), "\(lenient.standardError)")
        #expect(lenient.standardOutput.contains("1 added"), "\(lenient.standardOutput)")

        let strict = try HelplineProcess.run(arguments + ["--strict"])
        #expect(strict.status == 1)
        #expect(strict.standardOutput.contains("1 unchanged"), "a second run reads nothing new: \(strict.standardOutput)")
    }

    @Test func evalFailsWhenAFloorIsNotMet() throws {
        let folder = try TemporaryDirectory()
        try folder.write(
            """
            {"q": "How do I reset my password?", "locale": "en", "expect": "reset-password"}
            {"q": "What is the capital of France?", "locale": "en", "expect": null}
            {"q": "Where do I change my billing address?", "locale": "en", "expect": "no-such-article"}
            """, to: "cases.jsonl")
        let base = [
            "eval", "--cases", folder.url.appendingPathComponent("cases.jsonl").path,
            "--knowledge", HelplineProcess.shippedKnowledge.path, "--data", folder.url.appendingPathComponent("data").path,
        ]
        let met = try HelplineProcess.run(base + ["--min-answered", "0.5", "--json"])
        #expect(met.status == 0, "\(met.standardError)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(met.standardOutput.utf8)) as? [String: Any])
        let overall = try #require(report["overall"] as? [String: Any])
        #expect(overall["answerable"] as? Int == 2)
        #expect(overall["unanswerable"] as? Int == 1)

        let unmet = try HelplineProcess.run(base + ["--min-answered", "0.9"])
        #expect(unmet.status == 1)
        #expect(unmet.standardError.contains("floor not met"), "\(unmet.standardError)")
    }

    @Test func tokenNeedsASecretAndMintsAThreePartJWT() throws {
        let missing = try HelplineProcess.run(["token", "--sub", "u-1", "--plan", "pro", "--role", "owner"], environment: [:])
        #expect(missing.status != 0)
        #expect(missing.standardError.contains("HELPLINE_IDENTITY_SECRET"), "\(missing.standardError)")
        let minted = try HelplineProcess.run(
            ["token", "--sub", "u-1", "--account", "acme", "--plan", "pro", "--role", "owner"],
            environment: ["HELPLINE_IDENTITY_SECRET": "cli-test-secret"])
        #expect(minted.status == 0, "\(minted.standardError)")
        #expect(minted.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let refused = try HelplineProcess.run(["token", "--sub", "u", "--plan", "gold"], environment: ["HELPLINE_IDENTITY_SECRET": "x"])
        #expect(refused.status != 0)
    }

    @Test func reviewListsInEachFormatAndChecksItsAge() throws {
        let folder = try TemporaryDirectory()
        let storage = ["--knowledge", HelplineProcess.shippedKnowledge.path, "--data", folder.url.appendingPathComponent("data").path]
        let csv = try HelplineProcess.run(["review", "--format", "csv"] + storage)
        #expect(csv.status == 0, "\(csv.standardError)")
        #expect(csv.standardOutput.hasPrefix("group,locale,count,"), "\(csv.standardOutput)")
        let json = try HelplineProcess.run(["review", "list", "--format", "json", "--since", "24h"] + storage)
        #expect(json.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || json.standardOutput.contains("[]"),
                "\(json.standardOutput)")
        let bad = try HelplineProcess.run(["review", "--since", "3 weeks"] + storage)
        #expect(bad.status != 0)
        #expect(bad.standardError.contains("24h"), "\(bad.standardError)")
    }

    /// Scripts pipe questions in and read one JSON reply per line.
    @Test(.timeLimit(.minutes(2)))
    func chatWithoutATerminalSpeaksJSONLines() throws {
        let server = try BackgroundServer()
        let output = try HelplineProcess.run(
            ["chat", "--server", "ws://127.0.0.1:\(server.port)/chat"],
            input: "How do I reset my password?\nWhat's the capital of France?\n/human\n")
        #expect(output.status == 0, "\(output.standardError)")
        let replies = try output.standardOutput.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(replies.map { $0["type"] as? String } == ["answer", "escalation", "escalation"])
        #expect(replies.map { $0["replyTo"] as? String } == ["1", "2", "3"])
        #expect(replies.first?["articles"] != nil)
    }

    @Test func chatNamesAnUnreachableServer() throws {
        let output = try HelplineProcess.run(["chat", "--server", "ws://127.0.0.1:1/chat"], input: "hello\n")
        #expect(output.status != 0)
        #expect(output.standardError.contains("127.0.0.1:1"), "\(output.standardError)")
    }

    @Test func accountsImportSetAndList() throws {
        let folder = try TemporaryDirectory()
        try folder.write("account,plan\nacme,pro\nglobex,business\n", to: "accounts.csv")
        try folder.write("initech,platinum\n", to: "bad.csv")
        let storage = ["--knowledge", HelplineProcess.shippedKnowledge.path, "--data", folder.url.appendingPathComponent("data").path]
        let imported = try HelplineProcess.run(["accounts", "import", folder.url.appendingPathComponent("accounts.csv").path] + storage)
        #expect(imported.status == 0, "\(imported.standardError)")
        let refused = try HelplineProcess.run(["accounts", "import", folder.url.appendingPathComponent("bad.csv").path] + storage)
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("line 1"), "\(refused.standardError)")
        #expect(refused.standardError.contains("platinum"), "\(refused.standardError)")
        let set = try HelplineProcess.run(["accounts", "set", "acme", "--plan", "free"] + storage)
        #expect(set.status == 0, "\(set.standardError)")
        let listed = try HelplineProcess.run(["accounts", "list"] + storage)
        #expect(listed.standardOutput == "acme\tfree\nglobex\tbusiness\n", "\(listed.standardOutput)")
    }

    @Test(arguments: [
        ["eval", "--cases", "x.jsonl", "--min-answered", "1.5"],
        ["bench", "search", "--articles", "0"],
        ["ask"],
    ])
    func badArgumentsExplainThemselves(arguments: [String]) throws {
        let output = try HelplineProcess.run(arguments)
        #expect(output.status != 0)
        #expect(output.standardError.contains("Usage") || output.standardError.contains("USAGE"), "\(output.standardError)")
    }

    @Test func aMissingKnowledgeFolderIsNamed() throws {
        let data = try TemporaryDirectory()
        let output = try HelplineProcess.run(["ask", "hello", "--knowledge", "/nonexistent/kb", "--data", data.url.path])
        #expect(output.status != 0)
        #expect(output.standardError.contains("/nonexistent/kb"), "\(output.standardError)")
    }
}
