import Foundation

/// Folds letters so that spellings typed on different keyboards meet.
///
/// Danish `æ ø å` become `ae oe aa`, the spellings people use without a Danish keyboard (and
/// older Danish used for `å`); other accents are dropped (`é` → `e`, `ü` → `u`).
enum DiacriticFolding {
    /// The ASCII spelling of a token.
    ///
    /// - Parameter keepingDanishLetters: leave `æ ø å` (and only them) as they are, for the
    ///   Danish stemmer.
    static func fold(_ token: String, keepingDanishLetters: Bool = false) -> String {
        guard token.utf8.contains(where: { $0 >= 0x80 }) else { return token }
        var folded = String.UnicodeScalarView()
        for scalar in token.unicodeScalars.flatMap({ scalar -> [Unicode.Scalar] in
            if keepingDanishLetters, "æøå".unicodeScalars.contains(scalar) { return [scalar] }
            return Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
        }) {
            if keepingDanishLetters, "æøå".unicodeScalars.contains(scalar) {
                folded.append(scalar)
                continue
            }
            switch scalar {
            case "æ": folded.append(contentsOf: "ae".unicodeScalars)
            case "ø": folded.append(contentsOf: "oe".unicodeScalars)
            case "ß": folded.append(contentsOf: "ss".unicodeScalars)
            case "œ": folded.append(contentsOf: "oe".unicodeScalars)
            case "ð": folded.append("d")
            case "þ": folded.append(contentsOf: "th".unicodeScalars)
            case "ł": folded.append("l")
            default:
                // `å` decomposes into `a` + ring above: `aa` keeps it apart from a plain `a`.
                if scalar == "\u{030A}", folded.last == "a" {
                    folded.append("a")
                } else if scalar.properties.generalCategory != .nonspacingMark {
                    folded.append(scalar)
                }
            }
        }
        return String(folded)
    }

    /// Restores `ø å` in a Danish word typed as `oe aa`, so that the Danish stemmer sees the
    /// same word either way ("moede" and "møde", "maaned" and "måned").
    ///
    /// `ae` is left alone: it is common where it is no `æ` ("kameraer", "dataene"), and `æ` and
    /// `ae` stem alike anyway, both folding to `ae` afterwards.
    static func danishLetters(_ token: String) -> String {
        guard token.contains("aa") || token.contains("oe") else { return token }
        return token
            .replacingOccurrences(of: "aa", with: "å")
            .replacingOccurrences(of: "oe", with: "ø")
    }
}
