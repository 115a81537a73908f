import Foundation
import HelplineClient

/// One terminal conversation: reads lines, sends them, prints replies for people or as JSON.
struct TerminalSession {
    let chat: ChatClient
    let timeout: Duration
    /// A person at a terminal (formatted, coloured replies) or a script (one JSON line each).
    let interactive: Bool
    private let colours = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    init(chat: ChatClient, timeout: Duration, interactive: Bool) {
        self.chat = chat
        self.timeout = timeout
        self.interactive = interactive
    }

    func hello(token: String?, locale: String?) throws {
        var hello: [String: String] = ["type": "hello"]
        hello["token"] = token
        hello["locale"] = locale
        let reply = try exchange(hello)
        if interactive {
            let user = reply["user"] as? [String: Any]
            print(dim("connected as \(user?["plan"] as? String ?? "?") \(user?["role"] as? String ?? "?"); /help for commands"))
        } else if reply["type"] as? String == "error" {
            printJSON(reply)
        }
    }

    func loop() throws {
        var number = 0
        var lastAnswer: String?
        while true {
            if interactive {
                Swift.print(bold("you› "), terminator: "")
                fflush(nil)
            }
            guard let line = readLine() else { return }
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            number += 1
            let id = "\(number)"
            let message: [String: Any]
            switch text {
            case "/quit", "/exit": return
            case "/help":
                print("/helpful, /unhelpful: rate the last answer · /human: ask for a person · /quit: leave")
                continue
            case "/helpful", "/unhelpful":
                guard let lastAnswer else { print(dim("no answer to rate yet")); continue }
                message = ["type": "feedback", "replyTo": lastAnswer, "helpful": text == "/helpful"]
            case "/human":
                message = ["type": "escalate", "id": id]
            default:
                message = ["type": "ask", "id": id, "text": text]
            }
            if text == "/helpful" {
                try send(message)
                print(dim("thanks"))
                continue
            }
            let reply = try exchange(message)
            if reply["type"] as? String == "answer" { lastAnswer = id }
            if interactive { show(reply) } else { printJSON(reply) }
        }
    }

    private func send(_ message: [String: Any]) throws {
        let data = try JSONSerialization.data(withJSONObject: message, options: [.sortedKeys])
        chat.send(String(decoding: data, as: UTF8.self))
    }

    /// Sends one message and waits for its reply.
    private func exchange(_ message: [String: Any]) throws -> [String: Any] {
        try send(message)
        switch try chat.next(timeout: timeout) {
        case .message(let text):
            return (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? ["type": "unreadable", "text": text]
        case .closed(let code):
            throw CommandFailure("the server closed the chat (\(code.map(String.init) ?? "no code"))")
        case .failed(let reason):
            throw CommandFailure("the chat failed: \(reason)")
        case .binary:
            throw CommandFailure("the server sent a binary message")
        }
    }

    private func show(_ reply: [String: Any]) {
        let text = reply["text"] as? String ?? reply["message"] as? String ?? ""
        switch reply["type"] as? String {
        case "answer":
            print(wrap(text))
            for article in reply["articles"] as? [[String: Any]] ?? [] {
                print(dim("  → \(article["title"] as? String ?? "") \(article["url"] as? String ?? "")"))
            }
            print(dim("  /helpful or /unhelpful?"))
        case "clarify":
            print(wrap(text))
            for suggestion in reply["suggestions"] as? [[String: Any]] ?? [] { print("  • \(suggestion["title"] as? String ?? "")") }
        case "escalation":
            print(wrap(text))
            if let ticket = reply["ticket"] as? [String: Any] {
                print(bold("  ticket \(ticket["id"] as? String ?? "") · priority \(ticket["priorityName"] as? String ?? "")"))
            }
            for resource in (reply["resources"] as? [[String: Any]] ?? []).prefix(5) {
                print(dim("  → \(resource["title"] as? String ?? "") \(resource["url"] as? String ?? "")"))
            }
        default:
            print(colour("31", "error: \(text)"))
        }
    }

    private func printJSON(_ reply: [String: Any]) {
        let data = (try? JSONSerialization.data(withJSONObject: reply, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        print(String(decoding: data, as: UTF8.self))
        fflush(nil)
    }

    /// Wraps to the terminal's width (COLUMNS, else 80), at spaces.
    private func wrap(_ text: String) -> String {
        let width = max(20, Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + word.count + 1 > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    private func colour(_ code: String, _ text: String) -> String { colours ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    private func bold(_ text: String) -> String { colour("1", text) }
    private func dim(_ text: String) -> String { colour("2", text) }
}
