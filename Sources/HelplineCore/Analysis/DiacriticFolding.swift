import Foundation

/// Folds letters so that spellings typed on different keyboards meet.
///
/// Danish `æ ø å` become `ae oe aa`, the spellings people use without a Danish keyboard (and
/// older Danish used for `å`); other accents are dropped (`é` → `e`, `ü` → `u`).
enum DiacriticFolding {
    /// The ASCII spelling of a token.
    static func fold(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 >= 0x80 }) else { return token }
        var folded = String.UnicodeScalarView()
        for scalar in token.decomposedStringWithCanonicalMapping.unicodeScalars {
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

    /// Restores `æ ø å` in a Danish word typed as `ae oe aa`, so that the Danish stemmer sees
    /// the same word either way ("moede" and "møde", "maaned" and "måned").
    static func danishLetters(_ token: String) -> String {
        guard token.contains("aa") || token.contains("oe") || token.contains("ae") else { return token }
        return token
            .replacingOccurrences(of: "aa", with: "å")
            .replacingOccurrences(of: "oe", with: "ø")
            .replacingOccurrences(of: "ae", with: "æ")
    }
}
