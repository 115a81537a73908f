import HelplineCore
import Testing

/// Article files: front matter, defaults from the file's place, and malformed files reported by line.
struct ArticleParserTests {
    static let complete = """
        ---
        id: reset-password
        title: Reset your password
        locale: en
        section: sign-in-security
        kind: faq
        audience: owners-admins
        tags: [password, forgot password]
        aliases:
          - I forgot my password
          - Can't remember how to log in
        url: https://help.example.com/en/sign-in-security/reset-password
        ---
        Click **Forgot password?** on the [sign-in page](https://help.example.com/signin), then follow
        the `link` in the _email_.

        ## Reset your password

        1. Go to the sign-in page.
        """

    @Test func parsesEveryKey() throws {
        let article = try ArticleParser().parse(Self.complete, path: "articles/da/other/reset-password.md")
        #expect(article.id == "reset-password")
        #expect(article.title == "Reset your password")
        #expect(article.locale == "en", "the locale key wins over the folder")
        #expect(article.section == "sign-in-security", "the section key wins over the folder")
        #expect(article.kind == .faq)
        #expect(article.audience == .ownersAdmins)
        #expect(article.tags == ["password", "forgot password"])
        #expect(article.aliases == ["I forgot my password", "Can't remember how to log in"])
        #expect(article.url == "https://help.example.com/en/sign-in-security/reset-password")
        #expect(article.path == "articles/da/other/reset-password.md")
        #expect(article.body.hasPrefix("Click **Forgot password?**"))
        #expect(article.body.hasSuffix("1. Go to the sign-in page."))
    }

    /// Windows line ends used to hide the front matter: Swift reads "\r\n" as one Character.
    @Test func windowsLineEndsParse() throws {
        let article = try ArticleParser().parse(
            "---\r\nid: a\r\ntitle: T\r\n---\r\nFirst para.\r\n\r\nSecond para.\r\n", path: "articles/en/x/a.md")
        #expect(article.id == "a")
        #expect(article.shortAnswer == "First para.")
    }

    /// A block value starts a line after its key; the issue names the key's line.
    @Test func blockValueIssueNamesTheKeyLine() {
        #expect(throws: KnowledgeIssue.self) {
            try ArticleParser().parse("---\nid: a\ntitle: T\nkind:\n  nonsense\n---\nBody.\n", path: "articles/en/x/a.md")
        }
        do {
            _ = try ArticleParser().parse("---\nid: a\ntitle: T\nkind:\n  nonsense\n---\nBody.\n", path: "articles/en/x/a.md")
        } catch {
            #expect(error.line == 4)
        }
    }

    /// The short answer is the first paragraph, joined into one line, with the Markdown gone.
    @Test func shortAnswerIsTheFirstParagraphAsPlainText() throws {
        let article = try ArticleParser().parse(Self.complete, path: "articles/en/sign-in-security/reset-password.md")
        #expect(article.shortAnswer
            == "Click Forgot password? on the sign-in page, then follow the link in the email.")
    }

    @Test func defaultsComeFromThePathAndTheFormat() throws {
        let text = """
            ---
            id: join_a_meeting2
            title: Deltag i et møde
            ---
            Klik på linket i invitationen.
            """
        let article = try ArticleParser().parse(text, path: "articles/DA/meetings-webinars/join-a-meeting.md")
        #expect(article.locale == "da", "locale from the folder, lowercased")
        #expect(article.section == "meetings-webinars")
        #expect(article.kind == .topic)
        #expect(article.audience == .everyone)
        #expect(article.tags == [])
        #expect(article.aliases == [])
        #expect(article.url == nil)
        #expect(article.shortAnswer == "Klik på linket i invitationen.")
    }

    @Test(arguments: [
        ("kind: FAQ", Article.Kind.faq), ("kind: quickstart", .quickstart), ("kind: resource", .resource),
        ("kind: topic", .topic), ("kind:", .topic), ("kind: ~", .topic),
    ])
    func kindValues(line: String, expected: Article.Kind) throws {
        let text = "---\nid: a\ntitle: T\n\(line)\n---\nBody.\n"
        #expect(try ArticleParser().parse(text, path: "articles/en/s/a.md").kind == expected, "\(line)")
    }

    @Test func aSingleTagCountsAsAListOfOne() throws {
        let text = "---\nid: a\ntitle: T\ntags: billing\naliases: How do I pay?\n---\nBody.\n"
        let article = try ArticleParser().parse(text, path: "articles/en/s/a.md")
        #expect(article.tags == ["billing"])
        #expect(article.aliases == ["How do I pay?"])
    }

    // MARK: - Malformed files

    struct Malformed: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var path = "articles/en/general/broken.md"
        /// The 1-based line of the file the issue must point at.
        var line: Int
        var message: String
        var testDescription: String { name }
    }

    static let malformed: [Malformed] = [
        Malformed(name: "no front matter", text: "# Reset your password\n\nClick the link.\n",
                  line: 1, message: "expected front matter"),
        Malformed(name: "empty file", text: "", line: 1, message: "expected front matter"),
        Malformed(name: "front matter not at the top", text: "\n---\nid: a\ntitle: T\n---\nBody.\n",
                  line: 1, message: "expected front matter"),
        Malformed(name: "unclosed front matter", text: "---\nid: a\ntitle: T\n\nBody.\n",
                  line: 1, message: "not closed"),
        Malformed(name: "invalid YAML on line 4", text: "---\nid: a\ntitle: T\nurl: a: b: c\n---\nBody.\n",
                  line: 4, message: "invalid YAML"),
        Malformed(name: "invalid YAML on line 7",
                  text: "---\nid: a\ntitle: T\nsection: s\nkind: faq\naudience: everyone\nurl: x: y\n---\nBody.\n",
                  line: 7, message: "invalid YAML"),
        Malformed(name: "empty front matter", text: "---\n---\nBody.\n",
                  line: 2, message: "front matter is empty"),
        Malformed(name: "front matter is a list", text: "---\n- id\n- title\n---\nBody.\n",
                  line: 2, message: "must be a mapping"),
        Malformed(name: "missing id", text: "---\ntitle: T\n---\nBody.\n",
                  line: 1, message: "missing required key 'id'"),
        Malformed(name: "blank id", text: "---\nid: \"  \"\ntitle: T\n---\nBody.\n",
                  line: 1, message: "missing required key 'id'"),
        Malformed(name: "missing title", text: "---\nid: a\n---\nBody.\n",
                  line: 1, message: "missing required key 'title'"),
        Malformed(name: "title is a list", text: "---\nid: a\ntitle: [x, y]\n---\nBody.\n",
                  line: 3, message: "'title' must be text"),
        Malformed(name: "bad kind value", text: "---\nid: a\ntitle: T\nsection: s\nkind: article\n---\nBody.\n",
                  line: 5, message: "expected one of: faq, topic, quickstart, resource"),
        Malformed(name: "bad audience value", text: "---\nid: a\ntitle: T\naudience: admins\n---\nBody.\n",
                  line: 4, message: "expected one of: everyone, owners-admins"),
        Malformed(name: "tags not a list", text: "---\nid: a\ntitle: T\ntags: {billing: yes}\n---\nBody.\n",
                  line: 4, message: "'tags' must be a list"),
        Malformed(name: "a tag is not text", text: "---\nid: a\ntitle: T\naliases: [ok, [nested]]\n---\nBody.\n",
                  line: 4, message: "every entry of 'aliases' must be text"),
        Malformed(name: "empty body", text: "---\nid: a\ntitle: T\n---\n\n  \n",
                  line: 5, message: "body is empty"),
        Malformed(name: "body with only headings", text: "---\nid: a\ntitle: T\n---\n# Title\n## More\n",
                  line: 5, message: "body is empty"),
        Malformed(name: "id with spaces", text: "---\ntitle: T\nid: reset my password\n---\nBody.\n",
                  line: 3, message: "may contain only letters, digits, '-' and '_'"),
        Malformed(name: "id with a slash", text: "---\nid: ../../etc/passwd\ntitle: T\n---\nBody.\n",
                  line: 2, message: "may contain only letters"),
        Malformed(name: "no locale anywhere", text: "---\nid: a\ntitle: T\n---\nBody.\n", path: "a.md",
                  line: 1, message: "no locale"),
    ]

    @Test(arguments: malformed)
    func malformedFileIsReportedAtItsLine(row: Malformed) {
        do {
            let article = try ArticleParser().parse(row.text, path: row.path)
            Issue.record("\(row.name): parsed as \(article.id) instead of failing")
        } catch {
            #expect(error.path == row.path, "\(row.name): path \(error.path)")
            #expect(error.line == row.line, "\(row.name): line \(error.line), expected \(row.line) (\(error.message))")
            #expect(error.message.contains(row.message), "\(row.name): message \(error.message.debugDescription)")
            #expect(error.description.hasPrefix("\(row.path):\(row.line): "), "\(row.name): \(error.description)")
        }
    }
}
