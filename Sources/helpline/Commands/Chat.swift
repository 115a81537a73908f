import ArgumentParser
import Foundation
import HelplineClient

extension Helpline {
    /// `helpline chat`: the terminal chat, for people and for scripts.
    struct Chat: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Chat with a Helpline server from the terminal.",
            discussion: """
                In a terminal: type questions; /helpful and /unhelpful rate the last answer, /human \
                asks for a person, /help lists the commands, /quit leaves. When standard input is \
                not a terminal, reads one question per line and writes one JSON reply per line.
                """
        )

        @Option(help: ArgumentHelp("The server's chat address.", valueName: "url"))
        var server = "ws://127.0.0.1:8080/chat"

        @Option(help: "An identity token (JWT) from your application, or from 'helpline token'.")
        var token: String?

        @Option(help: ArgumentHelp("Answer in this locale (en, da); detected per question otherwise.", valueName: "code"))
        var locale: String?

        @Option(help: ArgumentHelp("Seconds to wait for each reply.", valueName: "seconds"))
        var timeout = 15

        func validate() throws {
            guard let url = URL(string: server), url.scheme == "ws", url.host != nil, url.port != nil else {
                throw ValidationError("--server must look like ws://HOST:PORT/chat (a numeric address, port included)")
            }
        }

        func run() throws {
            let url = URL(string: server)!
            let pool = try ChatClientPool()
            defer { pool.shutdown() }
            let chat = pool.connect(host: url.host ?? "127.0.0.1", port: url.port ?? 8080, path: url.path.isEmpty ? "/chat" : url.path)
            do {
                try chat.waitUntilOpen(timeout: .seconds(10))
            } catch {
                throw CommandFailure("cannot reach \(server): \(error)")
            }
            let session = TerminalSession(chat: chat, timeout: .seconds(timeout), interactive: isatty(STDIN_FILENO) == 1)
            try session.hello(token: token, locale: locale)
            try session.loop()
        }
    }
}
