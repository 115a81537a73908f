import ArgumentParser
import Foundation

extension Helpline {
    /// `helpline chat`: the terminal chat, for people and for scripts.
    struct Chat: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Chat with a Helpline server from the terminal.",
            discussion: """
                In a terminal: type questions and edit them as in a shell (arrows, Home/End, Ctrl-A/E/W/U/K; \
                Up and Down recall earlier lines, kept in $HELPLINE_HISTORY or ~/.helpline_history; an empty \
                HELPLINE_HISTORY keeps none). /helpful and /unhelpful rate the last answer, /human asks for a \
                person, /help lists the commands, /quit or Ctrl-D leaves. After "Which one do you mean?" a \
                number picks a suggestion. Replies are wrapped to the terminal's width; colours are used when \
                standard output is a terminal, TERM is not 'dumb' and NO_COLOR is unset or empty.

                When standard input is not a terminal, reads one question (or command) per line, sends it once \
                the previous reply is in, and writes each reply as one JSON object per line; /helpful gets no \
                reply. Notes go to standard error.

                A dropped connection is reopened with backoff and the conversation resumed; unanswered \
                questions are sent again. Scripts give up when it is not back within --timeout.
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

        @Flag(name: .customLong("no-color"), help: "Never use colours.")
        var noColor = false

        func validate() throws {
            guard let url = URL(string: server), url.scheme == "ws", url.host != nil, url.port != nil else {
                throw ValidationError("--server must look like ws://HOST:PORT/chat (a numeric address, port included)")
            }
            guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        }

        func run() throws {
            let url = URL(string: server)!
            let environment = ProcessInfo.processInfo.environment
            let interactive = isatty(STDIN_FILENO) == 1
            let outputIsTerminal = isatty(STDOUT_FILENO) == 1
            let term = environment["TERM"] ?? ""
            let mode: TerminalChat.Mode =
                !interactive ? .script : outputIsTerminal && !term.isEmpty && term != "dumb" ? .editor : .lines
            let settings = TerminalChat.Settings(
                server: server, host: url.host ?? "127.0.0.1", port: url.port ?? 8080,
                path: url.path.isEmpty ? "/chat" : url.path, token: token, locale: locale,
                timeout: TimeInterval(timeout),
                style: TerminalStyle.decide(outputIsTerminal: outputIsTerminal, environment: environment, noColorFlag: noColor),
                history: HistoryFile.configured(environment: environment))
            try TerminalChat(settings: settings, mode: mode).run()
        }
    }
}
