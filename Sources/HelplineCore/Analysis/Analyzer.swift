import Foundation

/// Turns text into index terms; articles and questions go through the same steps, so they meet.
///
/// The steps, in order:
/// 1. Unicode normalisation (NFKC) and case folding, then splitting into word tokens.
/// 2. For Danish, `ae oe aa` become `æ ø å`, so both spellings reach the stemmer alike; English
///    British spellings become American ones (``EnglishSpelling``: "colour" is "color").
/// 3. Stemming with Snowball's algorithm for the language (``EnglishStemmer``, ``DanishStemmer``).
/// 4. Synonyms: the longest phrase of a ``SynonymTable`` group becomes the terms of the group's
///    first member.
/// 5. Stopwords go; what is left is folded to ASCII (`ø` → `oe`, `é` → `e`).
///
/// ```swift
/// Analyzer().terms("How do I reset my password?", language: .english)  // ["reset", "password"]
/// Analyzer().terms("Hvordan ændrer jeg min adgangskode?", language: .danish)  // ["aendr", "adgangskod"]
/// ```
public struct Analyzer: Sendable {
    /// Changes whenever the steps above change, so stored indexes know to rebuild.
    public static let version = 4

    private let synonymsByLanguage: [Language: CompiledSynonyms]
    /// Identifies the analyzer's version and synonyms: two analyzers with the same fingerprint
    /// produce the same terms.
    public let fingerprint: String

    public init(synonyms: SynonymTable = SynonymTable()) {
        var compiled: [Language: CompiledSynonyms] = [:]
        for language in Language.allCases {
            let groups = synonyms.groups(for: language)
            guard !groups.isEmpty else { continue }
            compiled[language] = CompiledSynonyms(groups: groups) { phrase in
                Self.stems(Tokenizer.tokens(in: phrase), language: language).map { ($0.stem, $0.isStopword) }
            }
        }
        synonymsByLanguage = compiled
        var hasher = StableHash()
        hasher.combine("analyzer-\(Self.version)")
        for locale in synonyms.groupsByLocale.keys.sorted() {
            hasher.combine(locale)
            for group in synonyms.groupsByLocale[locale] ?? [] { hasher.combine(group.joined(separator: "|")) }
        }
        fingerprint = hasher.hexDigest
    }

    /// The index terms of `text`, in order, repeats kept.
    ///
    /// - Parameter language: the text's language; nil analyses without stemming or stopwords.
    public func terms(_ text: String, language: Language?) -> [String] {
        analyze(text, language: language).map(\.term)
    }

    /// The index terms of `text` with the words they came from, for typo correction.
    public func analyze(_ text: String, language: Language?) -> [AnalyzedTerm] {
        let tokens = Tokenizer.tokens(in: text)
        guard let language else { return tokens.map { AnalyzedTerm(term: Self.finish($0), surface: Self.finish($0)) } }
        let stems = Self.stems(tokens, language: language)
        let synonyms = synonymsByLanguage[language]
        let stemStrings = synonyms == nil ? [] : stems.map(\.stem)
        var terms: [AnalyzedTerm] = []
        terms.reserveCapacity(stems.count)
        var index = 0
        while index < stems.count {
            if let synonyms, let match = synonyms.match(stemStrings, at: index) {
                // A one-word member that gives one term keeps its spelling, so that typos of it
                // ("reciepts" for "receipts") can still be corrected to the group's term.
                let surface = match.length == 1 && match.terms.count == 1 ? Self.finish(stems[index].word) : nil
                terms += match.terms.map { AnalyzedTerm(term: Self.finish($0), surface: surface) }
                index += match.length
                continue
            }
            if !stems[index].isStopword {
                terms.append(AnalyzedTerm(term: Self.finish(stems[index].stem), surface: Self.finish(stems[index].word)))
            }
            index += 1
        }
        return terms
    }

    /// The last step: ASCII letters, and no apostrophes left over from the stemmer ("o'clock").
    private static func finish(_ stem: String) -> String {
        let folded = DiacriticFolding.fold(stem)
        return folded.contains("'") ? folded.replacingOccurrences(of: "'", with: "") : folded
    }

    /// Each token's stem, with stopwords marked rather than removed: synonym phrases may contain them ("log in").
    ///
    /// Accents are folded before stemming, so "résumé" and "resume" stem alike; Danish keeps
    /// `æ ø å`, which its stemmer needs, and gets them back from `aa`/`oe` spellings.
    static func stems(_ tokens: [String], language: Language) -> [(word: String, stem: String, isStopword: Bool)] {
        let stemmer = language.stemmer
        let stopwords = language.stopwords
        return tokens.map { token in
            if stopwords.contains(token) { return (token, token, true) }
            let word = switch language {
            case .danish: DiacriticFolding.danishLetters(DiacriticFolding.fold(token, keepingDanishLetters: true))
            case .english: EnglishSpelling.american(DiacriticFolding.fold(token))
            }
            if stopwords.contains(word) { return (token, word, true) }
            return (token, stemmer.stem(word), false)
        }
    }
}

/// One term of analysed text and the word it came from.
public struct AnalyzedTerm: Sendable, Equatable {
    /// The index term.
    public var term: String
    /// The word as written, folded but not stemmed; nil for a term a synonym phrase produced.
    public var surface: String?

    public init(term: String, surface: String?) {
        self.term = term
        self.surface = surface
    }
}
