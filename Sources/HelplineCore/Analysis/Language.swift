/// A language the analyzer knows: its stemmer and stopwords.
public enum Language: String, Sendable, Equatable, Hashable, CaseIterable {
    case english = "en"
    case danish = "da"

    /// The language of a locale such as `en`, `da` or `da-DK`; nil for languages without a stemmer.
    public init?(locale: String) {
        let language = locale.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        self.init(rawValue: language)
    }

    /// The locale code articles in this language use.
    public var locale: String { rawValue }

    var stemmer: any Stemmer {
        switch self {
        case .english: EnglishStemmer()
        case .danish: DanishStemmer()
        }
    }

    var stopwords: Set<String> {
        switch self {
        case .english: Stopwords.english
        case .danish: Stopwords.danish
        }
    }
}

extension Language {
    /// Guesses the language of a question from its function words and letters.
    ///
    /// Short questions carry little evidence, so Danish needs at least one Danish function word
    /// or one of `æ ø å` to win; everything else is taken as English, the help center's first
    /// language.
    public static func detect(_ text: String) -> Language {
        var english = 0
        var danish = 0
        for token in Tokenizer.tokens(in: text) {
            if Stopwords.english.contains(token) { english += 1 }
            if Stopwords.danish.contains(token) { danish += 1 }
            if Stopwords.danishMarkers.contains(token) { danish += 2 }
            if token.unicodeScalars.contains(where: { "æøå".unicodeScalars.contains($0) }) { danish += 2 }
        }
        return danish > english ? .danish : .english
    }
}
