import Foundation

/// Splits text into lowercase word tokens: letters and digits, with apostrophes kept inside words.
///
/// Text is normalised first (NFKC), so full-width letters, ligatures and composed accents all
/// arrive in one form. Tokens longer than ``maximumTokenLength`` are dropped: they are pasted
/// URLs, hashes or garbage, never words someone searches for.
enum Tokenizer {
    static let maximumTokenLength = 40

    static func tokens(in text: String) -> [String] {
        // ASCII text is already in normal form; skipping NFKC for it keeps questions cheap.
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        let normalized = (isASCII ? text : text.precomposedStringWithCompatibilityMapping).lowercased()
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            while let last = current.last, last == "'" { current.removeLast() }
            if !current.isEmpty, current.count <= maximumTokenLength { tokens.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in normalized.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                // An apostrophe belongs to a word only between letters ("don't", "user's").
                if !current.isEmpty { current.append("'") }
            } else if scalar.properties.generalCategory == .nonspacingMark, !current.isEmpty {
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }
}
