/// How a word's frequency in the language at large tempers its weight in a question.
///
/// A help center's own statistics (inverse document frequency over a few hundred articles)
/// say little about everyday words: "us", "anything" or "tomorrow" are rare in articles, so
/// they weigh as much as "breakout" or "transcript", and a word no article uses weighs the
/// most of all. Long, chatty questions are full of such words, which then drown the few that
/// say what is asked. The language's own word frequencies (``WordFrequencies``) tell them apart.
/// Frequencies are on the Zipf scale (7 for "the", 5 for "tomorrow", 3 for "unicorn").
public struct CommonWordWeighting: Sendable, Equatable {
    /// A word no article uses but at least this common in the language is a real word, not a
    /// typo: it is not corrected to a look-alike ("wants" is not "wait").
    public var realWordZipf = 4.0
    /// A word no article uses keeps its full weight while rarer than this in the language:
    /// a name or a subject the help center does not cover ("Gmail", "Kubernetes").
    public var unseenSubjectZipf = 4.0
    /// Its weight falls linearly from there to nothing at this frequency, everyday context
    /// ("tomorrow", "bedroom"), but never below ``unseenContextShare`` of it.
    public var unseenContextZipf = 5.0
    public var unseenContextShare = 0.3
    /// A word articles use keeps its weight up to this frequency in the language, falling
    /// linearly to ``commonShare`` of it at ``commonestZipf`` ("get", "us", "one").
    public var commonZipf = 5.0
    public var commonestZipf = 7.0
    public var commonShare = 0.2

    public init() {}

    /// The share of its weight a word no article uses keeps; 1 when the language does not know it.
    public func unseenShare(zipf: Double?) -> Double {
        guard let zipf else { return 1 }
        let progress = (zipf - unseenSubjectZipf) / (unseenContextZipf - unseenSubjectZipf)
        return min(1, max(unseenContextShare, 1 - progress))
    }

    /// The share of its weight a word articles use keeps.
    public func knownShare(zipf: Double?) -> Double {
        guard let zipf else { return 1 }
        let progress = (zipf - commonZipf) / (commonestZipf - commonZipf)
        return 1 - min(1, max(0, progress)) * (1 - commonShare)
    }

    /// Whether an unseen word is a real word of the language rather than a typo.
    public func isRealWord(zipf: Double?) -> Bool {
        zipf.map { $0 >= realWordZipf } ?? false
    }
}
