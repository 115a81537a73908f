/// Recognises a user asking for a person instead of an article: "talk to a human", "open a
/// ticket", "jeg vil tale med et menneske".
///
/// Cues are phrases stemmed and folded like the question, so inflections, case and `æ ø å`
/// spellings meet. Stopwords stay: "talk to someone" is a request where "talk" alone is not. A
/// cue matches when its words appear in order, with at most one other word between neighbours
/// ("talk to a real human").
public struct PersonRequest: Sendable {
    private let cues: [Language: [[String]]]

    static let phrases: [Language: [String]] = [
        .english: [
            "talk to a human", "speak to a human", "talk to a person", "speak to a person", "talk to someone",
            "speak to someone", "talk to an agent", "speak to an agent", "human agent", "real person", "live agent",
            "talk to support", "speak to support", "open a ticket", "create a ticket", "file a ticket", "raise a ticket",
            "submit a ticket", "escalate",
        ],
        .danish: [
            "tale med et menneske", "snakke med et menneske", "tale med en person", "snakke med en person",
            "tale med en medarbejder", "snakke med en medarbejder", "tale med supporten", "snakke med supporten",
            "rigtig person", "oprette en sag", "opret en sag", "oprette en ticket", "eskalere",
        ],
    ]

    public init() {
        var cues: [Language: [[String]]] = [:]
        for (language, phrases) in Self.phrases {
            cues[language] = phrases.map { Self.words($0, language: language) }.filter { !$0.isEmpty }
        }
        self.cues = cues
    }

    /// Whether `text` asks for a person.
    public func matches(_ text: String, language: Language? = nil) -> Bool {
        let language = language ?? Language.detect(text)
        let words = Self.words(text, language: language)
        return (cues[language] ?? []).contains { Self.occurs($0, in: words) }
    }

    /// Every word's stem, folded, stopwords included.
    static func words(_ text: String, language: Language) -> [String] {
        Analyzer.stems(Tokenizer.tokens(in: text), language: language).map { DiacriticFolding.fold($0.stem) }
    }

    /// Whether `cue` occurs in `terms` in order, allowing one other term between neighbours.
    static func occurs(_ cue: [String], in terms: [String]) -> Bool {
        guard let first = cue.first else { return false }
        for start in terms.indices where terms[start] == first {
            var position = start
            var matched = true
            for term in cue.dropFirst() {
                let window = terms[(position + 1)..<min(terms.count, position + 3)]
                guard let next = window.firstIndex(of: term) else {
                    matched = false
                    break
                }
                position = next
            }
            if matched { return true }
        }
        return false
    }
}
