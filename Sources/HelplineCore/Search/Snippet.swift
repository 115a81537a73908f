/// Picks the passage of an article that best matches a question, for the reply's `snippet`.
public enum Snippet {
    /// Snippets are cut to about this many characters, at a word boundary.
    public static let maximumLength = 220

    /// The sentence of `body` whose terms weigh most among the question's terms.
    ///
    /// Sentences are compared by the summed weight of the distinct question terms they contain,
    /// earlier sentences winning ties; without any matching sentence, the body's start is used.
    public static func best(
        in body: String, terms: [QueryTerm], analyzer: Analyzer, language: Language?
    ) -> String {
        let weights = Dictionary(terms.map { ($0.term, $0.weight) }, uniquingKeysWith: max)
        let sentences = MarkdownText.paragraphs(of: body).flatMap(Self.sentences)
        var best: (text: String, score: Double)?
        for sentence in sentences {
            let score = Set(analyzer.terms(sentence, language: language)).reduce(0) { $0 + (weights[$1] ?? 0) }
            if score > (best?.score ?? 0) { best = (sentence, score) }
        }
        return shorten(best?.text ?? sentences.first ?? "")
    }

    /// Splits a paragraph after `.`, `!` and `?` followed by a space.
    static func sentences(_ paragraph: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var previous: Character?
        for character in paragraph {
            if character == " ", let previous, ".!?".contains(previous) {
                sentences.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences
    }

    static func shorten(_ text: String) -> String {
        guard text.count > maximumLength else { return text }
        let cut = text.prefix(maximumLength)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return cut[..<end] + "…"
    }
}
