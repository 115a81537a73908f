import HelplineCore
import Testing

/// Guessing a question's language from its words, for questions that come without a locale.
struct LanguageDetectionTests {
    @Test(arguments: [
        ("reset password", Language.english),
        ("I forgot my password", .english),
        ("how do I record a meeting", .english),
        ("the camera is not working", .english),
        ("Can I share my screen?", .english),
        ("mic not working", .english),
        ("Hvordan optager jeg et møde", .danish),
        ("hvordan optager jeg et moede", .danish),
        ("Jeg har glemt min adgangskode", .danish),
        ("mit kamera virker ikke", .danish),
        ("kan ikke høre noget", .danish),
        ("hvor finder jeg mine optagelser", .danish),
        ("min mikrofon virker ikke", .danish),
        ("hvornaar udloeber mit abonnement", .danish),
        ("skærmdeling", .danish),
        ("mødet", .danish),
    ])
    func detects(question: String, expected: Language) {
        let got = Language.detect(question)
        #expect(got == expected, "\(question.debugDescription): expected \(expected), got \(got)")
    }

    /// Without evidence either way, the help center's first language wins.
    @Test(arguments: ["", "   ", "?!", "😀", "Parlo", "12345", "密码"])
    func noEvidenceMeansEnglish(question: String) {
        #expect(Language.detect(question) == .english, "\(question.debugDescription)")
    }

    @Test(arguments: [
        ("en", Language.english), ("EN", .english), ("en-GB", .english), ("en_US", .english),
        ("da", .danish), ("da-DK", .danish), ("DA_dk", .danish),
    ])
    func localeNamesALanguage(locale: String, expected: Language) {
        #expect(Language(locale: locale) == expected, "\(locale)")
    }

    @Test(arguments: ["", "de", "sv-SE", "english", "-", "e"])
    func unknownLocalesHaveNoLanguage(locale: String) {
        #expect(Language(locale: locale) == nil, "\(locale.debugDescription)")
    }
}
