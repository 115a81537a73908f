/// Finds the known word nearest to an unknown one, within one or two edits.
///
/// Each known word is filed under itself and every form of it with one letter left out: two
/// words one edit apart always share such a key (the idea behind SymSpell), so a look-up
/// checks a handful of keys instead of the whole vocabulary. Long words also try their
/// two-letter deletions, which finds most two-edit typos.
struct NearestWordIndex: Sendable {
    /// Words shorter than this are corrected only by adding a letter: changing one of three
    /// letters makes another word too often ("mic" into "mac").
    static let shortestCorrectable = 4
    /// Words this long are corrected only by adding the letter a hurried typist left out ("pol"
    /// is "poll", "ful" is "full"); shorter ones never.
    static let shortestByInsertion = 3

    private let wordsByDeletion: [String: [String]]

    init<Words: Sequence>(words: Words) where Words.Element == String {
        var index: [String: [String]] = [:]
        // A typo of a four-letter word may lack a letter: three-letter words are filed too.
        for word in words where word.utf8.count >= Self.shortestCorrectable - 1 {
            for key in Self.deletions(of: word) { index[key, default: []].append(word) }
        }
        wordsByDeletion = index
    }

    /// The known word nearest to `word`; among equally near words the one `frequency` rates
    /// highest, then the alphabetically first, so results are repeatable.
    ///
    /// Words of 3 letters allow one added letter, of 4–7 letters one edit, longer words two; a
    /// swap of neighbouring letters is one edit. The first letter must match: people rarely
    /// mistype it, and a word that starts differently is usually another word ("drilling" is
    /// not "billing").
    func nearest(to word: String, frequency: (String) -> Int) -> String? {
        let bytes = Array(word.utf8)
        guard bytes.count >= Self.shortestByInsertion else { return nil }
        let onlyInsertion = bytes.count < Self.shortestCorrectable
        let allowed = bytes.count >= 8 ? 2 : 1
        var keys = Self.deletions(of: word)
        if allowed == 2 {
            for key in Array(keys) where key != word { keys.formUnion(Self.deletions(of: key)) }
        }
        var candidates: Set<String> = []
        for key in keys { candidates.formUnion(wordsByDeletion[key] ?? []) }
        var best: (word: String, distance: Int, frequency: Int)?
        for candidate in candidates where candidate != word && candidate.utf8.first == bytes.first
            && (!onlyInsertion || candidate.utf8.count == bytes.count + 1) {
            guard let distance = EditDistance.bounded(bytes, Array(candidate.utf8), limit: allowed) else { continue }
            let rating = frequency(candidate)
            if let current = best,
               distance > current.distance
                || (distance == current.distance && (rating, current.word) <= (current.frequency, candidate)) {
                continue
            }
            best = (candidate, distance, rating)
        }
        return best?.word
    }

    /// The word itself and every form of it with one letter left out.
    static func deletions(of word: String) -> Set<String> {
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
}
