import Foundation
import HelplineCore
import Testing

@testable import HelplineStore

/// What a lead does with a group (resolve, draft, dismiss) and what a group's detail shows:
/// shared by `helpline review` and the HTTP API.
struct ReviewActionsTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let member = Identity(userID: "u-1", account: "acme", plan: "pro", role: "member")

    /// A help center with one article and a log with one group of two phrasings.
    static func seeded() throws -> (TemporaryHelpCenter, ReviewLog, KnowledgeIndex, group: Int64) {
        let center = try TemporaryHelpCenter()
        try center.write(
            TemporaryHelpCenter.article(id: "pay-by-invoice", title: "Pay by invoice", body: "Choose invoice at checkout."),
            to: "articles/en/billing/pay-by-invoice.md")
        let index = try center.openIndex()
        try index.update(from: center.folder)
        let log = try ReviewLog(database: try center.openDatabase())
        var group: Int64 = 0
        for (offset, question) in ["can I pay with a cheque", "pay by cheque possible"].enumerated() {
            group = try log.record(
                .init(question: question, terms: index.terms(of: question, locale: "en"), locale: "en", identity: member,
                      conversation: "s-\(offset)", reason: "no_match", outcome: offset == 0 ? "self_service" : "ticket",
                      ticketID: offset == 0 ? nil : 7, closestArticles: ["pay-by-invoice"]),
                weight: { _ in 1 }, now: now.addingTimeInterval(Double(offset)))
        }
        return (center, log, index, group)
    }

    @Test func aGroupsDetailListsItsQuestionsNewestFirst() throws {
        let (center, log, _, group) = try Self.seeded()
        defer { withExtendedLifetime(center) {} }
        let detail = try #require(try log.group(group))
        #expect(detail.count == 2 && detail.status == "open" && detail.outcomes == ["self_service": 1, "ticket": 1])
        #expect(detail.firstSeen == Self.now && detail.lastSeen == Self.now.addingTimeInterval(1))
        let questions = try log.questions(of: group, limit: 50)
        #expect(questions.map(\.question) == ["pay by cheque possible", "can I pay with a cheque"])
        #expect(questions.map(\.ticketID) == [7, nil] && questions.map(\.conversation) == ["s-1", "s-0"])
        #expect(try log.questions(of: group, limit: 1).count == 1)
        #expect(try log.group(999) == nil)
    }

    @Test func resolvingMakesThePhrasingsAnswerAtOnce() throws {
        let (center, log, index, group) = try Self.seeded()
        defer { withExtendedLifetime(center) {} }
        #expect(throws: ReviewError.self) { try log.resolve(group, article: "no-such-article", in: index, now: Self.now) }
        #expect(try log.group(group)?.status == "open", "a failed resolve changes nothing")
        let resolution = try log.resolve(group, article: "pay-by-invoice", in: index, now: Self.now)
        #expect(resolution.aliases == 2 && resolution.group.status == "resolved")
        #expect(try index.search("can I pay with a cheque", locale: "en").matches.first?.id == "pay-by-invoice")
        do {
            _ = try log.resolve(999, article: "pay-by-invoice", in: index, now: Self.now)
            Issue.record("resolved a group that does not exist")
        } catch let error as ReviewError {
            #expect(error.kind == .groupNotFound)
        }
    }

    /// A closed group cannot be resolved again, and an article never learns a phrasing twice.
    @Test func phrasingsAreLearnedOnce() throws {
        let (center, log, index, group) = try Self.seeded()
        defer { withExtendedLifetime(center) {} }
        _ = try log.resolve(group, article: "pay-by-invoice", in: index, now: Self.now)
        do {
            _ = try log.resolve(group, article: "pay-by-invoice", in: index, now: Self.now)
            Issue.record("resolved a resolved group")
        } catch let error as ReviewError {
            #expect(error.kind == .groupClosed)
        }
        // Another group with a phrasing the article already learned, and a new one.
        let again = try log.record(
            .init(question: "can I pay with a cheque", terms: ["cheque", "pai"], locale: "en", identity: Self.member,
                  conversation: "s-9", reason: "no_match", outcome: "self_service", ticketID: nil, closestArticles: []),
            weight: { _ in 1 }, now: Self.now.addingTimeInterval(10))
        try index.learnAliases(
            ["can I pay with a cheque", "cheques accepted"], articleID: "pay-by-invoice", locale: "en", group: again,
            now: Self.now)
        let database = try center.openDatabase()
        let aliases = try database.cachedStatement(
            "SELECT t.aliases FROM article_terms t JOIN articles a ON a.row = t.rowid WHERE a.article_id = 'pay-by-invoice'")
        let lines = try #require(try aliases.firstRow { $0.string(at: 0) }).map { $0.split(separator: "\n").map(String.init) } ?? []
        #expect(lines.count == Set(lines).count, "aliases repeated: \(lines)")
        #expect(lines.contains(index.terms(of: "cheques accepted", locale: "en").joined(separator: " ")))
    }

    @Test func aDraftIsAValidArticleAndIsNeverOverwritten() throws {
        let (center, log, _, group) = try Self.seeded()
        defer { withExtendedLifetime(center) {} }
        let draft = try log.writeDraft(for: group, in: center.folder)
        #expect(draft.file.path.hasSuffix("knowledge/drafts/draft-\(group).md") && draft.phrasings == 2)
        let article = try ArticleParser().parse(String(contentsOf: draft.file, encoding: .utf8), path: "drafts/draft-\(group).md")
        #expect(article.aliases == ["can I pay with a cheque", "pay by cheque possible"])
        do {
            _ = try log.writeDraft(for: group, in: center.folder)
            Issue.record("overwrote a draft")
        } catch let error as ReviewError {
            #expect(error.kind == .draftExists)
        }
        #expect(try center.folder.articleFiles().count == 1, "drafts are not published")
    }

    @Test func dismissingReturnsTheGroupOrSaysThereIsNone() throws {
        let (center, log, _, group) = try Self.seeded()
        defer { withExtendedLifetime(center) {} }
        #expect(try log.dismissGroup(group).status == "dismissed")
        #expect(throws: ReviewError.self) { try log.dismissGroup(999) }
    }
}
