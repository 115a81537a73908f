/// The analysed fields of an article the index returned for a question, ready to score.
public struct CandidateFields: Sendable, Equatable {
    /// The index's row for the article.
    public var row: Int64
    public var title: Set<String>
    /// Each alias's terms on its own: an alias that the question covers whole is strong evidence.
    public var aliases: [Set<String>]
    public var tags: Set<String>
    public var body: Set<String>

    public init(row: Int64, title: Set<String>, aliases: [Set<String>], tags: Set<String>, body: Set<String>) {
        self.row = row
        self.title = title
        self.aliases = aliases
        self.tags = tags
        self.body = body
    }
}
