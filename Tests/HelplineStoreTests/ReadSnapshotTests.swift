import Foundation
import HelplineCore
import Testing

@testable import HelplineStore

/// Reads leave no statement on a row. A statement left there keeps its connection's read
/// transaction open: in WAL mode the connection then reads an old snapshot, never sees what
/// another connection commits (a knowledge reload, `helpline tickets respond` beside the server),
/// and its next write fails with SQLITE_BUSY_SNAPSHOT. That used to happen to the server as soon
/// as a second connection wrote.
struct ReadSnapshotTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let owner = Identity(userID: "u-1", account: "acme", plan: "business", role: "owner")

    @Test func everySingleRowReadLeavesNoActiveStatement() throws {
        let center = try TemporaryHelpCenter()
        defer { withExtendedLifetime(center) {} }
        try center.write(
            TemporaryHelpCenter.article(id: "reset-password", title: "Reset your password", body: "Use the link."),
            to: "articles/en/sign-in/reset-password.md")
        try center.write(
            "---\nid: password-guide\ntitle: Password quickstart\nkind: quickstart\n---\nSet a password.\n",
            to: "articles/en/getting-started/password-guide.md")
        let database = try center.openDatabase()
        let index = try center.openIndex()
        try index.update(from: center.folder)
        let conversations = try ConversationStore(database: database)
        let tickets = try TicketStore(database: database, policy: .builtIn)
        let accounts = try AccountDirectory(database: database, policy: .builtIn)
        let log = try ReviewLog(database: database)
        try conversations.begin("s-1", identity: Self.owner, now: Self.now)
        let noMatch = SearchResult(decision: .noMatch, confidence: 0, locale: "en", terms: [], matches: [])
        try conversations.recordExchange(
            "s-1", clientID: "x", question: "q", reply: ReplyComposer(policy: .builtIn).reply(to: noMatch, replyTo: "x"),
            confidence: 0, articles: [], now: Self.now)
        try accounts.set(.init(account: "acme", plan: "pro"))
        let ticket = try tickets.open(
            .init(identity: Self.owner, conversation: "s-1", question: "q", priority: .init(level: 3, reason: "t"), channels: []),
            now: Self.now)
        let group = try log.record(
            .init(question: "q", terms: ["q"], locale: "en", identity: Self.owner, conversation: nil, reason: "no_match",
                  outcome: "self_service", ticketID: nil, closestArticles: []),
            weight: { _ in 1 }, now: Self.now)

        let reads: [(String, () throws -> Void)] = [
            ("search", { _ = try index.search("reset my password", locale: "en") }),
            ("closest guide", { _ = try index.closestGuide(to: "password", locale: "en") }),
            ("can resume", { _ = try conversations.canResume("s-1", as: Self.owner) }),
            ("question", { _ = try conversations.question("s-1", clientID: "x") }),
            ("fingerprint", { _ = try index.isCurrent }),
            ("ticket", { _ = try tickets.ticket(ticket.id) }),
            ("opened count", { _ = try tickets.openedCount(for: Self.owner, since: Self.now) }),
            ("plan", { _ = try accounts.plan(of: "acme") }),
            ("phrasings", { _ = try log.phrasings(of: group) }),
            ("group", { _ = try log.group(group) }),
            ("learn aliases", { try index.learnAliases(["q"], articleID: "reset-password", locale: "en", group: group, now: Self.now) }),
        ]
        // Each read finds a row: a statement that ran to its end holds nothing anyway.
        #expect(try index.closestGuide(to: "password", locale: "en")?.id == "password-guide")
        #expect(try accounts.plan(of: "acme") == "pro" && conversations.question("s-1", clientID: "x") == "q")
        for (name, read) in reads {
            try read()
            #expect(database.activeStatementCount == 0, "\(name) left a statement on a row")
        }
    }

    @Test func aConnectionSeesAndOutlivesAnotherConnectionsCommits() throws {
        let center = try TemporaryHelpCenter()
        defer { withExtendedLifetime(center) {} }
        let server = try TicketStore(database: try center.openDatabase(), policy: .builtIn)
        let command = try TicketStore(database: try Database(path: center.root.appendingPathComponent("index.sqlite").path), policy: .builtIn)
        let ticket = try server.open(
            .init(identity: Self.owner, conversation: nil, question: "q", priority: .init(level: 2, reason: "t"), channels: []),
            now: Self.now)
        #expect(try server.ticket(ticket.id)?.status == .open)
        _ = try command.respond(ticket.id, now: Self.now.addingTimeInterval(60))
        #expect(try server.ticket(ticket.id)?.status == .responded, "the server reads the command's commit")
        _ = try server.solve(ticket.id, now: Self.now.addingTimeInterval(120))
        #expect(try command.ticket(ticket.id)?.status == .solved, "and can still write after it")
    }
}
