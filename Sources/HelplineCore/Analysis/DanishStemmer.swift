/// Snowball's Danish stemmer (https://snowballstem.org/algorithms/danish/stemmer.html), following
/// `algorithms/danish.sbl` of snowballstem/snowball as revised in 2026 (undoubling limited to
/// `bdfgklmnprst`, R1 starting after an apostrophe as in "pc'en"). It reproduces Snowball's
/// reference vocabulary exactly.
///
/// The word is handled as Unicode scalars: `æ`, `ø` and `å` are single letters (and vowels),
/// and R1's minimum of three letters counts characters, not bytes.
public struct DanishStemmer: Stemmer {
    public init() {}

    public func stem(_ word: String) -> String {
        var s = Self.scalars(of: word)
        // Snowball leaves words of fewer than three letters alone.
        guard s.count >= 3 else { return word }

        let p1 = Self.r1Start(s)
        Self.removeMainSuffix(&s, p1: p1)
        Self.removeConsonantPairEnd(&s, p1: p1)
        Self.removeOtherSuffix(&s, p1: p1)
        Self.undouble(&s, p1: p1)
        if s.last == "'" { s.removeLast() }

        return Self.string(from: s)
    }

    /// R1 starts after the first apostrophe, else after the first non-vowel that follows a vowel,
    /// but never before the fourth letter.
    private static func r1Start(_ s: [Unicode.Scalar]) -> Int {
        var start: Int
        if let apostrophe = s.firstIndex(of: "'") {
            start = apostrophe + 1
        } else {
            start = 0
            while start < s.count && !isVowel(s[start]) { start += 1 }
            while start < s.count && isVowel(s[start]) { start += 1 }
            start = start < s.count ? start + 1 : s.count
        }
        return max(start, 3)
    }

    // MARK: - Steps

    /// Inflectional endings. Unlike English, the longest listed ending that lies wholly inside R1
    /// is taken; a longer one reaching out of R1 gives way to a shorter one.
    private static func removeMainSuffix(_ s: inout [Unicode.Scalar], p1: Int) {
        guard let last = s.last, let slot = letterSlot(last) else { return }
        guard let suffix = mainSuffixes[slot].first(where: { hasSuffix(s, $0, inRegionFrom: p1) }) else { return }
        if suffix == ["s"] {
            // Plural/genitive `s` goes only after letters that can end a Danish stem; the letter
            // itself may lie before R1.
            guard isValidSEnding(s[s.count - 2]) else { return }
        }
        s.removeLast(suffix.count)
    }

    /// `gd`, `dt`, `gt`, `kt` in R1 lose their last letter.
    private static func removeConsonantPairEnd(_ s: inout [Unicode.Scalar], p1: Int) {
        let n = s.count
        guard n - 2 >= p1 else { return }
        switch (s[n - 2], s[n - 1]) {
        case ("g", "d"), ("d", "t"), ("g", "t"), ("k", "t"): s.removeLast()
        default: break
        }
    }

    /// `igst` → `ig` anywhere, then `ig`, `lig`, `elig`, `els` (followed by the consonant-pair
    /// rule again) and `løst` → `løs` in R1.
    private static func removeOtherSuffix(_ s: inout [Unicode.Scalar], p1: Int) {
        if hasSuffix(s, ["i", "g", "s", "t"], inRegionFrom: 0) { s.removeLast(2) }

        if let suffix = otherSuffixes.first(where: { hasSuffix(s, $0, inRegionFrom: p1) }) {
            s.removeLast(suffix.count)
            removeConsonantPairEnd(&s, p1: p1)
        } else if hasSuffix(s, ["l", "ø", "s", "t"], inRegionFrom: p1) {
            s.removeLast()
        }
    }

    /// A doubled consonant at the end of R1 loses one letter; only the last letter need be in R1.
    private static func undouble(_ s: inout [Unicode.Scalar], p1: Int) {
        let n = s.count
        guard n - 1 >= p1, n >= 2, s[n - 2] == s[n - 1] else { return }
        switch s[n - 1] {
        case "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t": s.removeLast()
        default: break
        }
    }

    // MARK: - Tables

    /// The main-step endings grouped by last letter, longest first, as the step compares them.
    private static let mainSuffixes: [[[Unicode.Scalar]]] = {
        let endings = [
            "hed", "ethed", "ered", "e", "erede", "ende", "erende", "ene", "erne", "ere", "en", "heden",
            "eren", "er", "heder", "erer", "heds", "es", "endes", "erendes", "enes", "ernes", "eres",
            "ens", "hedens", "erens", "ers", "ets", "erets", "et", "eret", "s",
        ]
        var table = [[[Unicode.Scalar]]](repeating: [], count: 26)
        for ending in endings.sorted(by: { $0.count > $1.count }) {
            let scalars = Array(ending.unicodeScalars)
            table[Int(scalars[scalars.count - 1].value) - 0x61].append(scalars)
        }
        return table
    }()

    /// The `-ig` family and `els`, longest first, so `elig` wins over `lig` and `ig` when it lies in R1.
    private static let otherSuffixes: [[Unicode.Scalar]] = [
        ["e", "l", "i", "g"], ["l", "i", "g"], ["e", "l", "s"], ["i", "g"],
    ]

    // MARK: - Letters

    private static func isVowel(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "a", "e", "i", "o", "u", "y", "æ", "å", "ø": return true
        default: return false
        }
    }

    private static func isValidSEnding(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "a", "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "o", "p", "r", "t", "v", "y", "z",
             "å", "'":
            return true
        default:
            return false
        }
    }

    private static func letterSlot(_ c: Unicode.Scalar) -> Int? {
        c >= "a" && c <= "z" ? Int(c.value) - 0x61 : nil
    }

    /// Whether `s` ends with `suffix` and the suffix starts at or after `regionStart`.
    private static func hasSuffix(
        _ s: [Unicode.Scalar], _ suffix: [Unicode.Scalar], inRegionFrom regionStart: Int
    ) -> Bool {
        let start = s.count - suffix.count
        guard start >= regionStart, start >= 0 else { return false }
        for offset in suffix.indices where s[start + offset] != suffix[offset] { return false }
        return true
    }

    // MARK: - Converting

    /// The word's scalars, in an array sized up front: `Array(word.unicodeScalars)` grows step by
    /// step and costs more than the whole algorithm.
    private static func scalars(of word: String) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(word.utf8.count)
        for scalar in word.unicodeScalars { scalars.append(scalar) }
        return scalars
    }

    /// The string of `scalars`, written as UTF-8 straight into the string's storage.
    private static func string(from scalars: [Unicode.Scalar]) -> String {
        let byteCount = scalars.reduce(0) { $0 + UTF8.width($1) }
        return String(unsafeUninitializedCapacity: byteCount) { buffer in
            var index = 0
            for scalar in scalars {
                for byte in UTF8.encode(scalar)! {
                    buffer[index] = byte
                    index += 1
                }
            }
            return index
        }
    }
}
