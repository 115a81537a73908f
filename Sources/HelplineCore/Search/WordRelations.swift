/// Finds index terms that can stand in for a question word the help center never uses.
///
/// Two relations, both from the language rather than from any one help center:
/// - *synonyms* from the language's ``Thesaurus``: "silence" reaches an article about muting;
/// - *compound parts*: Danish (and English, less often) joins words, and a compound the articles
///   never use ("tavlemøde", "timeslot") still says what its last part, the head, says ("møde").
///   The head is the longest known term that ends the word; the modifier before it counts too
///   when the help center knows it (with a linking `s` or `e` dropped).
///
/// A stand-in is weaker evidence than the word itself (see ``ConfidenceModel/relatedMatch``).
public struct WordRelations: Sendable {
    private let thesaurus: @Sendable (Language) -> Thesaurus?
    /// Neither part of a compound may be shorter: "tilmøde" is not "til" + "møde".
    public var shortestCompoundPart = 4

    /// Relations from the given thesauri; a language without one has compound parts only.
    public init(thesauri: [Language: Thesaurus] = [:]) {
        thesaurus = { thesauri[$0] }
    }

    /// The thesauri installed on this system (``Thesaurus/system(for:)``), each read when its
    /// language first needs it.
    public static let system = WordRelations(thesaurus: Thesaurus.system(for:))

    private init(thesaurus: @escaping @Sendable (Language) -> Thesaurus?) {
        self.thesaurus = thesaurus
    }

    /// The index terms that may stand in for `surface`, synonyms first, without repeats.
    ///
    /// - Parameters:
    ///   - surface: the unseen word as ``AnalyzedTerm/surface`` has it (lowercased, folded).
    ///   - isKnown: whether the help center uses a term.
    public func terms(
        standingInFor surface: String, language: Language, analyzer: Analyzer, isKnown: (String) -> Bool
    ) -> [String] {
        var terms: [String] = []
        func add(_ term: String) {
            if isKnown(term), !terms.contains(term) { terms.append(term) }
        }
        for synonym in synonyms(of: surface, language: language) {
            // A phrase stands in only when it analyses to one term: "keep quiet" is neither "keep" nor "quiet".
            let analysed = analyzer.terms(synonym, language: language)
            if analysed.count == 1 { add(analysed[0]) }
        }
        for part in compoundParts(of: surface, language: language, analyzer: analyzer, isKnown: isKnown) { add(part) }
        return terms
    }

    /// The thesaurus's synonyms of a word, or of its base form: thesauri list "invoice", not
    /// "invoices", and "regning", not "regningen".
    func synonyms(of word: String, language: Language) -> [String] {
        guard let thesaurus = thesaurus(language) else { return [] }
        let direct = thesaurus.synonyms(of: word)
        if !direct.isEmpty { return direct }
        for base in Self.baseForms(of: word, language: language) {
            let synonyms = thesaurus.synonyms(of: base)
            if !synonyms.isEmpty { return synonyms }
        }
        return []
    }

    /// Forms of a word with a common inflection taken off, likeliest first ("moedet": "moede", "moed").
    ///
    /// - Parameter word: lowercased and folded, as thesaurus headwords are looked up.
    static func baseForms(of word: String, language: Language) -> [String] {
        let endings: [(ending: String, replacement: String)] = switch language {
        case .english: [("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")]
        case .danish: [("erne", ""), ("ene", ""), ("en", ""), ("et", "e"), ("et", ""), ("ne", ""), ("er", ""), ("e", "")]
        }
        return endings.compactMap { ending, replacement in
            guard word.hasSuffix(ending), word.count - ending.count >= 3 else { return nil }
            return String(word.dropLast(ending.count)) + replacement
        }
    }

    /// The head and, when known, the modifier of a compound; empty when the word does not end in a known term.
    func compoundParts(of word: String, language: Language, analyzer: Analyzer, isKnown: (String) -> Bool) -> [String] {
        let letters = Array(word)
        let shortestPart = max(1, shortestCompoundPart)
        guard letters.count >= 2 * shortestPart else { return [] }
        func knownTerm(_ part: some StringProtocol) -> String? {
            let analysed = analyzer.terms(String(part), language: language)
            return analysed.count == 1 && isKnown(analysed[0]) ? analysed[0] : nil
        }
        for cut in shortestPart...(letters.count - shortestPart) {
            guard let head = knownTerm(String(letters[cut...])) else { continue }
            var modifier = letters[..<cut]
            if knownTerm(String(modifier)) == nil, modifier.count > shortestPart, ["s", "e"].contains(modifier.last) {
                modifier = modifier.dropLast()
            }
            return [head] + (knownTerm(String(modifier)).map { [$0] } ?? [])
        }
        return []
    }
}
