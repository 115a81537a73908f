import Dispatch
import Foundation
import HelplineCore
import HelplineServer
import HelplineStore
import Logging
import Synchronization

/// A real ``ChatServer`` on an ephemeral port of 127.0.0.1, serving the shipped help center from a
/// database in a temporary directory of its own, with `run()` on a thread of its own.
///
/// Swift Testing runs tests in parallel, so every test boots its own server: no shared port,
/// database or connection count. The directory goes when the server has stopped.
final class TestServer {
    /// `<repo>/knowledge`, found from this file: `<repo>/Tests/HelplineEndToEndTests/Support/TestServer.swift`.
    static let shippedKnowledge = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("knowledge", isDirectory: true)

    /// A database with the shipped help center indexed, built once per test run and copied for
    /// each server: indexing takes most of a second, and some forty servers boot per run.
    ///
    /// The copy is a plain file copy, which is safe because the template's connection is closed
    /// (SQLite checkpoints the WAL into the main file when the last connection closes). Removed
    /// when the test process exits.
    private static let indexedTemplate: Result<String, any Error> = Result {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("helpline-e2e-template-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        templateDirectory.withLock { $0 = directory.path }
        atexit {
            if let path = TestServer.templateDirectory.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
        }
        let path = directory.appendingPathComponent("helpline.sqlite").path
        try {
            let folder = KnowledgeFolder(root: shippedKnowledge)
            let database = try Database(path: path)
            let index = try KnowledgeIndex(database: database, analyzer: Analyzer(synonyms: try folder.loadSynonyms()))
            let report = try index.update(from: folder)
            guard report.issues.isEmpty else { throw TestFailure("the shipped help center has issues: \(report.issues)") }
        }()
        return path
    }
    private static let templateDirectory = Mutex<String?>(nil)

    /// The port the server listens on.
    let port: Int
    /// The server's own copy of the shipped help center, which a test may edit and reload; nil
    /// unless asked for with `copiesKnowledge`.
    let knowledge: URL?
    private let directory: URL
    private var server: ChatServer?
    /// Signalled once, when `run()` has returned.
    private let runReturned = DispatchSemaphore(value: 0)
    private var stopped = false

    /// Indexes the shipped help center and starts serving.
    ///
    /// - Parameters:
    ///   - verifier: checks identity tokens; nil runs the server without a secret, as `serve` does
    ///     when `HELPLINE_IDENTITY_SECRET` is unset.
    ///   - configuration: limits and timeouts; the port and host are always 0 and 127.0.0.1.
    ///   - accounts: the account directory's entries, which override the plan tokens name.
    ///   - devTokens: mints `/dev/token`'s tokens, as `serve --dev` does; nil, as in production.
    ///   - copiesKnowledge: serve a copy of the shipped help center in the server's directory, as
    ///     its knowledge folder (``knowledge``): reloads re-index it and drafts go there. Without
    ///     it the server has no knowledge folder, so no test writes into the repository's.
    init(
        verifier: IdentityTokenVerifier? = nil, configuration: ServerConfiguration = ServerConfiguration(),
        accounts: [AccountDirectory.Entry] = [], devTokens: IdentityTokenSigner? = nil, copiesKnowledge: Bool = false
    ) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("helpline-e2e-\(UUID().uuidString)", isDirectory: true)
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let knowledge = copiesKnowledge ? directory.appendingPathComponent("knowledge", isDirectory: true) : nil
        self.knowledge = knowledge
        do {
            if let knowledge { try FileManager.default.copyItem(at: Self.shippedKnowledge, to: knowledge) }
            let folder = KnowledgeFolder(root: Self.shippedKnowledge)
            let path = directory.appendingPathComponent("helpline.sqlite").path
            try FileManager.default.copyItem(atPath: try Self.indexedTemplate.get(), toPath: path)
            let database = try Database(path: path)
            let index = try KnowledgeIndex(database: database, analyzer: Analyzer(synonyms: try folder.loadSynonyms()))
            var configuration = configuration
            configuration.port = 0
            configuration.host = "127.0.0.1"
            if let knowledge { configuration.knowledgeFolder = knowledge.path }
            // Chats opening and closing are routine here; warnings and errors still show.
            var logger = Logger(label: "helpline.e2e")
            logger.logLevel = .warning
            // Wired as `helpline serve` wires it, less the webhook.
            let policy = try folder.loadPolicy()
            let directory = try AccountDirectory(database: database, policy: policy)
            for entry in accounts { try directory.set(entry) }
            let server = try ChatServer(
                configuration: configuration, index: index, conversations: try ConversationStore(database: database),
                policy: policy, verifier: verifier, accounts: directory,
                tickets: try TicketStore(database: database, policy: policy), review: try ReviewLog(database: database),
                statistics: try StatisticsStore(database: database), devTokens: devTokens, logger: logger)
            self.server = server
            port = server.port
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        // From here on the index, the store and the server belong to the service thread.
        let server = server!
        let runReturned = runReturned
        let thread = Thread {
            server.run()
            runReturned.signal()
        }
        thread.name = "helpline-e2e-server"
        thread.start()
    }

    deinit {
        shutDown()
        // Release the server (and with it the database connection) before its files go.
        server = nil
        try? FileManager.default.removeItem(at: directory)
    }

    /// Stops the server unless a test already did, waiting a while for `run()` to return.
    func shutDown() {
        if !stopped { _ = try? stop() }
    }

    /// Asks the server to stop and waits for `run()` to return.
    ///
    /// - Parameter limit: how long `run()` may take to return.
    /// - Returns: how long it took.
    /// - Throws: ``TestFailure`` when `run()` is still running after `limit`.
    @discardableResult
    func stop(within limit: Duration = .seconds(5)) throws -> Duration {
        precondition(!stopped, "stop() twice")
        stopped = true
        let clock = ContinuousClock()
        let started = clock.now
        server?.stop()
        let (seconds, attoseconds) = limit.components
        let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        guard runReturned.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .success else {
            throw TestFailure("ChatServer.run() did not return within \(limit) of stop()")
        }
        return clock.now - started
    }
}

/// A test's own failure, with a message that says what was expected.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
