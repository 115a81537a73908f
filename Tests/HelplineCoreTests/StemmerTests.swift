import Foundation
import HelplineCore
import Testing

/// The Snowball stemmers against hand-picked words and Snowball's reference vocabularies.
struct StemmerTests {
    @Test(arguments: [
        ("generously", "generous"), ("general", "general"), ("skies", "sky"), ("skis", "ski"),
        ("dying", "die"), ("news", "news"), ("consign", "consign"), ("consigned", "consign"),
        ("knightly", "knight"), ("hopping", "hop"), ("hoping", "hope"), ("cries", "cri"),
        ("ties", "tie"), ("proceed", "proceed"), ("agreed", "agre"), ("international", "internat"),
        ("pasted", "paste"), ("evening", "evening"), ("'owner's'", "owner"), ("sayyid", "sayyid"),
    ])
    func englishWord(word: String, stem: String) {
        #expect(EnglishStemmer().stem(word) == stem)
    }

    @Test(arguments: [
        ("søstrene", "søstr"), ("måneder", "måned"), ("måneders", "måned"), ("ønskede", "ønsked"),
        ("kærlighed", "kær"), ("kærligheden", "kær"), ("lærerne", "lær"), ("træstammerne", "træstam"),
        ("ædelbåren", "ædelbår"), ("strømmens", "strøm"), ("bundløst", "bundløs"), ("opløst", "opløst"),
        ("aflagt", "aflag"), ("almindeligt", "almind"), ("vigtigst", "vigt"), ("hvis", "hvis"),
        ("pc'en", "pc"), ("på", "på"),
    ])
    func danishWord(word: String, stem: String) {
        #expect(DanishStemmer().stem(word) == stem)
    }

    /// Every 40th line of the reference vocabularies, bundled so the check runs anywhere.
    @Test(arguments: ["english", "danish"])
    func bundledSample(language: String) throws {
        let url = try #require(Bundle.module.url(
            forResource: "\(language)-sample", withExtension: "tsv", subdirectory: "Resources/snowball"
        ))
        let stemmer = Self.stemmer(for: language)
        let pairs = try Self.pairs(in: url)
        #expect(pairs.count > 500)
        for (word, expected) in pairs {
            let got = stemmer.stem(word)
            #expect(got == expected, "\(language) \(word): expected \(expected), got \(got)")
        }
    }

    /// The full reference vocabularies, when the shared test data sits next to the repository.
    @Test(
        .enabled(if: referenceDataIsPresent, "no shared Snowball reference data beside the repository"),
        arguments: ["english", "danish"]
    )
    func fullReference(language: String) throws {
        let stemmer = Self.stemmer(for: language)
        let pairs = try Self.pairs(in: Self.referenceFolder.appending(path: "\(language).tsv"))
        #expect(pairs.count > 20_000)
        var mismatches: [String] = []
        for (word, expected) in pairs {
            let got = stemmer.stem(word)
            if got != expected { mismatches.append("\(word): expected \(expected), got \(got)") }
        }
        let firstMismatches = mismatches.prefix(20).joined(separator: "\n")
        #expect(
            mismatches.count == 0,
            "\(mismatches.count) of \(pairs.count) \(language) words differ; first 20:\n\(firstMismatches)"
        )
    }

    // MARK: - Helpers

    /// `<repo>/../shared/testdata/snowball`; this file is `<repo>/Tests/HelplineCoreTests/StemmerTests.swift`.
    private static let referenceFolder = URL(filePath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appending(path: "shared/testdata/snowball")

    private static let referenceDataIsPresent = ["english.tsv", "danish.tsv"].allSatisfy {
        FileManager.default.fileExists(atPath: referenceFolder.appending(path: $0).path)
    }

    private static func stemmer(for language: String) -> any Stemmer {
        language == "danish" ? DanishStemmer() : EnglishStemmer()
    }

    /// The `word<TAB>stem` lines of a reference file.
    private static func pairs(in url: URL) throws -> [(word: String, stem: String)] {
        try String(contentsOf: url, encoding: .utf8)
            .split(separator: "\n")
            .map { line in
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                return (String(fields[0]), fields.count > 1 ? String(fields[1]) : "")
            }
    }
}
