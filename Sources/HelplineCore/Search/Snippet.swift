/// Picks the passage of an article that best matches a question, for the reply's `snippet`.
public enum Snippet {
    /// Snippets are cut to about this many characters, at a word boundary.
    public static let maximumLength = 220

    /// The body's sentences as plain text, and each sentence's terms, computed once when an
    /// article is indexed so that picking a snippet costs no analysis per question.
    public static func sentences(of body: String, analyzer: Analyzer, language: Language?) -> [(text: String, terms: [String])] {
        MarkdownText.paragraphs(of: body).flatMap(Self.sentences).map { ($0, analyzer.terms($0, language: language)) }
    }

    /// The sentence whose terms weigh most among the question's terms.
    ///
    /// Sentences are compared by the summed weight of the distinct question terms they contain,
    /// earlier sentences winning ties; without any matching sentence, the first is used.
    /// - Parameter sentenceTerms: each sentence's terms, separated by spaces.
    public static func best(sentences: [Substring], sentenceTerms: [Substring], terms: [QueryTerm]) -> String {
        let weights = Dictionary(terms.map { (Substring($0.term), $0.weight) }, uniquingKeysWith: max)
        var best: (index: Int, score: Double)?
        for (index, line) in sentenceTerms.enumerated() where index < sentences.count {
            let score = Set(line.split(separator: " ")).reduce(0) { $0 + (weights[$1] ?? 0) }
            if score > (best?.score ?? 0) { best = (index, score) }
        }
        return shorten(String(sentences[best?.index ?? 0]))
    }

    /// Splits a paragraph where `.`, `!` or `?` and a space are followed by a capital or a digit
    /// ("Choose Forgot password? on the page" stays one sentence).
    static func sentences(_ paragraph: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        let characters = Array(paragraph)
        for (index, character) in characters.enumerated() {
            if character == " ", index > 0, ".!?:".contains(characters[index - 1]), index + 1 < characters.count,
               characters[index + 1].isUppercase || characters[index + 1].isNumber {
                sentences.append(current)
                current = ""
            } else {
                current.append(character)
            }
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
