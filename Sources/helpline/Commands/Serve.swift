import ArgumentParser
import Dispatch
import Foundation
import HelplineCore
import HelplineServer
import HelplineStore
import Logging

extension Helpline {
    /// `helpline serve`: the chat server.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the chat over WebSocket at /chat, with /healthz, /metrics and the HTTP API on the same port.",
            discussion: """
                Every option can also come from the environment: HELPLINE_PORT, HELPLINE_HOST, \
                HELPLINE_DATA, HELPLINE_KNOWLEDGE, HELPLINE_MAX_MESSAGE_BYTES, HELPLINE_STATIC, \
                HELPLINE_TICKET_WEBHOOK. Identity tokens (JWT, \
                HS256) are checked with the secret in HELPLINE_IDENTITY_SECRET, or in the file named \
                by HELPLINE_IDENTITY_SECRET_FILE; without a secret, every user is an anonymous free \
                member and tokens are refused. SIGINT or SIGTERM closes open chats and exits.

                The HTTP API under /api/v1/ (review groups, tickets, statistics, knowledge reload; \
                see docs/API.md) takes a support lead's token: 'Authorization: Bearer <JWT>' with \
                role lead.

                SIGHUP, POST /api/v1/knowledge/reload and --watch re-index what changed in the \
                knowledge folder while chats go on; synonyms.yaml is read again, policy.yaml only \
                at start.

                --dev is for development only: GET /dev/token mints a token for any plan and role, \
                lead included, for anyone who can reach the port; without a secret a random one is \
                made at start.
                """
        )

        private static let environment = ProcessInfo.processInfo.environment

        @Option(help: ArgumentHelp("TCP port; 0 picks a free one and prints it.", valueName: "port"))
        var port = Int(Self.environment["HELPLINE_PORT"] ?? "") ?? 8080

        @Option(name: .customLong("host"), help: ArgumentHelp("Interface or address to listen on (default: all).", valueName: "address"))
        var hostOption: String?
        /// `--host`, else HELPLINE_HOST.
        var host: String? { hostOption ?? Self.environment["HELPLINE_HOST"] }

        @Option(help: ArgumentHelp("Largest chat message accepted, in bytes; larger ones close the chat with 1009.", valueName: "bytes"))
        var maxMessageBytes = Int(Self.environment["HELPLINE_MAX_MESSAGE_BYTES"] ?? "") ?? 16 * 1024

        @Option(name: .customLong("static"), help: ArgumentHelp("Folder of files served under / (the chat page).", valueName: "dir"))
        var staticFolder = Self.environment["HELPLINE_STATIC"] ?? "./public"

        @Option(
            name: .customLong("ticket-webhook"),
            help: ArgumentHelp("POST each new ticket here as JSON, signed with HELPLINE_WEBHOOK_SECRET (HMAC-SHA256).", valueName: "url"))
        var ticketWebhookOption: String?
        /// `--ticket-webhook`, else HELPLINE_TICKET_WEBHOOK.
        var ticketWebhook: String? { ticketWebhookOption ?? Self.environment["HELPLINE_TICKET_WEBHOOK"] }

        @Option(help: ArgumentHelp("Wait before the first webhook retry, in milliseconds; each retry doubles it (up to 5 minutes).", valueName: "ms"))
        var webhookRetryMs = 2_000

        @Flag(help: "Re-index the knowledge folder whenever its articles or synonyms change (looked at every second).")
        var watch = false

        @Flag(help: "Development mode: GET /dev/token mints identity tokens for anyone. Never in production.")
        var dev = false

        @OptionGroup(title: "Storage") var storage: StorageOptions

        func validate() throws {
            if let ticketWebhook {
                guard let url = URL(string: ticketWebhook), ["http", "https"].contains(url.scheme ?? "") else {
                    throw ValidationError("--ticket-webhook must be an http or https URL, not '\(ticketWebhook)'")
                }
                guard Self.environment["HELPLINE_WEBHOOK_SECRET"].map({ !$0.isEmpty }) == true else {
                    throw ValidationError("--ticket-webhook needs HELPLINE_WEBHOOK_SECRET, the key its receiver checks signatures with")
                }
            }
            guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port)") }
            guard maxMessageBytes >= 256 else { throw ValidationError("--max-message-bytes must be at least 256") }
        }

        func run() throws {
            let opened = try storage.openIndex { progress in
                if progress.total >= 500 { printToStandardError("indexed \(progress.done)/\(progress.total) files") }
            }
            for issue in opened.report.issues { printToStandardError("warning: \(issue)") }
            LoggingSystem.bootstrap(StreamLogHandler.standardError)
            let webhook = ticketWebhook.flatMap(URL.init(string:)).map { url in
                WebhookDispatcher(
                    databasePath: storage.databasePath, url: url, secret: Array((Self.environment["HELPLINE_WEBHOOK_SECRET"] ?? "").utf8),
                    baseBackoff: .milliseconds(webhookRetryMs), logger: Logger(label: "helpline.webhook"))
            }
            webhook?.start()
            defer { webhook?.stop() }
            let wakeUp: (@Sendable () -> Void)? = webhook.map { dispatcher in { @Sendable in dispatcher.wake() } }
            // With --dev and no configured secret, a random one: dev tokens then work for chats too.
            let secret = try Self.identitySecret() ?? (dev ? (0..<32).map { _ in UInt8.random(in: .min ... .max) } : nil)
            let server = try ChatServer(
                configuration: ServerConfiguration(
                    port: port, host: host, maximumMessageBytes: maxMessageBytes,
                    staticFolder: FileManager.default.fileExists(atPath: staticFolder) ? staticFolder : nil,
                    knowledgeFolder: storage.knowledge),
                index: opened.index, conversations: try ConversationStore(database: opened.database), policy: opened.policy,
                verifier: secret.map { IdentityTokenVerifier(secret: $0) },
                accounts: try AccountDirectory(database: opened.database, policy: opened.policy),
                tickets: try TicketStore(database: opened.database, policy: opened.policy, queuesWebhooks: webhook != nil),
                review: try ReviewLog(database: opened.database), statistics: try StatisticsStore(database: opened.database),
                devTokens: dev ? secret.map { IdentityTokenSigner(secret: $0) } : nil, ticketOpened: wakeUp)

            // Signals arrive on a dispatch queue, not in a signal handler: stop() and
            // requestReload() only set a flag and wake the service loop.
            let sources = [(SIGINT, server.stop), (SIGTERM, server.stop), (SIGHUP, server.requestReload)].map { number, action in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { action() }
                source.resume()
                return source
            }
            if dev {
                printToStandardError(
                    "warning: --dev: GET /dev/token mints identity tokens (any plan and role, lead included) for anyone "
                        + "who can reach port \(server.port); never use --dev in production")
            }
            let watcher = watch ? KnowledgeWatcher(folder: storage.knowledgeFolder) { server.requestReload() } : nil
            watcher?.start()
            defer { watcher?.stop() }
            // Written straight to the file descriptor, so a script reading the port sees it at once.
            FileHandle.standardOutput.write(Data(
                "helpline: serving \(opened.index.articleCount) articles on port \(server.port) (ws://localhost:\(server.port)/chat)\n".utf8))
            server.run()
            sources.forEach { $0.cancel() }
            printToStandardError("helpline: stopped")
        }

        /// The identity secret from HELPLINE_IDENTITY_SECRET, or the file HELPLINE_IDENTITY_SECRET_FILE names.
        static func identitySecret() throws -> [UInt8]? {
            if let secret = environment["HELPLINE_IDENTITY_SECRET"], !secret.isEmpty {
                return Array(secret.utf8)
            }
            if let path = environment["HELPLINE_IDENTITY_SECRET_FILE"] {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw CommandFailure("cannot read the identity secret file '\(path)' (HELPLINE_IDENTITY_SECRET_FILE)")
                }
                return Array(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).utf8)
            }
            return nil
        }
    }
}
