/// A new article for writers to finish, made from questions the help center could not answer.
///
/// The phrasings become the aliases, the first one the working title; the body says what is
/// missing. The result parses as an article, so moving it under `articles/` publishes it.
public struct ArticleDraft: Sendable, Equatable {
    public var id: String
    public var locale: String
    public var phrasings: [String]

    public init(id: String, locale: String, phrasings: [String]) {
        self.id = id
        self.locale = locale
        self.phrasings = phrasings
    }

    /// The draft in the knowledge file format.
    public var markdown: String {
        let title = phrasings.first.map { String($0.prefix(80)) } ?? "New article"
        var lines = ["---", "id: \(id)", "title: \(Self.quoted(title))", "locale: \(locale)", "kind: faq", "aliases:"]
        lines += phrasings.map { "  - \(Self.quoted($0))" }
        lines += [
            "---",
            "DRAFT: write the short answer here, one to three sentences that answer the title.",
            "",
            "Then the details: steps, limits, what differs by plan. Users asked this \(phrasings.count) way(s); see the aliases.",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// A YAML double-quoted scalar, so any question text stays one string.
    static func quoted(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n", "\r", "\t": escaped += " "
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return "\"" + escaped + "\""
    }
}
