import HelplineCore
import Testing

@testable import HelplineStore

/// Typos are corrected against the words articles are written with, synonyms included.
struct TypoCorrectionTests {
    static let synonyms = SynonymTable(groupsByLocale: ["en": [["invoice", "invoices", "receipt", "receipts"]]])

    @Test(arguments: [
        ("where are my reciepts", "invoices"),
        ("dowload invoises", "invoices"),
        ("chage my profile pictrue", "profile"),
        ("pasword reset", "password"),
    ])
    func aTypoFindsTheArticle(question: String, expected: String) throws {
        let center = try TemporaryHelpCenter()
        defer { withExtendedLifetime(center) {} }
        try center.write(
            TemporaryHelpCenter.article(id: "invoices", title: "Download invoices and receipts", body: "Open Billing."),
            to: "articles/en/billing/invoices.md")
        try center.write(
            TemporaryHelpCenter.article(id: "profile", title: "Change your profile picture", body: "Open Profile."),
            to: "articles/en/account/profile.md")
        try center.write(
            TemporaryHelpCenter.article(id: "password", title: "Reset your password", body: "Use the link."),
            to: "articles/en/sign-in/password.md")
        let index = try center.openIndex(analyzer: Analyzer(synonyms: Self.synonyms))
        try index.update(from: center.folder)

        let result = try index.search(question, locale: "en")
        #expect(result.decision != .noMatch, "\(question): \(result.confidence)")
        #expect(result.matches.first?.id == expected, "\(question) → \(result.matches.map(\.id))")
        #expect(result.terms.contains { $0.original != nil }, "\(question) was not corrected: \(result.terms)")
    }
}
