import Foundation

/// Lays out what the chat shows for people: wrapped to the terminal, links on their own lines,
/// tickets with their due time in local time.
///
/// Wrapping happens on plain text and colour is added per line afterwards, so colour codes
/// never count towards a line's width.
struct ReplyFormatter {
    let style: TerminalStyle
    /// The terminal's width; narrower than 20 is treated as 20.
    let columns: Int
    var timeZone = TimeZone.current

    private static let indent = "  "
    private var wrapper: TextWrapper { TextWrapper(width: max(20, columns)) }

    /// The lines for one output, without newlines.
    func lines(for output: Conversation.Output) -> [String] {
        switch output {
        case .welcome(let user, let resumed, let resent):
            return wrap(welcome(user: user, resumed: resumed, resent: resent)).map(style.dim)
        case .reply(let frame):
            return reply(frame)
        case .refused(let frame):
            return wrap("the server refused the token: \(frame.message ?? "no reason given")").map(style.error)
        case .note(let note):
            return self.note(note)
        }
    }

    private func welcome(user: ServerFrame.User?, resumed: Bool?, resent: Int) -> String {
        let again = resent == 0 ? "" : " (sent \(resent) unanswered message\(resent == 1 ? "" : "s") again)"
        switch resumed {
        case true?: return "reconnected; the conversation continues\(again)"
        case false?: return "reconnected; a new conversation starts\(again)"
        case nil:
            let who = [user?.plan.map { "\($0) plan" }, user?.role].compactMap { $0 }.joined(separator: ", ")
            return "connected\(who.isEmpty ? "" : " (\(who))"); /help lists the commands"
        }
    }

    private func reply(_ frame: ServerFrame) -> [String] {
        switch frame.type {
        case "answer": answer(frame)
        case "clarify": clarify(frame)
        case "escalation": escalation(frame)
        case "error": wrap("error: \(frame.message ?? frame.code ?? "unknown")").map(style.error)
        default: wrap("the server sent something this chat does not understand (\(frame.type))").map(style.error)
        }
    }

    private func answer(_ frame: ServerFrame) -> [String] {
        let articles = frame.articles ?? []
        var lines: [String] = []
        if let first = articles.first { lines += wrap(first.title).map(style.bold) }
        lines += text(frame.text ?? "")
        for (number, article) in articles.enumerated() {
            if number > 0 { lines += wrap("See also: \(article.title)").map(style.bold) }
            if let snippet = article.snippet, !snippet.isEmpty, !(frame.text ?? "").contains(snippet) {
                lines += wrap("\"\(snippet)\"").map(style.dim)
            }
            if let url = article.url { lines += wrap(url).map(style.link) }
        }
        return lines + [style.dim(Self.indent + "/helpful or /unhelpful?")]
    }

    private func clarify(_ frame: ServerFrame) -> [String] {
        var lines = text(frame.text ?? "")
        for (number, suggestion) in (frame.suggestions ?? []).enumerated() {
            let label = "\(number + 1). "
            lines += wrapper.wrap(suggestion.title, indent: Self.indent + label, continuation: Self.indent + String(repeating: " ", count: label.count))
        }
        return lines + [style.dim(Self.indent + "type a number to choose")]
    }

    private func escalation(_ frame: ServerFrame) -> [String] {
        var lines = text(frame.text ?? "")
        if let ticket = frame.ticket {
            let priority = [ticket.priority.map(String.init), ticket.priorityName].compactMap { $0 }.joined(separator: " ")
            lines += wrap("Ticket: \(ticket.id)" + (priority.isEmpty ? "" : " (priority \(priority))")).map(style.bold)
            if let due = ticket.responseDue {
                lines += wrap("First response by: \(localTime(due))")
            }
            if let channels = ticket.channels, !channels.isEmpty {
                lines += wrap("Reach support by: " + channels.map(Self.channelName).joined(separator: ", "))
            }
        }
        for resource in frame.resources ?? [] {
            let entry = resource.url.map { "\(resource.title): \($0)" } ?? resource.title
            lines += wrapper.wrap(entry, indent: Self.indent + "- ", continuation: Self.indent + "  ").map(styleLinks)
        }
        return lines
    }

    private func note(_ note: Conversation.Note) -> [String] {
        switch note {
        case .help:
            let width = ChatCommand.summary.map(\.command.count).max() ?? 0
            // The command is the indent, so wrapping (which joins runs of spaces) keeps the column.
            return ChatCommand.summary.flatMap { command, meaning in
                wrapper.wrap(
                    meaning, indent: Self.indent + command.padding(toLength: width + 2, withPad: " ", startingAt: 0),
                    continuation: Self.indent + String(repeating: " ", count: width + 2))
            } + wrap(
                "After \"Which one do you mean?\", a number picks a suggestion. Up and Down recall earlier "
                    + "lines; Ctrl-A, Ctrl-E, Ctrl-W, Ctrl-U and Ctrl-K edit. Start with // to ask something that "
                    + "begins with a slash."
            ).map(style.dim)
        case .thanks: return wrap("thanks, noted").map(style.dim)
        case .nothingToRate: return wrap("there is no answer to rate yet").map(style.dim)
        case .askFirst: return wrap("ask a question first, or say what it is about: /human <what you need>").map(style.dim)
        case .unknownCommand(let name, let suggestion):
            let hint = suggestion.map { "; did you mean \($0)?" } ?? ""
            return wrap("unknown command \(name)\(hint) (/help lists the commands; // starts a question with a slash)")
                .map(style.error)
        case .choosing(let title): return wrap("asking about: \(title)").map(style.dim)
        case .willSend: return wrap("not connected; it goes out once the chat reconnects").map(style.dim)
        case .conversationLost: return wrap("the server no longer has this conversation; starting a new one").map(style.dim)
        case .noReply: return wrap("no reply came in time; please ask again").map(style.error)
        case .connectionLost: return wrap("connection lost; reconnecting...").map(style.dim)
        }
    }

    /// A reply's own text: wrapped and indented, links highlighted.
    private func text(_ text: String) -> [String] {
        wrap(text).map(styleLinks)
    }

    private func wrap(_ text: String) -> [String] {
        wrapper.wrap(text, indent: Self.indent)
    }

    private func styleLinks(_ line: String) -> String {
        guard style.colours, line.contains("://") else { return line }
        return line.split(separator: " ", omittingEmptySubsequences: false)
            .map { TextWrapper.isLink($0) ? style.link(String($0)) : String($0) }
            .joined(separator: " ")
    }

    /// An ISO 8601 time as the user's clock shows it, e.g. "Thu 14 May 16:04 CEST".
    private func localTime(_ iso: String) -> String {
        guard let date = try? Date(iso, strategy: .iso8601) else { return iso }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "EEE d MMM HH:mm zzz"
        return formatter.string(from: date)
    }

    private static func channelName(_ channel: String) -> String {
        switch channel {
        case "online": "online submission"
        case "chat": "live chat"
        default: channel
        }
    }
}
