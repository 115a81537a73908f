/// One line of an evaluation file: a question and the article(s) that answer it, if any.
///
/// ```json
/// {"q": "I forgot my password", "locale": "en", "expect": "reset-password", "kind": "paraphrase"}
/// {"q": "What's the weather in Paris?", "expect": null, "kind": "off-topic"}
/// ```
/// `expect` is an article id, a list of acceptable ids, or null for a question the help center
/// cannot answer.
public struct EvaluationCase: Sendable, Equatable, Decodable {
    public var question: String
    public var locale: String?
    /// Acceptable article ids; empty means no article should be offered.
    public var expected: [String]
    public var kind: String?

    public init(question: String, locale: String? = nil, expected: [String], kind: String? = nil) {
        self.question = question
        self.locale = locale
        self.expected = expected
        self.kind = kind
    }

    enum CodingKeys: String, CodingKey {
        case question = "q"
        case locale, kind
        case expected = "expect"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        question = try container.decode(String.self, forKey: .question)
        locale = try container.decodeIfPresent(String.self, forKey: .locale)
        kind = try container.decodeIfPresent(String.self, forKey: .kind)
        if try !container.contains(.expected) || container.decodeNil(forKey: .expected) {
            expected = []
        } else if let single = try? container.decode(String.self, forKey: .expected) {
            expected = [single]
        } else {
            expected = try container.decode([String].self, forKey: .expected)
        }
    }

    /// Whether the help center is meant to answer this question.
    public var isAnswerable: Bool { !expected.isEmpty }
}
