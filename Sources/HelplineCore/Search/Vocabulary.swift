import Foundation

/// The terms an index knows, with the number of articles each appears in.
///
/// Gives each question term its weight (rarer terms say more about what is asked) and corrects
/// terms the index has never seen to the nearest known one.
public struct Vocabulary: Sendable {
    /// How many articles the index holds.
    public let documentCount: Int
    private let documentFrequency: [String: Int]
    /// Known terms by length, so a correction only compares terms of similar length.
    private let termsByLength: [Int: [String]]

    public init(documentCount: Int, documentFrequency: [String: Int]) {
        self.documentCount = documentCount
        self.documentFrequency = documentFrequency
        termsByLength = Dictionary(grouping: documentFrequency.keys, by: \.utf8.count)
    }

    /// The number of articles containing `term`; 0 for unknown terms.
    public func documentFrequency(of term: String) -> Int {
        documentFrequency[term] ?? 0
    }

    /// BM25's inverse document frequency: near 0 for terms in every article, highest for unseen terms.
    public func weight(of term: String) -> Double {
        let n = Double(max(documentCount, 1))
        let df = Double(documentFrequency(of: term))
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// The known term nearest to an unknown one, or nil when none is close enough.
    ///
    /// Short words are left alone (one edit turns "mic" into "mac"); words of 4–7 letters allow
    /// one edit and longer words two. Among equally near terms the most common wins.
    public func correction(for term: String) -> String? {
        let word = Array(term.utf8)
        let allowed = word.count >= 8 ? 2 : word.count >= 4 ? 1 : 0
        guard allowed > 0 else { return nil }
        var best: (term: String, distance: Int, frequency: Int)?
        for length in (word.count - allowed)...(word.count + allowed) {
            for candidate in termsByLength[length] ?? [] {
                let limit = best.map { min($0.distance, allowed) } ?? allowed
                guard let distance = EditDistance.bounded(word, Array(candidate.utf8), limit: limit) else { continue }
                let frequency = documentFrequency(of: candidate)
                if let current = best,
                   distance > current.distance || (distance == current.distance && frequency <= current.frequency) {
                    continue
                }
                best = (candidate, distance, frequency)
            }
        }
        return best?.term
    }
}
