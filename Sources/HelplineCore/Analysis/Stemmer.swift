/// Reduces a single lowercase word to its stem, so that inflected forms ("connected", "connecting") meet.
public protocol Stemmer: Sendable {
    func stem(_ word: String) -> String
}
