/// Snowball's English stemmer, "Porter2" (https://snowballstem.org/algorithms/english/stemmer.html),
/// following `algorithms/english.sbl` of snowballstem/snowball as revised in 2025: the extra R1
/// prefixes (`past`, `univers`, `later`, `emerg`, `organ`, `inter`), `-ogist`, and the `-ing`
/// and `-eed` exceptions. It reproduces Snowball's reference vocabulary exactly.
///
/// The word is handled as Unicode scalars because Snowball measures regions and short syllables
/// in characters, not bytes.
public struct EnglishStemmer: Stemmer {
    /// A suffix replaced when it starts inside R1 (or R2) and, if `after` is not empty, follows
    /// one of the letters in `after`.
    private typealias Rule = (suffix: StaticString, replacement: StaticString, inR2: Bool, after: StaticString)

    public init() {}

    public func stem(_ word: String) -> String {
        var s = Self.scalars(of: word)
        if let exception = Self.exception(s) { return exception }
        guard s.count >= 3 else { return word }

        let markedY = Self.prelude(&s)
        let (p1, p2) = Self.regions(s)
        Self.step1a(&s)
        Self.step1b(&s, p1: p1)
        Self.step1c(&s)
        Self.applyLongest(Self.step2Rules, to: &s, p1: p1, p2: p2)
        Self.applyLongest(Self.step3Rules, to: &s, p1: p1, p2: p2)
        Self.applyLongest(Self.step4Rules, to: &s, p1: p1, p2: p2)
        Self.step5(&s, p1: p1, p2: p2)
        if markedY {
            for index in s.indices where s[index] == "Y" { s[index] = "y" }
        }

        return Self.string(from: s)
    }

    // MARK: - Whole words

    /// Words the rules would mangle, matched whole before anything else; invariant ones map to themselves.
    private static let exceptions: [(word: StaticString, stem: StaticString)] = [
        ("skis", "ski"), ("skies", "sky"),
        ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"), ("only", "onli"),
        ("singly", "singl"),
        ("sky", "sky"), ("news", "news"), ("howe", "howe"),
        ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
    ]

    private static func exception(_ s: [Unicode.Scalar]) -> String? {
        // Every exception has 3 to 6 letters; the length test spares most words the comparisons.
        guard (3...6).contains(s.count) else { return nil }
        for exception in exceptions where exception.word.utf8CodeUnitCount == s.count {
            if matches(s, exception.word, at: 0) { return exception.stem.description }
        }
        return nil
    }

    /// Drops a leading apostrophe and marks consonant `y` as `Y` (initial, or after a vowel), so
    /// that later steps treat it as a consonant. Returns whether any `Y` was marked.
    private static func prelude(_ s: inout [Unicode.Scalar]) -> Bool {
        if s.first == "'" { s.removeFirst() }
        var marked = false
        if s.first == "y" {
            s[0] = "Y"
            marked = true
        }
        // Left to right, so a marked `Y` (not a vowel) stops the next `y` being marked: "sayyid".
        var index = 1
        while index < s.count {
            if s[index] == "y" && isVowel(s[index - 1]) {
                s[index] = "Y"
                marked = true
            }
            index += 1
        }
        return marked
    }

    /// R1 and R2: each starts after the first non-vowel that follows a vowel, R2 inside R1.
    /// A few prefixes fix R1 instead, keeping words such as "general" and "generous" apart.
    private static func regions(_ s: [Unicode.Scalar]) -> (p1: Int, p2: Int) {
        let p1 = specialPrefixLength(s) ?? afterVowelThenConsonant(s, from: 0)
        return (p1, afterVowelThenConsonant(s, from: p1))
    }

    private static func specialPrefixLength(_ s: [Unicode.Scalar]) -> Int? {
        switch s[0] {
        case "g": if hasPrefix(s, "gener") { return 5 }
        case "c": if hasPrefix(s, "commun") { return 6 }
        case "a": if hasPrefix(s, "arsen") { return 5 }
        case "p": if hasPrefix(s, "past") { return 4 }
        case "u": if hasPrefix(s, "univers") { return 7 }
        case "l": if hasPrefix(s, "later") { return 5 }
        case "e": if hasPrefix(s, "emerg") { return 5 }
        case "o": if hasPrefix(s, "organ") { return 5 }
        case "i": if hasPrefix(s, "inter") { return 5 }
        default: break
        }
        return nil
    }

    /// The position after the first non-vowel that follows a vowel at or after `start`; the end if none.
    private static func afterVowelThenConsonant(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < s.count && !isVowel(s[index]) { index += 1 }
        while index < s.count && isVowel(s[index]) { index += 1 }
        return index < s.count ? index + 1 : s.count
    }

    // MARK: - Steps

    /// Possessives and plurals: `'s`, `sses`, `ies`, `s`.
    private static func step1a(_ s: inout [Unicode.Scalar]) {
        if s.last == "'" {
            s.removeLast(hasSuffix(s, "'s'") ? 3 : 1)
        } else if hasSuffix(s, "'s") {
            s.removeLast(2)
        }

        let n = s.count
        switch s.last {
        case "s":
            if hasSuffix(s, "sses") {
                s.removeLast(2)
            } else if hasSuffix(s, "ies") {
                replaceIES(&s)
            } else if hasSuffix(s, "us") || hasSuffix(s, "ss") {
                return
            } else if n >= 2 && containsVowel(s, upTo: n - 2) {
                // Only when a vowel comes before the letter preceding the `s`: "gaps" → "gap", "gas" stays.
                s.removeLast()
            }
        case "d":
            if hasSuffix(s, "ied") { replaceIES(&s) }
        default:
            break
        }
    }

    /// `ies` and `ied` become `i` after two or more letters ("cries" → "cri"), else `ie` ("ties" → "tie").
    private static func replaceIES(_ s: inout [Unicode.Scalar]) {
        replaceSuffix(&s, length: 3, with: s.count > 4 ? "i" : "ie")
    }

    /// `eed`, `ed`, `ing` and their `-ly` forms.
    private static func step1b(_ s: inout [Unicode.Scalar], p1: Int) {
        switch s.last {
        case "d":
            if hasSuffix(s, "eed") {
                replaceEED(&s, length: 3, p1: p1)
            } else if hasSuffix(s, "ed") {
                removeVerbSuffix(&s, length: 2, p1: p1)
            }
        case "y":
            if hasSuffix(s, "eedly") {
                replaceEED(&s, length: 5, p1: p1)
            } else if hasSuffix(s, "ingly") {
                removeVerbSuffix(&s, length: 5, p1: p1)
            } else if hasSuffix(s, "edly") {
                removeVerbSuffix(&s, length: 4, p1: p1)
            }
        case "g":
            guard hasSuffix(s, "ing") else { return }
            let start = s.count - 3
            // "dying" → "die", "lying" → "lie", "tying" → "tie".
            if start == 2 && s[1] == "y" && !isVowel(s[0]) {
                replaceSuffix(&s, length: 4, with: "ie")
                return
            }
            // "inning", "outing", "canning", "herring", "earring", "evening" are not verb forms.
            if isWhole(s, prefixLength: start, oneOf: ["inn", "out", "cann", "herr", "earr", "even"]) { return }
            removeVerbSuffix(&s, length: 3, p1: p1)
        default:
            break
        }
    }

    /// `eed` or `eedly` in R1 becomes `ee`, except in "proceed", "exceed" and "succeed". Unlike
    /// `ed`, it is never removed outright: "feed" stays.
    private static func replaceEED(_ s: inout [Unicode.Scalar], length: Int, p1: Int) {
        let start = s.count - length
        guard start >= p1, !isWhole(s, prefixLength: start, oneOf: ["proc", "exc", "succ"]) else { return }
        replaceSuffix(&s, length: length, with: "ee")
    }

    /// Removes `ed`, `edly`, `ing` or `ingly` if a vowel precedes it, then tidies the stem:
    /// restores an `e` ("luxuriat" → "luxuriate", "hop" → "hope") or undoubles ("hopp" → "hop").
    private static func removeVerbSuffix(_ s: inout [Unicode.Scalar], length: Int, p1: Int) {
        let start = s.count - length
        guard containsVowel(s, upTo: start) else { return }
        s.removeLast(length)

        if hasSuffix(s, "at") || hasSuffix(s, "bl") || hasSuffix(s, "iz") {
            s.append("e")
        } else if endsWithUndoubledPair(s) {
            // "added", "egged", "offing": a short word starting with a, e or o keeps its double.
            if !(s.count == 3 && isAEO(s[0])) { s.removeLast() }
        } else if s.count == p1 && isShortSyllable(s, end: s.count) {
            s.append("e")
        }
    }

    /// Doubles undone after removing `ed`/`ing`; double c, h, j, k, q, v, w and x are left alone.
    private static func endsWithUndoubledPair(_ s: [Unicode.Scalar]) -> Bool {
        let n = s.count
        guard n >= 2, s[n - 1] == s[n - 2] else { return false }
        switch s[n - 1] {
        case "b", "d", "f", "g", "m", "n", "p", "r", "t": return true
        default: return false
        }
    }

    /// Final `y` after a consonant becomes `i` ("cry" → "cri"), unless that consonant starts the word ("by").
    private static func step1c(_ s: inout [Unicode.Scalar]) {
        let n = s.count
        guard n >= 3, s[n - 1] == "y" || s[n - 1] == "Y", !isVowel(s[n - 2]) else { return }
        s[n - 1] = "i"
    }

    /// Final `e` in R2, or in R1 after anything but a short syllable; `ll` in R2 loses an `l`.
    private static func step5(_ s: inout [Unicode.Scalar], p1: Int, p2: Int) {
        let start = s.count - 1
        guard start >= 0 else { return }
        switch s[start] {
        case "e":
            if start >= p2 || (start >= p1 && !isShortSyllable(s, end: start)) { s.removeLast() }
        case "l":
            if start >= p2 && start >= 1 && s[start - 1] == "l" { s.removeLast() }
        default:
            break
        }
    }

    /// Steps 2 to 4: Snowball picks the longest listed suffix first, and if that one fails its
    /// region or letter test the step does nothing; it does not fall back to a shorter suffix.
    private static func applyLongest(_ table: [[Rule]], to s: inout [Unicode.Scalar], p1: Int, p2: Int) {
        let n = s.count
        guard n >= 2, let last = letterSlot(s[n - 1]), let previous = letterSlot(s[n - 2]) else { return }
        for rule in table[previous * 26 + last] where hasSuffix(s, rule.suffix) {
            let start = s.count - rule.suffix.utf8CodeUnitCount
            guard start >= (rule.inR2 ? p2 : p1) else { return }
            if rule.after.utf8CodeUnitCount > 0 {
                guard start > 0, contains(rule.after, s[start - 1]) else { return }
            }
            replaceSuffix(&s, length: rule.suffix.utf8CodeUnitCount, with: rule.replacement)
            return
        }
    }

    // MARK: - Rule tables

    private static func rule(
        _ suffix: StaticString, _ replacement: StaticString, inR2: Bool = false, after: StaticString = ""
    ) -> Rule {
        (suffix, replacement, inR2, after)
    }

    /// Derivational suffixes in R1.
    private static let step2Rules = byLastTwoLetters([
        rule("tional", "tion"), rule("enci", "ence"), rule("anci", "ance"), rule("abli", "able"),
        rule("entli", "ent"), rule("izer", "ize"), rule("ization", "ize"), rule("ational", "ate"),
        rule("ation", "ate"), rule("ator", "ate"), rule("alism", "al"), rule("aliti", "al"),
        rule("alli", "al"), rule("fulness", "ful"), rule("ousli", "ous"), rule("ousness", "ous"),
        rule("iveness", "ive"), rule("iviti", "ive"), rule("biliti", "ble"), rule("bli", "ble"),
        rule("ogist", "og"), rule("ogi", "og", after: "l"), rule("fulli", "ful"), rule("lessli", "less"),
        rule("li", "", after: "cdeghkmnrt"),
    ])

    /// More derivational suffixes in R1; `ative` only in R2.
    private static let step3Rules = byLastTwoLetters([
        rule("tional", "tion"), rule("ational", "ate"), rule("alize", "al"), rule("icate", "ic"),
        rule("iciti", "ic"), rule("ical", "ic"), rule("ful", ""), rule("ness", ""),
        rule("ative", "", inR2: true),
    ])

    /// Suffixes deleted in R2; `ion` only after `s` or `t`.
    private static let step4Rules = byLastTwoLetters([
        rule("al", "", inR2: true), rule("ance", "", inR2: true), rule("ence", "", inR2: true),
        rule("er", "", inR2: true), rule("ic", "", inR2: true), rule("able", "", inR2: true),
        rule("ible", "", inR2: true), rule("ant", "", inR2: true), rule("ement", "", inR2: true),
        rule("ment", "", inR2: true), rule("ent", "", inR2: true), rule("ism", "", inR2: true),
        rule("ate", "", inR2: true), rule("iti", "", inR2: true), rule("ous", "", inR2: true),
        rule("ive", "", inR2: true), rule("ize", "", inR2: true), rule("ion", "", inR2: true, after: "st"),
    ])

    /// Groups rules by their last two letters, longest suffix first, so a word is only compared
    /// with the one or two rules that can match it, in Snowball's order of preference.
    private static func byLastTwoLetters(_ rules: [Rule]) -> [[Rule]] {
        var table = [[Rule]](repeating: [], count: 26 * 26)
        for rule in rules.sorted(by: { $0.suffix.utf8CodeUnitCount > $1.suffix.utf8CodeUnitCount }) {
            let end = rule.suffix.utf8Start + rule.suffix.utf8CodeUnitCount
            let a = UInt8(ascii: "a")
            table[Int(end[-2] - a) * 26 + Int(end[-1] - a)].append(rule)
        }
        return table
    }

    // MARK: - Letters

    private static func isVowel(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "a", "e", "i", "o", "u", "y": return true
        default: return false
        }
    }

    private static func isAEO(_ c: Unicode.Scalar) -> Bool {
        c == "a" || c == "e" || c == "o"
    }

    /// Whether `s[..<end]` ends in a short syllable: non-vowel, vowel, then a non-vowel other than
    /// `w`, `x` or `Y`; or a vowel then non-vowel making up the whole word; or `past` ("pasted").
    private static func isShortSyllable(_ s: [Unicode.Scalar], end: Int) -> Bool {
        if end >= 3 && !isVowel(s[end - 3]) && isVowel(s[end - 2]) && !isVowel(s[end - 1]) {
            switch s[end - 1] {
            case "w", "x", "Y": break
            default: return true
            }
        }
        if end == 2 && isVowel(s[0]) && !isVowel(s[1]) { return true }
        return hasSuffix(s, "past", end: end)
    }

    private static func containsVowel(_ s: [Unicode.Scalar], upTo end: Int) -> Bool {
        s[..<end].contains(where: isVowel)
    }

    private static func letterSlot(_ c: Unicode.Scalar) -> Int? {
        c >= "a" && c <= "z" ? Int(c.value) - 0x61 : nil
    }

    // MARK: - Comparing with ASCII literals

    /// Whether `literal` occurs in `s` starting at `start`.
    @inline(__always)
    private static func matches(_ s: [Unicode.Scalar], _ literal: StaticString, at start: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard start >= 0, start + length <= s.count else { return false }
        let bytes = literal.utf8Start
        for offset in 0..<length where s[start + offset].value != UInt32(bytes[offset]) { return false }
        return true
    }

    private static func hasSuffix(_ s: [Unicode.Scalar], _ suffix: StaticString, end: Int? = nil) -> Bool {
        matches(s, suffix, at: (end ?? s.count) - suffix.utf8CodeUnitCount)
    }

    private static func hasPrefix(_ s: [Unicode.Scalar], _ prefix: StaticString) -> Bool {
        matches(s, prefix, at: 0)
    }

    /// Whether `s[..<prefixLength]` is exactly one of `words`.
    private static func isWhole(_ s: [Unicode.Scalar], prefixLength: Int, oneOf words: [StaticString]) -> Bool {
        words.contains { $0.utf8CodeUnitCount == prefixLength && matches(s, $0, at: 0) }
    }

    private static func contains(_ letters: StaticString, _ c: Unicode.Scalar) -> Bool {
        UnsafeBufferPointer(start: letters.utf8Start, count: letters.utf8CodeUnitCount)
            .contains { UInt32($0) == c.value }
    }

    private static func replaceSuffix(_ s: inout [Unicode.Scalar], length: Int, with replacement: StaticString) {
        s.removeLast(length)
        let bytes = UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount)
        for byte in bytes { s.append(Unicode.Scalar(byte)) }
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
