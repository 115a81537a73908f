/// Words and phrases users use interchangeably, per locale, from `knowledge/synonyms.yaml`.
///
/// ```yaml
/// en:
///   - [signin, sign in, log in, login]
/// ```
/// The analyzer maps every member of a group to one term, built from the group's first member,
/// in articles and questions alike. Stopwords are dropped from the first member too, so "sign in"
/// would become "sign", as "sign up" would: a first member of one word keeps groups apart.
public struct SynonymTable: Sendable, Equatable {
    /// Locale to its groups; each group is a list of words or phrases.
    public var groupsByLocale: [String: [[String]]]

    public init(groupsByLocale: [String: [[String]]] = [:]) {
        self.groupsByLocale = groupsByLocale
    }

    /// The groups that apply to a language.
    func groups(for language: Language?) -> [[String]] {
        guard let language else { return [] }
        return groupsByLocale.first { Language(locale: $0.key) == language }?.value ?? []
    }
}

/// Synonym groups compiled into stem sequences, for longest-match replacement in the analyzer.
struct CompiledSynonyms: Sendable {
    /// A member phrase's stems, joined by spaces, to the terms its group maps to: the first
    /// member's stems without stopwords ("log in" → ["signin"] for [signin, sign in, log in]). Separate
    /// terms, not one joined term, so "breakout" still meets "breakout rooms" and typo
    /// correction still sees ordinary words.
    private var canonicalByPhrase: [String: [String]] = [:]
    /// The first stem of every member phrase, to skip lookups for most tokens.
    private var firstStems: Set<String> = []
    private(set) var longestPhrase = 0

    init(groups: [[String]], stems: (String) -> [(stem: String, isStopword: Bool)]) {
        for group in groups {
            guard let first = group.first else { continue }
            let firstStems = stems(first)
            let content = firstStems.filter { !$0.isStopword }.map(\.stem)
            let canonical = content.isEmpty ? firstStems.map(\.stem) : content
            guard !canonical.isEmpty else { continue }
            for member in group {
                let memberStems = stems(member).map(\.stem)
                guard let head = memberStems.first else { continue }
                canonicalByPhrase[memberStems.joined(separator: " ")] = canonical
                self.firstStems.insert(head)
                longestPhrase = max(longestPhrase, memberStems.count)
            }
        }
    }

    /// The group's terms and the phrase length for the longest member phrase starting at `index`.
    func match(_ stems: [String], at index: Int) -> (terms: [String], length: Int)? {
        guard longestPhrase > 0, firstStems.contains(stems[index]) else { return nil }
        var length = min(longestPhrase, stems.count - index)
        while length > 0 {
            let phrase = stems[index..<(index + length)].joined(separator: " ")
            if let terms = canonicalByPhrase[phrase] { return (terms, length) }
            length -= 1
        }
        return nil
    }
}
