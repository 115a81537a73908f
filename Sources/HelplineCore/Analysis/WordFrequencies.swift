import Foundation

/// How common words are in a language at large, on the Zipf scale: log10 of a word's
/// occurrences per billion words (7 for "the", 5 for "tomorrow", 3 for "unicorn").
///
/// A help center knows only its own words. When a question uses one it has never seen, how
/// common that word is in the language tells context ("tomorrow", "my kid's bedroom") from a
/// subject the help center does not cover ("Gmail", "Kubernetes"), and a real word from a typo.
///
/// The shipped lists (`Resources/WordFrequencies/<locale>.tsv`, `word<TAB>zipf`) are the most
/// frequent words of each language from the wordfreq project (Robyn Speer, data CC BY-SA 4.0).
public struct WordFrequencies: Sendable {
    private let zipfByWord: [String: Float]

    /// An empty list: every word is unknown.
    public init() {
        zipfByWord = [:]
    }

    /// A list from `word<TAB>zipf` lines; words are folded as the analyzer folds them.
    public init(tsv: String) {
        var zipfByWord: [String: Float] = [:]
        for line in tsv.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t"), let zipf = Float(line[line.index(after: tab)...]) else { continue }
            let word = DiacriticFolding.fold(String(line[..<tab]))
            zipfByWord[word] = max(zipfByWord[word] ?? 0, zipf)
        }
        self.zipfByWord = zipfByWord
    }

    /// The word's Zipf frequency; nil for a word outside the list (rare, a name, or a typo).
    ///
    /// - Parameter word: lowercased and folded, as ``AnalyzedTerm/surface`` is.
    public func zipf(of word: String) -> Double? {
        zipfByWord[word].map(Double.init)
    }

    /// The shipped list for `language`, read once; empty when the language is unknown.
    public static func shipped(for language: Language?) -> WordFrequencies {
        switch language {
        case .english: english
        case .danish: danish
        case nil: WordFrequencies()
        }
    }

    private static let english = load("en")
    private static let danish = load("da")

    private static func load(_ locale: String) -> WordFrequencies {
        guard let url = shippedFile(locale), let text = try? String(contentsOf: url, encoding: .utf8) else {
            return WordFrequencies()
        }
        return WordFrequencies(tsv: text)
    }

    /// `<locale>.tsv` in the package's resource bundle, which SwiftPM puts next to the executable.
    ///
    /// Not `Bundle.module`: it stops the process when the bundle is missing, and a server whose
    /// binary was copied without it should still answer, with untempered weights (it warns).
    private static func shippedFile(_ locale: String) -> URL? {
        let folders = [Bundle.main.bundleURL, Bundle.main.executableURL?.deletingLastPathComponent()].compactMap(\.self)
        return folders
            .map { $0.appendingPathComponent("Helpline_HelplineCore.resources/WordFrequencies/\(locale).tsv") }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Whether the list holds no words (the shipped lists could not be found).
    public var isEmpty: Bool { zipfByWord.isEmpty }
}
