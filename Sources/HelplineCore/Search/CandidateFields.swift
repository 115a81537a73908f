/// The analysed fields of an article the index returned for a question, ready to score.
///
/// Titles, aliases and tags are short and kept whole (heading coverage weighs every title term);
/// of the body only the question's terms it contains are kept, since bodies are long.
public struct CandidateFields: Sendable, Equatable {
    /// The index's row for the article.
    public var row: Int64
    public var title: Set<String>
    /// Each alias's terms on its own: an alias that the question covers whole is strong evidence.
    public var aliases: [Set<String>]
    public var tags: Set<String>
    /// The question's terms that occur in the body.
    public var bodyMatches: Set<String>

    public init(row: Int64, title: Set<String>, aliases: [Set<String>], tags: Set<String>, bodyMatches: Set<String>) {
        self.row = row
        self.title = title
        self.aliases = aliases
        self.tags = tags
        self.bodyMatches = bodyMatches
    }
}
