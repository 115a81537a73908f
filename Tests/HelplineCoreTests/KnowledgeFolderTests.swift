import Foundation
import HelplineCore
import Testing

/// The knowledge folder on disk: articles with their issues, policy.yaml and synonyms.yaml.
struct KnowledgeFolderTests {
    /// `<repo>/knowledge`, found from this file: `<repo>/Tests/HelplineCoreTests/KnowledgeFolderTests.swift`.
    static let shippedKnowledge = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("knowledge", isDirectory: true)

    /// A knowledge folder of its own for one test, removed when the test ends.
    final class TemporaryFolder {
        let root: URL

        init() throws {
            root = FileManager.default.temporaryDirectory
                .appendingPathComponent("helpline-knowledge-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        var folder: KnowledgeFolder { KnowledgeFolder(root: root) }

        func write(_ text: String, to path: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    // MARK: - Articles

    @Test func loadsGoodArticlesAndReportsTheBadOne() throws {
        let temporary = try TemporaryFolder()
        try temporary.write("---\nid: reset-password\ntitle: Reset your password\n---\nClick Forgot password.\n",
                            to: "articles/en/sign-in-security/reset-password.md")
        try temporary.write("---\nid: reset-password\ntitle: Nulstil din adgangskode\n---\nKlik på Glemt adgangskode.\n",
                            to: "articles/da/sign-in-security/reset-password.md")
        try temporary.write("---\nid: broken\ntitle: Broken\nkind: blog\n---\nBody.\n",
                            to: "articles/en/general/broken.md")
        try temporary.write("not an article", to: "articles/en/general/notes.txt")

        let (articles, issues) = try temporary.folder.loadArticles()

        #expect(articles.map(\.path) == [
            "articles/da/sign-in-security/reset-password.md", "articles/en/sign-in-security/reset-password.md",
        ])
        #expect(articles.map(\.locale) == ["da", "en"])
        #expect(articles.allSatisfy { $0.section == "sign-in-security" })
        #expect(issues.count == 1)
        let issue = try #require(issues.first)
        #expect(issue.path == "articles/en/general/broken.md")
        #expect(issue.line == 4)
        #expect(issue.message.contains("'kind' is 'blog'"))
    }

    @Test func listsOnlyMarkdownFilesSortedWithTheirFacts() throws {
        let temporary = try TemporaryFolder()
        let longer = "---\nid: b\ntitle: B\n---\nA longer body.\n"
        try temporary.write(longer, to: "articles/en/s/b.md")
        try temporary.write("---\nid: a\ntitle: A\n---\nA.\n", to: "articles/en/s/a.md")
        try temporary.write("ignored", to: "articles/en/s/a.md.bak")
        try temporary.write("ignored", to: "README.md")

        let files = try temporary.folder.articleFiles()

        #expect(files.map(\.path) == ["articles/en/s/a.md", "articles/en/s/b.md"])
        #expect(files.map(\.size) == [26, longer.utf8.count])
        #expect(files.allSatisfy { $0.modified > 0 })
    }

    @Test func aFolderWithoutArticlesIsEmpty() throws {
        let temporary = try TemporaryFolder()
        let (articles, issues) = try temporary.folder.loadArticles()
        #expect(articles.isEmpty)
        #expect(issues.isEmpty)
    }

    @Test func aMissingFolderIsAnError() throws {
        let temporary = try TemporaryFolder()
        let missing = KnowledgeFolder(root: temporary.root.appendingPathComponent("nowhere"))
        #expect(throws: KnowledgeFolderError.self) { try missing.articleFiles() }
    }

    @Test func invalidUTF8IsAnIssue() throws {
        let temporary = try TemporaryFolder()
        let url = temporary.root.appendingPathComponent("articles/en/s/latin1.md")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("---\nid: a\ntitle: Caf".utf8 + [0xE9] + Data("\n---\nBody.\n".utf8)).write(to: url)

        let (articles, issues) = try temporary.folder.loadArticles()

        #expect(articles.isEmpty)
        #expect(issues == [KnowledgeIssue(path: "articles/en/s/latin1.md", line: 1, message: "the file is not valid UTF-8")])
    }

    // MARK: - Policy

    @Test func shippedPolicyEqualsTheBuiltInPolicy() throws {
        let policy = try KnowledgeFolder(root: Self.shippedKnowledge).loadPolicy()
        #expect(policy == Policy.builtIn)
    }

    /// Yams' decoder wraps syntax errors, which used to lose their line (always line 1).
    @Test func policySyntaxErrorNamesItsLine() throws {
        let temporary = try TemporaryFolder()
        try temporary.write("plans:\n  - id: free\n    name: [Basic\n", to: "policy.yaml")
        do {
            _ = try temporary.folder.loadPolicy()
            Issue.record("a broken policy loaded")
        } catch {
            #expect(error.line > 1, "\(error)")
            #expect(error.message.hasPrefix("invalid YAML"), "\(error)")
        }
    }

    @Test func missingPolicyMeansTheBuiltInPolicy() throws {
        let temporary = try TemporaryFolder()
        #expect(try temporary.folder.loadPolicy() == Policy.builtIn)
    }

    @Test(arguments: [
        ("invalid YAML", "plans:\n  - id: free\n    name: [Basic\n"),
        ("tab indentation", "plans:\n\t- id: free\n"),
        ("missing plans", "support_hours: always\n"),
        ("plans not a list", "support_hours: always\nplans: 3\npriorities: []\nself_service: []\n"),
        ("unknown channel", """
            support_hours: always
            plans:
              - {id: pro, name: Pro, paid: true, channels: {owner: [fax]}}
            priorities: []
            self_service: []
            """),
    ])
    func brokenPolicyIsAnIssueForPolicyYAML(name: String, text: String) throws {
        let temporary = try TemporaryFolder()
        try temporary.write(text, to: "policy.yaml")
        do {
            let policy = try temporary.folder.loadPolicy()
            Issue.record("\(name): loaded \(policy.plans.count) plans instead of failing")
        } catch {
            #expect(error.path == "policy.yaml", "\(name): \(error)")
            #expect(error.line >= 1, "\(name): \(error)")
            #expect(!error.message.isEmpty, "\(name): \(error)")
        }
    }

    @Test func missingKeyInPolicyIsNamed() throws {
        let temporary = try TemporaryFolder()
        try temporary.write("support_hours: always\n", to: "policy.yaml")
        #expect(throws: KnowledgeIssue(path: "policy.yaml", line: 1, message: "missing key 'plans'")) {
            try temporary.folder.loadPolicy()
        }
    }

    @Test func policyFileIsReadAsWritten() throws {
        let temporary = try TemporaryFolder()
        try temporary.write("""
            support_hours: weekdays
            plans:
              - {id: solo, name: Solo, paid: true, channels: {owner: [chat, phone]}}
            priorities:
              - {level: 1, name: Now, meaning: Down., first_response_hours: 2}
            self_service:
              - {title: Help, url: "https://example.com/help", kind: help_center}
            """, to: "policy.yaml")
        let policy = try temporary.folder.loadPolicy()
        #expect(policy.supportHours == "weekdays")
        #expect(policy.channels(plan: "solo", role: "owner") == [.chat, .phone])
        #expect(policy.channels(plan: "pro", role: "owner") == [], "the built-in plans do not leak in")
        #expect(policy.priorities.map(\.firstResponseHours) == [2])
        #expect(policy.selfService.map(\.kind) == ["help_center"])
    }

    // MARK: - Synonyms

    @Test func shippedSynonymsHaveEnglishAndDanishGroups() throws {
        let synonyms = try KnowledgeFolder(root: Self.shippedKnowledge).loadSynonyms()
        let english = try #require(synonyms.groupsByLocale["en"])
        let danish = try #require(synonyms.groupsByLocale["da"])
        #expect(english.count >= 10)
        #expect(danish.count >= 10)
        #expect(english.allSatisfy { $0.count >= 2 }, "a group of one word maps nothing")
        #expect(danish.allSatisfy { $0.count >= 2 }, "a group of one word maps nothing")
        #expect(english.contains { $0.contains("log in") && $0.contains("sign in") })
    }

    @Test func missingSynonymsMeanNone() throws {
        let temporary = try TemporaryFolder()
        #expect(try temporary.folder.loadSynonyms() == SynonymTable())
    }

    @Test(arguments: ["en: [[a, b]\n", "en: word\n", "- [a, b]\n", "en:\n  - {a: b}\n"])
    func brokenSynonymsAreAnIssueForSynonymsYAML(text: String) throws {
        let temporary = try TemporaryFolder()
        try temporary.write(text, to: "synonyms.yaml")
        do {
            let table = try temporary.folder.loadSynonyms()
            Issue.record("\(text.debugDescription): loaded \(table.groupsByLocale) instead of failing")
        } catch {
            #expect(error.path == "synonyms.yaml", "\(text.debugDescription): \(error)")
            #expect(!error.message.isEmpty)
        }
    }
}
