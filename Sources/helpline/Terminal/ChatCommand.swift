import Foundation

/// What one line typed into the chat asks for.
///
/// A line starting with `/` is a command; `//` escapes a question that starts with a slash.
/// Commands are case-insensitive, and an unknown one is named with the nearest known command.
///
/// ```swift
/// ChatCommand.parse("How do I record?")  // .ask("How do I record?")
/// ChatCommand.parse("/Human my camera")  // .human("my camera")
/// ChatCommand.parse("/halp")             // .unknown("/halp", suggestion: "/help")
/// ```
enum ChatCommand: Equatable {
    case ask(String)
    /// Feedback on the last answer.
    case helpful, unhelpful
    /// Asks for a person, about the given text or else the last question.
    case human(String?)
    case help
    case quit
    case unknown(String, suggestion: String?)

    /// The commands, as `/help` lists them.
    static let summary: [(command: String, meaning: String)] = [
        ("/helpful", "the last answer helped"),
        ("/unhelpful", "it did not: get a ticket or other help"),
        ("/human [about what]", "ask for a person"),
        ("/help", "this list"),
        ("/quit", "leave (or Ctrl-D)"),
    ]

    private static let names: [String: ChatCommand] = [
        "helpful": .helpful, "unhelpful": .unhelpful, "help": .help, "?": .help, "quit": .quit, "exit": .quit,
    ]
    private static let humanNames: Set = ["human", "person", "agent"]

    /// The command a line asks for; nil for a blank line.
    static func parse(_ line: String) -> ChatCommand? {
        let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        if text.hasPrefix("//") { return .ask(String(text.dropFirst())) }
        guard text.hasPrefix("/") else { return .ask(text) }
        let words = text.dropFirst().split(separator: " ", maxSplits: 1)
        let name = words.first.map { $0.lowercased() } ?? ""
        let rest = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        if humanNames.contains(name) { return .human(rest.isEmpty ? nil : rest) }
        if let command = names[name] { return command }
        return .unknown("/" + name, suggestion: nearest(to: name).map { "/" + $0 })
    }

    /// The known command within two edits of `name`, or starting with it.
    private static func nearest(to name: String) -> String? {
        guard !name.isEmpty else { return nil }
        let known = ["help", "helpful", "unhelpful", "human", "quit", "exit"]
        if let prefixed = known.first(where: { $0.hasPrefix(name) }) { return prefixed }
        let scored = known.map { ($0, editDistance(name, $0)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
