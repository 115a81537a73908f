import Foundation

/// The terms an index knows, with the number of articles each appears in.
///
/// Gives each question term its weight (rarer terms say more about what is asked) and corrects
/// terms the index has never seen to the nearest known one.
public struct Vocabulary: Sendable {
    /// How many articles the index holds.
    public let documentCount: Int
    private let documentFrequency: [String: Int]
    /// Each known term's one-letter deletions (and the term itself) to the terms that produce
    /// them: two words one edit apart always share an entry (SymSpell's idea), so a correction
    /// looks up a handful of keys instead of comparing against the whole vocabulary.
    private let termsByDeletion: [String: [String]]

    public init(documentCount: Int, documentFrequency: [String: Int]) {
        self.documentCount = documentCount
        self.documentFrequency = documentFrequency
        var index: [String: [String]] = [:]
        for term in documentFrequency.keys where term.utf8.count >= Self.shortestCorrectable - 1 {
            for key in Self.deletions(of: term) { index[key, default: []].append(term) }
        }
        termsByDeletion = index
    }

    /// Words shorter than this are never corrected: one edit turns "mic" into "mac".
    static let shortestCorrectable = 4

    /// The word itself and every form of it with one letter left out.
    private static func deletions(of word: String) -> Set<String> {
        let scalars = Array(word.unicodeScalars)
        var keys: Set<String> = [word]
        for skipped in scalars.indices {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[..<skipped])
            view.append(contentsOf: scalars[(skipped + 1)...])
            keys.insert(String(view))
        }
        return keys
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
    /// Words of 4–7 letters allow one edit, longer words two; a swap of neighbouring letters is
    /// one edit. Among equally near
    /// terms the most common wins.
    public func correction(for term: String) -> String? {
        let word = Array(term.utf8)
        guard word.count >= Self.shortestCorrectable else { return nil }
        let allowed = word.count >= 8 ? 2 : 1
        // Long words may be two edits away: their two-letter deletions meet a term's one-letter ones.
        var keys = Self.deletions(of: term)
        if allowed == 2 {
            for key in Array(keys) where key != term { keys.formUnion(Self.deletions(of: key)) }
        }
        var candidates: Set<String> = []
        for key in keys {
            candidates.formUnion(termsByDeletion[key] ?? [])
        }
        var best: (term: String, distance: Int, frequency: Int)?
        for candidate in candidates {
            guard let distance = EditDistance.bounded(word, Array(candidate.utf8), limit: allowed) else { continue }
            let frequency = documentFrequency(of: candidate)
            if let current = best,
               distance > current.distance || (distance == current.distance && (frequency, current.term) <= (current.frequency, candidate)) {
                continue
            }
            best = (candidate, distance, frequency)
        }
        return best?.term
    }
}
