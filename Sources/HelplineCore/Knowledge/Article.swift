/// One help-center article in one locale, as written in `knowledge/articles/<locale>/<section>/<id>.md`.
///
/// The same ``id`` in several locales marks translations of one article.
public struct Article: Sendable, Equatable {
    /// What sort of page an article is; the escalation path offers QuickStart guides and resources first.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case faq, topic, quickstart, resource
    }

    /// Who an article is written for.
    public enum Audience: String, Sendable, Equatable, CaseIterable {
        case everyone
        case ownersAdmins = "owners-admins"
    }

    public var id: String
    public var title: String
    public var locale: String
    public var section: String
    public var kind: Kind
    public var audience: Audience
    public var tags: [String]
    /// Other phrasings of the question the article answers.
    public var aliases: [String]
    public var url: String?
    /// The Markdown body after the front matter.
    public var body: String
    /// The file's path relative to the knowledge folder, for error messages and change tracking.
    public var path: String

    public init(
        id: String, title: String, locale: String, section: String, kind: Kind = .topic,
        audience: Audience = .everyone, tags: [String] = [], aliases: [String] = [], url: String? = nil,
        body: String, path: String
    ) {
        self.id = id
        self.title = title
        self.locale = locale
        self.section = section
        self.kind = kind
        self.audience = audience
        self.tags = tags
        self.aliases = aliases
        self.url = url
        self.body = body
        self.path = path
    }

    /// The body's first paragraph: the short answer the chat shows.
    public var shortAnswer: String {
        let paragraphs = MarkdownText.paragraphs(of: body)
        return paragraphs.first ?? ""
    }
}
