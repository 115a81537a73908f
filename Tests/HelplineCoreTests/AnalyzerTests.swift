import Foundation
@testable import HelplineCore
import Testing

/// The analyzer: the index terms of English and Danish text, spelling variants that must meet,
/// synonyms, the fingerprint, and text nobody should type but somebody will.
struct AnalyzerTests {
    static let analyzer = Analyzer()

    // MARK: - Terms

    /// Stems frozen from the Snowball English stemmer; stopwords and punctuation are gone.
    @Test(arguments: [
        ("How do I reset my password?", ["reset", "password"]),
        ("The QUICK Brown Fox", ["quick", "brown", "fox"]),
        ("the and of to", []),
        ("Hi, please can you help?", ["help"]),
        ("Recording meetings", ["record", "meet"]),
        ("Sharing my screen with participants", ["share", "screen", "particip"]),
        ("Running webinars", ["run", "webinar"]),
        ("I can't hear anyone", ["hear"]),
        ("user's settings", ["user", "set"]),
        ("ｐａｓｓｗｏｒｄ", ["password"]),
        ("ﬁle sharing", ["file", "share"]),
        // Accents are folded before stemming, so "résumé" stems as "resume" does.
        ("naïve résumé", ["naiv", "resum"]),
        ("resume", ["resum"]),
        ("café", ["cafe"]),
    ] as [(String, [String])])
    func englishTerms(text: String, expected: [String]) {
        let got = Self.analyzer.terms(text, language: .english)
        #expect(got == expected, "en \(text.debugDescription): expected \(expected), got \(got)")
    }

    /// Stems frozen from the Snowball Danish stemmer, folded to ASCII at the end.
    @Test(arguments: [
        ("Hvordan ændrer jeg min adgangskode?", ["aendr", "adgangskod"]),
        ("Hvordan optager jeg et møde", ["optag", "moed"]),
        ("og i jeg det at", []),
        ("Hej, tak!", []),
        ("tilbagevendende møder", ["tilbagevend", "moed"]),
        ("Mødet", ["moed"]),
        ("Månedlig", ["maaned"]),
        ("GRUPPERUM", ["grupperum"]),
        ("min mikrofon virker ikke", ["mikrofon", "virk"]),
        ("hvordan deler jeg min skærm", ["del", "skaerm"]),
    ] as [(String, [String])])
    func danishTerms(text: String, expected: [String]) {
        let got = Self.analyzer.terms(text, language: .danish)
        #expect(got == expected, "da \(text.debugDescription): expected \(expected), got \(got)")
    }

    /// Without a language there is no stemming and no stopword list, only tokens, folded.
    @Test func noLanguageKeepsWholeWords() {
        #expect(Self.analyzer.terms("The Meetings in Århus", language: nil) == ["the", "meetings", "in", "aarhus"])
    }

    // MARK: - Spellings that must meet

    /// Case, NFKC and accents: both spellings give the same, non-empty terms.
    @Test(arguments: [
        ("PASSWORD", "password"),
        ("ｐａｓｓｗｏｒｄ", "password"),
        ("ﬁle", "file"),
        ("café", "cafe"),
        ("Café", "cafe"),
        ("cafe\u{0301}", "café"),
        ("naïve", "naive"),
        ("organise my meetings", "organize my meetings"),
        ("Organisation settings", "organization settings"),
        ("colour of the background", "color of the background"),
        ("coloured", "colored"),
        ("licence", "license"),
        ("licences", "licenses"),
        ("the centre", "the center"),
        ("customising", "customizing"),
        ("analyse usage", "analyze usage"),
        ("enquiry", "inquiry"),
        ("neighbour", "neighbor"),
    ])
    func englishSpellingsMeet(one: String, other: String) {
        let a = Self.analyzer.terms(one, language: .english)
        let b = Self.analyzer.terms(other, language: .english)
        #expect(!a.isEmpty, "en \(one.debugDescription) gave no terms")
        #expect(a == b, "en \(one.debugDescription) → \(a), \(other.debugDescription) → \(b)")
    }

    /// Words that look like British spellings but are not stay apart.
    @Test(arguments: [("promise", "promize"), ("four", "for"), ("genre", "gener"), ("exercise", "exercize"), ("precise", "precize")])
    func wordsThatOnlyLookBritishAreKept(word: String, notLike other: String) {
        #expect(Self.analyzer.terms(word, language: .english) != Self.analyzer.terms(other, language: .english))
    }

    /// A Danish keyboard writes `æ ø å`; anyone else writes `ae oe aa`. Both must find the same articles.
    @Test(arguments: [
        ("møde", "moede"),
        ("Mødet", "moedet"),
        ("måned", "maaned"),
        ("månedlig", "maanedlig"),
        ("ændre", "aendre"),
        ("adgangskoden", "adgangskode"),
        ("Hvordan ændrer jeg min adgangskode?", "hvordan aendrer jeg min adgangskode"),
        ("Hvordan optager jeg et møde", "hvordan optager jeg et moede"),
        ("Hvornår får jeg min faktura?", "hvornaar faar jeg min faktura"),
    ])
    func danishSpellingsMeet(native: String, ascii: String) {
        let a = Self.analyzer.terms(native, language: .danish)
        let b = Self.analyzer.terms(ascii, language: .danish)
        #expect(!a.isEmpty, "da \(native.debugDescription) gave no terms")
        #expect(a == b, "da \(native.debugDescription) → \(a), \(ascii.debugDescription) → \(b)")
    }

    /// `ae` is no `æ` in Danish plurals: restoring it broke "kameraer" (→ "kamerær") and
    /// "dataene", which must stem like their singulars.
    @Test(arguments: [("kameraer", "kamera"), ("kameraerne", "kamera"), ("dataene", "data")])
    func danishPluralsInAeStemLikeTheirSingulars(plural: String, singular: String) {
        #expect(Self.analyzer.terms(plural, language: .danish) == Self.analyzer.terms(singular, language: .danish))
    }

    /// Terms are stored space-separated, so they must be plain ASCII without separators.
    @Test(arguments: ["Grüße aus Århus, Øresund og Æbeltoft", "Ærø færgen sejler månedligt", "naïve façade"])
    func termsAreFoldedToASCII(text: String) {
        for language in [Language.english, .danish] {
            let terms = Self.analyzer.terms(text, language: language)
            #expect(!terms.isEmpty)
            for term in terms {
                #expect(term.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: " ") }, "\(language) \(text): term \(term)")
            }
        }
    }

    // MARK: - Synonyms

    static let signIn = Analyzer(synonyms: SynonymTable(groupsByLocale: ["en": [["sign in", "log in", "login"]]]))

    @Test(arguments: ["log in", "login", "sign in", "Log In", "LOGIN", "signing in"])
    func synonymMembersMapToOneTerm(phrase: String) {
        let got = Self.signIn.terms(phrase, language: .english)
        // The group's first member gives the terms, stopwords left out.
        #expect(got == ["sign"], "\(phrase.debugDescription) → \(got)")
    }

    @Test func synonymsMeetInsideSentences() {
        let logIn = Self.signIn.terms("I can't log in to my account", language: .english)
        let signIn = Self.signIn.terms("I can't sign in to my account", language: .english)
        let login = Self.signIn.terms("login to my account fails", language: .english)
        #expect(logIn == ["sign", "account"])
        #expect(signIn == logIn)
        #expect(login.first == "sign")
        // Without the table the phrases stay apart.
        #expect(Self.analyzer.terms("log in", language: .english) != Self.analyzer.terms("sign in", language: .english))
    }

    /// Only a whole member phrase maps: "log" or "sign" alone is another word.
    @Test(arguments: ["activity log", "log", "the sign on the door", "log files in the admin portal"])
    func partialPhrasesDoNotMap(text: String) {
        let got = Self.signIn.terms(text, language: .english)
        #expect(!got.isEmpty, "\(text.debugDescription) gave no terms")
        #expect(got == Self.analyzer.terms(text, language: .english), "\(text.debugDescription) mapped to the synonym: \(got)")
    }

    @Test func synonymsApplyOnlyToTheirLocale() {
        #expect(Self.signIn.terms("login", language: .danish) == Self.analyzer.terms("login", language: .danish))
        #expect(Self.signIn.terms("login", language: nil) == ["login"])
    }

    // MARK: - Fingerprint

    @Test func fingerprintIsStableForEqualSynonyms() {
        let groups: [String: [[String]]] = ["en": [["sign in", "log in"]], "da": [["møde", "videomøde"]]]
        #expect(Analyzer().fingerprint == Analyzer().fingerprint)
        #expect(Analyzer(synonyms: SynonymTable(groupsByLocale: groups)).fingerprint
            == Analyzer(synonyms: SynonymTable(groupsByLocale: groups)).fingerprint)
        #expect(!Analyzer().fingerprint.isEmpty)
    }

    @Test(arguments: [
        ["en": [["sign in", "log in", "login"]]],
        ["en": [["sign in", "log in"]]],
        ["en": [["sign in", "log in", "login"], ["mic", "microphone"]]],
        ["da": [["sign in", "log in", "login"]]],
        ["en": [["log in", "sign in", "login"]]],
    ] as [[String: [[String]]]])
    func fingerprintChangesWithSynonyms(groups: [String: [[String]]]) {
        let changed = Analyzer(synonyms: SynonymTable(groupsByLocale: groups)).fingerprint
        #expect(changed != Analyzer().fingerprint, "\(groups)")
        if groups != ["en": [["sign in", "log in", "login"]]] {
            #expect(changed != Self.signIn.fingerprint, "\(groups) has the same fingerprint as the sign-in table")
        }
    }

    // MARK: - Hostile text

    struct Hostile: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        /// Terms that must come out, if any.
        var mustContain: [String] = []
        /// Whether nothing at all may come out.
        var empty = false
        var testDescription: String { name }
    }

    static let hostile: [Hostile] = [
        Hostile(name: "empty", text: "", empty: true),
        Hostile(name: "punctuation", text: "?!...,;:-()[]{}\"'`~@#$%^&*+=|\\/<>", empty: true),
        Hostile(name: "emoji", text: "😀🎉👍🏽 🇩🇰 👨‍👩‍👧", empty: true),
        Hostile(name: "lone combining marks", text: "\u{0301}\u{0308}\u{030A}", empty: true),
        Hostile(name: "NUL separates words", text: "reset\u{0}password\u{0}", mustContain: ["reset", "password"]),
        Hostile(name: "control characters", text: "\u{1}\u{7}password\u{7F}\u{1B}reset\u{8}", mustContain: ["password", "reset"]),
        Hostile(name: "RTL", text: "\u{202E}كيف أعيد تعيين كلمة المرور password"),
        Hostile(name: "CJK", text: "密码重置怎么办 パスワード 비밀번호"),
        Hostile(name: "10,000-character paste", text: String(repeating: "my password reset email never arrived ", count: 264)),
        Hostile(name: "10,000-character token", text: String(repeating: "aB3", count: 3_334), empty: true),
        Hostile(name: "zalgo", text: "p\u{0336}\u{0337}a\u{0338}s\u{0336}sword"),
    ]

    @Test(arguments: hostile)
    func hostileTextYieldsBoundedTerms(row: Hostile) {
        let wordCount = row.text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).count
        for language in [Language.english, .danish, nil] {
            let terms = Self.analyzer.terms(row.text, language: language)
            let context = "\(row.name), \(language?.locale ?? "no language")"
            #expect(terms.count <= max(wordCount, 1), "\(context): \(terms.count) terms from \(wordCount) words")
            for term in terms {
                #expect(!term.isEmpty, "\(context): empty term")
                #expect(term.count <= 2 * Tokenizer.maximumTokenLength, "\(context): term of \(term.count) characters")
                #expect(!term.contains(where: { $0.isWhitespace || $0 == "\u{0}" }), "\(context): term \(term.debugDescription)")
            }
            if row.empty { #expect(terms.isEmpty, "\(context): \(terms)") }
            // Stems differ by language ("reset" is Danish "res"): the English stems are the check.
            for needed in row.mustContain where language == .english {
                #expect(terms.contains(needed), "\(context): \(needed) missing from \(terms)")
            }
        }
    }
}
