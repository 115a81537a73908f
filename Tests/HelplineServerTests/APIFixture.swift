import Foundation
import HelplineCore
import HelplineStore
import Logging
import Synchronization

@testable import HelplineServer

/// An ``APIRouter`` over the shipped help center in a database of one test's own, with one review
/// group (id 1) and one ticket, and an empty knowledge folder of its own for drafts.
final class APIFixture {
    static let secret = Array("api-router-test-secret".utf8)
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// The shipped help center indexed once per run and copied for each fixture: indexing takes
    /// most of a second, and many fixtures are made.
    private static let template: Result<String, any Error> = Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("helpline-api-template-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        templateDirectory.withLock { $0 = directory.path }
        atexit {
            if let path = APIFixture.templateDirectory.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
        }
        let path = directory.appendingPathComponent("helpline.sqlite").path
        try {
            let folder = KnowledgeFolder(root: shippedKnowledge)
            let index = try KnowledgeIndex(database: try Database(path: path), analyzer: Analyzer(synonyms: try folder.loadSynonyms()))
            try index.update(from: folder)
        }()
        return path
    }
    private static let templateDirectory = Mutex<String?>(nil)

    static let shippedKnowledge = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("knowledge", isDirectory: true)

    let directory: URL
    let knowledge: URL
    let router: APIRouter
    let index: KnowledgeIndex
    let review: ReviewLog
    let tickets: TicketStore

    /// - Parameters:
    ///   - verifies: whether the server has an identity secret.
    ///   - devTokens: whether `/dev/token` mints tokens.
    ///   - accounts: the account directory's entries.
    init(verifies: Bool = true, devTokens: Bool = false, accounts: [AccountDirectory.Entry] = []) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("helpline-api-\(UUID().uuidString)")
        knowledge = directory.appendingPathComponent("knowledge", isDirectory: true)
        try FileManager.default.createDirectory(at: knowledge, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("helpline.sqlite").path
        try FileManager.default.copyItem(atPath: try Self.template.get(), toPath: path)
        let database = try Database(path: path)
        index = try KnowledgeIndex(
            database: database, analyzer: Analyzer(synonyms: try KnowledgeFolder(root: Self.shippedKnowledge).loadSynonyms()))
        review = try ReviewLog(database: database)
        tickets = try TicketStore(database: database, policy: .builtIn)
        let directory = try AccountDirectory(database: database, policy: .builtIn)
        for entry in accounts { try directory.set(entry) }
        let member = Identity(userID: "u-1", account: "acme", plan: "business", role: "member")
        try review.record(
            .init(question: "can I pay with a cheque", terms: index.terms(of: "can I pay with a cheque", locale: "en"), locale: "en",
                  identity: member, conversation: "s-1", reason: "no_match", outcome: "self_service", ticketID: nil,
                  closestArticles: []),
            weight: index.weight(of:), now: Self.now)
        _ = try tickets.open(
            .init(identity: member, conversation: "s-1", question: "Salesforce sync fails", priority: .init(level: 3, reason: "t"),
                  channels: [.online]),
            now: Self.now)
        var logger = Logger(label: "helpline.api-test")
        logger.logLevel = .critical
        router = APIRouter(
            authorization: APIAuthorization(verifier: verifies ? IdentityTokenVerifier(secret: Self.secret) : nil, accounts: directory),
            index: index, review: review, tickets: tickets, statistics: try StatisticsStore(database: database), policy: .builtIn,
            knowledge: KnowledgeFolder(root: knowledge), devTokens: devTokens ? IdentityTokenSigner(secret: Self.secret) : nil,
            logger: logger)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    static func token(role: String, plan: String = "business", account: String = "acme", secret: [UInt8] = secret, expiresIn: TimeInterval = 600)
        -> String
    {
        IdentityTokenSigner(secret: secret).sign(
            Identity(userID: "u-\(role)", account: account, plan: plan, role: role), expires: now.addingTimeInterval(expiresIn))
    }

    /// Routes a request; the reload's deferred answer counts as a 200 here, and an answer given
    /// after a reload is that answer.
    func status(
        _ method: HTTPRequest.Method, _ path: String, query: [(name: String, value: String)] = [],
        authorization: String? = "Bearer " + APIFixture.token(role: "lead"), body: String = ""
    ) -> (status: UInt32, response: HTTPResponse?) {
        let request = HTTPRequest(method: method, path: path, query: query, authorization: authorization, body: Array(body.utf8))
        switch router.route(request, now: Self.now) {
        case .response(let response)?: return (response.status, response)
        case .reloadKnowledge?: return (200, nil)
        case .afterReload(let response)?: return (response.status, response)
        case nil: return (0, nil)
        }
    }
}

extension HTTPResponse {
    /// The body as a JSON object, or empty when it is not one.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]) ?? [:]
    }

    var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }

    func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }
}
