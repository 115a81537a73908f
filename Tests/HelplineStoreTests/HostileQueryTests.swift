import Foundation
import HelplineCore
@testable import HelplineStore
import Testing

/// Questions are untrusted text: none may throw, reach FTS5 as syntax, or stop the index working.
struct HostileQueryTests {
    struct Hostile: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        /// Whether the question has nothing to search for at all.
        var isEmpty = false
        var testDescription: String { name }
    }

    static let hostile: [Hostile] = [
        Hostile(name: "NEAR(a b)", text: "NEAR(a b)"),
        Hostile(name: "a quote", text: "\"", isEmpty: true),
        Hostile(name: "two quotes", text: "\"\"", isEmpty: true),
        Hostile(name: "unbalanced quote", text: "\"reset password"),
        Hostile(name: "column filter", text: "title:password"),
        Hostile(name: "column set", text: "{title}: x"),
        Hostile(name: "column set with body", text: "{title body}: password"),
        Hostile(name: "boolean operators", text: "a AND b OR NOT c"),
        Hostile(name: "boolean operators alone", text: "AND OR NOT", isEmpty: true),
        Hostile(name: "star", text: "*", isEmpty: true),
        Hostile(name: "prefix query", text: "password*"),
        Hostile(name: "initial token", text: "^reset"),
        Hostile(name: "open parenthesis", text: "(", isEmpty: true),
        Hostile(name: "close parenthesis", text: ")", isEmpty: true),
        Hostile(name: "minus", text: "-password"),
        Hostile(name: "plus", text: "+", isEmpty: true),
        Hostile(name: "plus between words", text: "reset + password"),
        Hostile(name: "SQL injection", text: "'; DROP TABLE articles; --"),
        Hostile(name: "SQL injection in quotes", text: "\" OR 1=1; DELETE FROM article_terms; --"),
        Hostile(name: "emoji only", text: "🔑🔒😀👍🏽", isEmpty: true),
        Hostile(name: "10,000 characters", text: String(repeating: "my meeting recording has an echo ", count: 304)),
        Hostile(name: "10,000-character word", text: String(repeating: "x", count: 10_000), isEmpty: true),
        Hostile(name: "2,000 distinct words", text: (0..<2_000).map { "word\($0)q" }.joined(separator: " ")),
        Hostile(name: "NUL and control characters", text: "\u{0}reset\u{1}\u{7}password\u{1B}\u{7F}\u{0}"),
        Hostile(name: "lone combining marks", text: "\u{0301}\u{0308}\u{030A} \u{0301}", isEmpty: true),
        Hostile(name: "RTL", text: "\u{202E}كيف أعيد تعيين كلمة المرور"),
        Hostile(name: "CJK", text: "如何重置密码 パスワードをリセット"),
        Hostile(name: "only English stopwords", text: "how do I the and of it", isEmpty: true),
        Hostile(name: "only Danish stopwords", text: "hvordan kan jeg det og i", isEmpty: true),
        Hostile(name: "empty", text: "", isEmpty: true),
        Hostile(name: "whitespace", text: " \t\n\r \u{00A0}\u{2003}", isEmpty: true),
    ]

    /// A few articles in two locales.
    static func helpCenter() throws -> (TemporaryHelpCenter, KnowledgeIndex) {
        let center = try TemporaryHelpCenter()
        try center.write(TemporaryHelpCenter.article(
            id: "reset-password", title: "Reset your password", body: "Click Forgot password on the sign-in page.",
            aliases: ["I forgot my password"]), to: "articles/en/sign-in-security/reset-password.md")
        try center.write(TemporaryHelpCenter.article(
            id: "record-a-meeting", title: "Record a meeting", body: "Click Record in the meeting toolbar."),
            to: "articles/en/recordings/record-a-meeting.md")
        try center.write(TemporaryHelpCenter.article(
            id: "fix-echo", title: "Fix echo in calls", body: "Echo comes from two microphones in one room."),
            to: "articles/en/audio-video/fix-echo.md")
        try center.write(TemporaryHelpCenter.article(
            id: "reset-password", title: "Nulstil din adgangskode", body: "Klik på Glemt adgangskode på login-siden."),
            to: "articles/da/sign-in-security/reset-password.md")
        let index = try center.openIndex()
        let report = try index.update(from: center.folder)
        #expect(report.added == 4 && report.issues.isEmpty)
        return (center, index)
    }

    /// Whatever came back is a decision a reply can be made of.
    static func checkValid(_ result: SearchResult, _ row: Hostile) {
        #expect(result.confidence >= 0 && result.confidence <= 1, "\(row.name): confidence \(result.confidence)")
        #expect(["en", "da"].contains(result.locale), "\(row.name): locale \(result.locale)")
        #expect(result.terms.count <= Vocabulary.maximumQueryTerms, "\(row.name): \(result.terms.count) terms")
        switch result.decision {
        case .answer: #expect(result.matches.count == 1, "\(row.name): an answer shows one article")
        case .clarify: #expect(result.matches.count == 2, "\(row.name): a clarification offers two")
        case .noMatch: #expect(result.matches.count <= 2, "\(row.name): \(result.matches.count) matches")
        }
        if row.isEmpty {
            #expect(result.decision == .noMatch, "\(row.name): \(result.decision)")
            #expect(result.matches.isEmpty, "\(row.name): \(result.matches.map(\.id))")
            #expect(result.confidence == 0, "\(row.name)")
        }
    }

    static func checkStillAnswers(_ index: KnowledgeIndex, after name: String) throws {
        let english = try index.search("I forgot my password")
        #expect(english.decision == .answer, "after \(name): \(english.decision)")
        #expect(english.matches.first?.id == "reset-password", "after \(name)")
        let danish = try index.search("Jeg har glemt min adgangskode")
        #expect(danish.locale == "da", "after \(name)")
        #expect(danish.matches.first?.id == "reset-password", "after \(name)")
        #expect(index.articleCount == 4, "after \(name)")
    }

    @Test(arguments: hostile)
    func hostileQuestion(row: Hostile) throws {
        let (center, index) = try Self.helpCenter()
        defer { withExtendedLifetime(center) {} }
        for locale in [nil, "en", "da"] as [String?] {
            let result = try index.search(row.text, locale: locale)
            Self.checkValid(result, row)
        }
        try Self.checkStillAnswers(index, after: row.name)
        #expect(try center.articleCounts() == ["en": 3, "da": 1], "\(row.name)")
    }

    /// All of them in a row on one connection: a failure must not leave a cached statement broken.
    @Test func indexStillAnswersAfterEveryHostileQuestion() throws {
        let (center, index) = try Self.helpCenter()
        defer { withExtendedLifetime(center) {} }
        for row in Self.hostile {
            Self.checkValid(try index.search(row.text), row)
        }
        try Self.checkStillAnswers(index, after: "every hostile question")
        #expect(try center.articleCounts() == ["en": 3, "da": 1])
    }

    /// The locale hint comes from the client too.
    @Test(arguments: ["", "zz", "EN-gb", "da_DK", "'; DROP TABLE locales; --", "\"", "\u{0}", String(repeating: "x", count: 5_000)])
    func hostileLocaleHint(locale: String) throws {
        let (center, index) = try Self.helpCenter()
        defer { withExtendedLifetime(center) {} }
        let result = try index.search("reset password", locale: locale)
        #expect(["en", "da"].contains(result.locale), "\(locale.prefix(20).debugDescription): locale \(result.locale)")
        #expect(result.confidence >= 0 && result.confidence <= 1)
        try Self.checkStillAnswers(index, after: "locale \(locale.prefix(20).debugDescription)")
    }

    // MARK: - The MATCH expression

    static func retrieval(_ terms: [String], headingsOnly: Bool = false) -> RetrievalTerms {
        RetrievalTerms(terms: terms.map { QueryTerm(term: $0, weight: 1, isKnown: true) }, headingsOnly: headingsOnly)
    }

    @Test(arguments: [
        (["reset", "password"], false, #""reset" OR "password""#),
        (["reset", "password"], true, #"{title aliases tags} : ("reset" OR "password")"#),
        (["password"], false, #""password""#),
        (["NEAR", "AND", "OR", "NOT"], false, #""NEAR" OR "AND" OR "OR" OR "NOT""#),
        (["title:password", "*", "^reset"], false, #""title:password" OR "*" OR "^reset""#),
        (["a\"b"], false, #""a""b""#),
        (["\""], false, #""""""#),
        (["\"\"", "x"], true, #"{title aliases tags} : ("""""" OR "x")"#),
        (["'; DROP TABLE articles; --"], false, #""'; DROP TABLE articles; --""#),
    ])
    func matchExpressionQuotesEveryTerm(terms: [String], headingsOnly: Bool, expected: String) throws {
        let expression = KnowledgeIndex.matchExpression(for: Self.retrieval(terms, headingsOnly: headingsOnly))
        #expect(expression == expected, "\(terms)")
        // FTS5 accepts it as a query of plain strings, whatever the terms hold.
        let center = try TemporaryHelpCenter()
        defer { withExtendedLifetime(center) {} }
        _ = try center.openIndex()
        let statement = try center.openDatabase().prepare("SELECT count(*) FROM article_terms WHERE article_terms MATCH ?")
        try statement.bind([expression])
        #expect(try statement.step(), "\(terms): \(expression)")
    }

    @Test func matchExpressionOfNoTermsIsEmpty() {
        #expect(KnowledgeIndex.matchExpression(for: Self.retrieval([])) == "")
    }
}
