import Foundation

/// The terms an index knows, with the number of articles each appears in, and the words
/// articles spell them with.
///
/// Gives each question term its weight (rarer terms say more about what is asked) and corrects
/// words the index has never seen to the nearest known one.
public struct Vocabulary: Sendable {
    /// How many articles the index holds.
    public let documentCount: Int
    private let documentFrequency: [String: Int]
    /// Words as articles spell them (folded, unstemmed) to their terms: typos are corrected
    /// against real words, since a stem ("chang" for "change") is further from a typo ("chage").
    private let termsBySurface: [String: String]
    private let terms: NearestWordIndex
    private let surfaces: NearestWordIndex

    /// Articles whose title, aliases or tags contain each term (at most the document frequency).
    private let headingFrequency: [String: Int]

    public init(
        documentCount: Int, documentFrequency: [String: Int], headingFrequency: [String: Int] = [:],
        surfaceWords: [String: String] = [:]
    ) {
        self.documentCount = documentCount
        self.documentFrequency = documentFrequency
        self.headingFrequency = headingFrequency
        termsBySurface = surfaceWords
        terms = NearestWordIndex(words: documentFrequency.keys)
        surfaces = NearestWordIndex(words: surfaceWords.keys)
    }

    /// The number of articles containing `term`; 0 for unknown terms.
    public func documentFrequency(of term: String) -> Int {
        documentFrequency[term] ?? 0
    }

    /// The number of articles with `term` in a title, alias or tag.
    public func headingFrequency(of term: String) -> Int {
        headingFrequency[term] ?? 0
    }

    /// BM25's inverse document frequency: near 0 for terms in every article, highest for unseen terms.
    public func weight(of term: String) -> Double {
        weight(documentFrequency: documentFrequency(of: term))
    }

    /// The weight of a term only one article uses: what the help center's size makes of a rare
    /// word, a yardstick for weights that must mean the same in help centers of any size.
    public var rareTermWeight: Double { weight(documentFrequency: 1) }

    private func weight(documentFrequency: Int) -> Double {
        let n = Double(max(documentCount, 1))
        let df = Double(documentFrequency)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// The known term nearest to an unknown one, or nil when none is close enough.
    ///
    /// - Parameter surface: the word as the question spelled it; when given, it is compared with
    ///   the words articles use first, and the term of the nearest one is taken.
    public func correction(for term: String, surface: String? = nil) -> String? {
        if let surface,
           let word = surfaces.nearest(to: surface, frequency: { documentFrequency(of: termsBySurface[$0] ?? "") }),
           let corrected = termsBySurface[word], documentFrequency(of: corrected) > 0 {
            return corrected
        }
        return terms.nearest(to: term, frequency: documentFrequency(of:))
    }
}
