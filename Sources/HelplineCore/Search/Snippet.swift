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
    ///
    /// Runs for every reply, on the stored text as it is: the lines are scanned as bytes and
    /// only the chosen sentence becomes a string (splitting every sentence of a long article
    /// into strings cost as much as the rest of the search).
    /// - Parameters:
    ///   - sentences: the article's sentences, one per line.
    ///   - sentenceTerms: each sentence's terms separated by spaces, one line per sentence.
    public static func best(sentences: String, sentenceTerms: String, terms: [QueryTerm]) -> String {
        let queryTerms = terms.prefix(64).map { Array($0.term.utf8) }
        var sentenceTerms = sentenceTerms
        let chosen = sentenceTerms.withUTF8 { bytes -> Int in
            var best = (line: 0, score: 0.0)
            var line = 0
            var found: UInt64 = 0
            var wordStart = 0
            for position in 0...bytes.count {
                let byte = position < bytes.count ? bytes[position] : UInt8(ascii: "\n")
                guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") else { continue }
                let word = UnsafeBufferPointer(rebasing: bytes[wordStart..<position])
                for (index, term) in queryTerms.enumerated() where term.count == word.count && term.elementsEqual(word) {
                    found |= 1 << UInt64(index)
                }
                wordStart = position + 1
                guard byte == UInt8(ascii: "\n") else { continue }
                var score = 0.0
                for index in queryTerms.indices where found & (1 << UInt64(index)) != 0 { score += terms[index].weight }
                if score > best.score { best = (line, score) }
                line += 1
                found = 0
            }
            return best.line
        }
        return shorten(line(chosen, of: sentences) ?? line(0, of: sentences) ?? "")
    }

    /// The `number`th line of `text` (from 0), or nil when it has fewer lines.
    static func line(_ number: Int, of text: String) -> String? {
        var line = 0
        var start = text.utf8.startIndex
        for index in text.utf8.indices where text.utf8[index] == UInt8(ascii: "\n") {
            if line == number { return String(text.utf8[start..<index]) }
            line += 1
            start = text.utf8.index(after: index)
        }
        return line == number ? String(text.utf8[start...]) : nil
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
