import Foundation
import HelplineCore
import HelplineStore
import Testing

/// The help center the repository ships, indexed as `helpline index` does: it loads cleanly and
/// answers the obvious questions in both languages.
struct ShippedHelpCenterTests {
    /// The shipped folder indexed into a database of the test's own, with the shipped synonyms.
    static func indexed() throws -> (TemporaryHelpCenter, KnowledgeIndex, IndexReport) {
        let center = try TemporaryHelpCenter(knowledge: TemporaryHelpCenter.shippedKnowledge)
        let index = try center.openIndex(analyzer: Analyzer(synonyms: try center.folder.loadSynonyms()))
        let report = try index.update(from: center.folder)
        return (center, index, report)
    }

    @Test func indexesWithoutIssues() throws {
        let (center, index, report) = try Self.indexed()
        defer { withExtendedLifetime(center) {} }
        #expect(report.issues == [], "\(report.issues.map(\.description).joined(separator: "\n"))")
        #expect(report.added == report.files)
        #expect(try index.issues() == [])
        let counts = try center.articleCounts()
        #expect(counts["en", default: 0] >= 60, "\(counts)")
        #expect(counts["da", default: 0] >= 30, "\(counts)")
        #expect(index.articleCount == counts.values.reduce(0, +))
    }

    @Test func everyFileParsesAndIdsMatchFileNames() throws {
        let (articles, issues) = try KnowledgeFolder(root: TemporaryHelpCenter.shippedKnowledge).loadArticles()
        #expect(issues == [])
        for article in articles {
            #expect(article.path.hasSuffix("/\(article.id).md"), "\(article.path) has id \(article.id)")
            #expect(article.path.hasPrefix("articles/\(article.locale)/\(article.section)/"), "\(article.path)")
        }
        // Every Danish article translates an English one.
        let english = Set(articles.filter { $0.locale == "en" }.map(\.id))
        let untranslated = articles.filter { $0.locale == "da" && !english.contains($0.id) }.map(\.path)
        #expect(untranslated == [])
    }

    /// "in", "out" and "up" are stopwords: the synonym groups must keep the three apart.
    @Test func signingInOutAndUpStayApart() throws {
        let analyzer = Analyzer(synonyms: try KnowledgeFolder(root: TemporaryHelpCenter.shippedKnowledge).loadSynonyms())
        func terms(_ text: String) -> [String] { analyzer.terms(text, language: .english) }
        #expect(terms("log in") == terms("sign in"))
        #expect(terms("logged out") == terms("sign out"))
        #expect(terms("create an account") == terms("sign up"))
        #expect(Set([terms("sign in"), terms("sign out"), terms("sign up")]).count == 3)
    }

    /// A group whose first member loses a stopword ("sign in" → "sign") must not land on another
    /// group's terms: the two would merge. (Spelling groups that stem alike, "licence" and
    /// "licensed", merge on purpose.)
    @Test(arguments: Language.allCases)
    func noGroupLosesAStopwordIntoAnother(language: Language) throws {
        let synonyms = try KnowledgeFolder(root: TemporaryHelpCenter.shippedKnowledge).loadSynonyms()
        let analyzer = Analyzer(synonyms: synonyms)
        var groupsByTerms: [[String]: [String]] = [:]
        for group in synonyms.groupsByLocale[language.locale] ?? [] {
            groupsByTerms[analyzer.terms(group[0], language: language), default: []].append(group[0])
        }
        let merged = groupsByTerms.filter { terms, firsts in
            firsts.count > 1 && firsts.contains { $0.split(separator: " ").count > terms.count }
        }
        #expect(merged.isEmpty, "groups that lost a stopword into another: \(merged)")
    }

    static let sanityQuestions: [(question: String, locale: String, id: String)] = [
        ("I forgot my password", "en", "reset-password"),
        ("how do I cancel my subscription", "en", "cancel-subscription"),
        ("my microphone is not working", "en", "microphone-not-working"),
        ("how do I share my screen", "en", "share-your-screen"),
        ("Jeg har glemt min adgangskode", "da", "reset-password"),
        ("hvordan opsiger jeg mit abonnement", "da", "cancel-subscription"),
        ("min mikrofon virker ikke", "da", "microphone-not-working"),
        ("hvordan deler jeg min skaerm", "da", "share-your-screen"),
    ]

    /// The expected articles exist, so a failure below is the search's, not the table's.
    @Test func sanityQuestionsNameShippedArticles() throws {
        let paths = Set(try KnowledgeFolder(root: TemporaryHelpCenter.shippedKnowledge).articleFiles().map(\.path))
        for row in Self.sanityQuestions {
            #expect(paths.contains { $0.hasPrefix("articles/\(row.locale)/") && $0.hasSuffix("/\(row.id).md") },
                    "no \(row.locale) article \(row.id)")
        }
    }

    @Test func sanityQuestionsAreAnswered() throws {
        let (center, index, _) = try Self.indexed()
        defer { withExtendedLifetime(center) {} }
        for row in Self.sanityQuestions {
            // Without a locale hint, as a chat without `hello.locale` asks.
            let result = try index.search(row.question)
            let got = result.matches.map(\.id)
            #expect(result.locale == row.locale, "\(row.question.debugDescription): searched \(result.locale)")
            #expect(result.decision == .answer, "\(row.question.debugDescription): \(result.decision), \(got)")
            #expect(got.first == row.id, "\(row.question.debugDescription): expected \(row.id), got \(got)")
            #expect(result.confidence >= index.confidenceModel.answerThreshold && result.confidence <= 1)
            if let match = result.matches.first {
                #expect(!match.snippet.isEmpty && !match.shortAnswer.isEmpty, "\(row.id)")
            }
        }
    }

    @Test(arguments: [
        ("what's the capital of France", "en"),
        ("who won the football world cup in 1998", "en"),
        ("hvad er hovedstaden i Frankrig", "da"),
    ])
    func offTopicQuestionGetsNoMatch(question: String, locale: String) throws {
        let (center, index, _) = try Self.indexed()
        defer { withExtendedLifetime(center) {} }
        let result = try index.search(question)
        #expect(result.locale == locale, "\(question)")
        #expect(result.decision == .noMatch, "\(question): \(result.decision) \(result.matches.map(\.id)) at \(result.confidence)")
    }

    /// A second run over the unchanged folder reads nothing.
    @Test func secondRunChangesNothing() throws {
        let (center, index, first) = try Self.indexed()
        defer { withExtendedLifetime(center) {} }
        let second = try index.update(from: center.folder)
        #expect(second.unchanged == first.files)
        #expect(second.added + second.updated + second.removed == 0)
        #expect(!second.rebuilt)
    }
}
