/// Words and phrases users use interchangeably, per locale, from `knowledge/synonyms.yaml`.
///
/// ```yaml
/// en:
///   - [sign in, log in, login]
/// ```
/// The analyzer maps every member of a group to one term, built from the group's first member,
/// in articles and questions alike.
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
    /// A member phrase's stems, joined by spaces, to the term its group maps to.
    private var canonicalByPhrase: [String: String] = [:]
    /// The first stem of every member phrase, to skip lookups for most tokens.
    private var firstStems: Set<String> = []
    private(set) var longestPhrase = 0

    init(groups: [[String]], stems: (String) -> [String]) {
        for group in groups {
            guard let first = group.first else { continue }
            let canonical = stems(first).joined()
            guard !canonical.isEmpty else { continue }
            for member in group {
                let memberStems = stems(member)
                guard let head = memberStems.first else { continue }
                canonicalByPhrase[memberStems.joined(separator: " ")] = canonical
                firstStems.insert(head)
                longestPhrase = max(longestPhrase, memberStems.count)
            }
        }
    }

    /// The group term and phrase length for the longest member phrase starting at `index`.
    func match(_ stems: [String], at index: Int) -> (term: String, length: Int)? {
        guard longestPhrase > 0, firstStems.contains(stems[index]) else { return nil }
        var length = min(longestPhrase, stems.count - index)
        while length > 0 {
            let phrase = stems[index..<(index + length)].joined(separator: " ")
            if let term = canonicalByPhrase[phrase] { return (term, length) }
            length -= 1
        }
        return nil
    }
}
