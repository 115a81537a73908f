import Foundation
import HelplineCore
import Testing

/// Reply objects of the chat protocol (v1), checked as the JSON a client receives.
struct ReplyTests {
    static let composer = ReplyComposer(policy: .builtIn)

    static let resetPassword = SearchMatch(
        id: "reset-password", title: "Reset your password", section: "sign-in-security", kind: .topic,
        url: "https://help.example.com/en/sign-in-security/reset-password",
        shortAnswer: "On the sign-in page, click Forgot password?", snippet: "Click Forgot password? and enter your email.",
        confidence: 0.91234)
    static let lockedAccount = SearchMatch(
        id: "locked-account", title: "Unlock your account", section: "sign-in-security", kind: .faq, url: nil,
        shortAnswer: "Wait 30 minutes.", snippet: "After 6 wrong attempts your account is locked.", confidence: 0.88)

    static func result(_ decision: SearchDecision, _ matches: [SearchMatch], locale: String = "en") -> SearchResult {
        SearchResult(decision: decision, confidence: matches.first?.confidence ?? 0, locale: locale, terms: [], matches: matches)
    }

    /// The reply as a client sees it: encoded, then read back as untyped JSON.
    static func json(_ reply: Reply) throws -> [String: Any] {
        let data = try JSONEncoder().encode(reply)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func answer() throws {
        let reply = Self.composer.reply(to: Self.result(.answer, [Self.resetPassword]), replyTo: "q-1")
        let json = try Self.json(reply)
        #expect(json["type"] as? String == "answer")
        #expect(json["replyTo"] as? String == "q-1")
        #expect(json["confidence"] as? Double == 0.912, "rounded to three decimals")
        #expect(json["text"] as? String == "On the sign-in page, click Forgot password?")
        let articles = try #require(json["articles"] as? [[String: Any]])
        #expect(articles.count == 1)
        let article = try #require(articles.first)
        #expect(article["id"] as? String == "reset-password")
        #expect(article["title"] as? String == "Reset your password")
        #expect(article["snippet"] as? String == "Click Forgot password? and enter your email.")
        #expect(article["url"] as? String == "https://help.example.com/en/sign-in-security/reset-password")
        #expect(article["section"] as? String == "sign-in-security")
        #expect(Set(json.keys) == ["type", "replyTo", "confidence", "text", "articles"])
    }

    @Test func clarify() throws {
        let reply = Self.composer.reply(to: Self.result(.clarify, [Self.resetPassword, Self.lockedAccount]), replyTo: "q-2")
        let json = try Self.json(reply)
        #expect(json["type"] as? String == "clarify")
        #expect(json["replyTo"] as? String == "q-2")
        #expect((json["text"] as? String)?.isEmpty == false)
        let suggestions = try #require(json["suggestions"] as? [[String: Any]])
        #expect(suggestions.count == 2)
        #expect(suggestions.map { $0["id"] as? String } == ["reset-password", "locked-account"])
        #expect(suggestions.map { $0["title"] as? String } == ["Reset your password", "Unlock your account"])
        #expect(suggestions.allSatisfy { Set($0.keys) == ["id", "title"] })
        #expect(!json.keys.contains("articles"))
    }

    @Test func noMatchOffersSelfService() throws {
        let reply = Self.composer.reply(to: Self.result(.noMatch, [Self.lockedAccount]), replyTo: "q-3")
        let json = try Self.json(reply)
        #expect(json["type"] as? String == "escalation")
        #expect(json["outcome"] as? String == "self_service")
        #expect(json["replyTo"] as? String == "q-3")
        #expect(!json.keys.contains("ticket"), "self-service opens no ticket")
        #expect((json["text"] as? String)?.isEmpty == false)
        let resources = try #require(json["resources"] as? [[String: Any]])
        let titles = resources.map { $0["title"] as? String }
        let policyTitles = Policy.builtIn.selfService.map { Optional($0.title) }
        #expect(titles == ["Unlock your account"] + policyTitles, "the closest article first, then the policy's list")
        #expect(resources.first?["kind"] as? String == "faq")
        #expect(resources.dropFirst().map { $0["url"] as? String } == Policy.builtIn.selfService.map(\.url))
        #expect(resources.dropFirst().map { $0["kind"] as? String } == Policy.builtIn.selfService.map(\.kind))
    }

    /// The text ends with the sentence that introduces the resources; who else can reach
    /// support, and that an outage is not the help center's to fix, come before it.
    @Test(arguments: [
        (SelfServiceCause.noAnswer, false, "en", "I couldn't find an answer in the help center. These resources may help:"),
        (.noAnswer, true, "en", "I couldn't find an answer in the help center. "
            + "Your account's owner or an admin can contact support for you. These resources may help:"),
        (.outage, true, "en", "That sounds like an outage, which no help-center article can fix. "
            + "Your account's owner or an admin can contact support for you. These resources may help meanwhile:"),
        (.outage, false, "da", "Det lyder som et nedbrud, og det kan en artikel ikke løse. Disse ressourcer kan måske hjælpe imens:"),
        (.unhelpful, false, "en", "Sorry that didn't help. These resources may help:"),
        (.personRequested, true, "en", "Talking to a person isn't included for your account. "
            + "Your account's owner or an admin can contact support for you. These resources may help:"),
        (.personRequested, false, "da", "At tale med en person er ikke inkluderet for din konto. "
            + "Disse ressourcer kan måske hjælpe:"),
    ])
    func selfServiceText(cause: SelfServiceCause, paidAccountMember: Bool, locale: String, expected: String) throws {
        let reply = Self.composer.selfService(
            Self.result(.noMatch, [], locale: locale), replyTo: nil, paidAccountMember: paidAccountMember, cause: cause)
        #expect(try Self.json(reply)["text"] as? String == expected)
    }

    /// Over the daily ticket limit, the limit is the reason; a request for a person needs no other.
    @Test(arguments: [
        (SelfServiceCause.personRequested, "You've opened 5 tickets today, the daily limit, so I can't open another until "
            + "tomorrow. These resources may help:"),
        (.outage, "You've opened 5 tickets today, the daily limit, so I can't open another until tomorrow. "
            + "That sounds like an outage, which no help-center article can fix. These resources may help meanwhile:"),
    ])
    func ticketLimitText(cause: SelfServiceCause, expected: String) throws {
        let reply = Self.composer.ticketLimitReached(Self.result(.noMatch, []), replyTo: nil, limit: 5, cause: cause)
        #expect(try Self.json(reply)["text"] as? String == expected)
    }

    @Test func noMatchWithoutArticlesStillOffersThePolicysResources() throws {
        let json = try Self.json(Self.composer.reply(to: Self.result(.noMatch, []), replyTo: nil))
        let resources = try #require(json["resources"] as? [[String: Any]])
        #expect(resources.count == Policy.builtIn.selfService.count)
        #expect(resources.contains { $0["kind"] as? String == "top_resources" })
    }

    /// An answer without an article to show cannot be an answer: it falls back to self-service.
    @Test func answerWithoutMatchesFallsBackToSelfService() throws {
        let json = try Self.json(Self.composer.reply(to: Self.result(.answer, []), replyTo: "q"))
        #expect(json["type"] as? String == "escalation")
        #expect(json["outcome"] as? String == "self_service")
    }

    @Test(arguments: [SearchDecision.answer, .clarify, .noMatch])
    func replyToIsEchoedOnlyWhenGiven(decision: SearchDecision) throws {
        let result = Self.result(decision, [Self.resetPassword, Self.lockedAccount])
        let with = try Self.json(Self.composer.reply(to: result, replyTo: "client-id \"7\""))
        let without = try Self.json(Self.composer.reply(to: result, replyTo: nil))
        #expect(with["replyTo"] as? String == "client-id \"7\"", "\(decision)")
        #expect(!without.keys.contains("replyTo"), "\(decision)")
    }

    @Test func danishWording() throws {
        let clarifyDA = try Self.json(Self.composer.reply(
            to: Self.result(.clarify, [Self.resetPassword, Self.lockedAccount], locale: "da"), replyTo: nil))
        let clarifyEN = try Self.json(Self.composer.reply(
            to: Self.result(.clarify, [Self.resetPassword, Self.lockedAccount]), replyTo: nil))
        let noMatchDA = try Self.json(Self.composer.reply(to: Self.result(.noMatch, [], locale: "da-DK"), replyTo: nil))
        let noMatchEN = try Self.json(Self.composer.reply(to: Self.result(.noMatch, []), replyTo: nil))
        let clarifyText = try #require(clarifyDA["text"] as? String)
        let noMatchText = try #require(noMatchDA["text"] as? String)
        #expect(clarifyText.contains("Hvilken"), "\(clarifyText)")
        #expect(noMatchText.contains("hjælpecentret"), "\(noMatchText)")
        #expect(clarifyText != clarifyEN["text"] as? String)
        #expect(noMatchText != noMatchEN["text"] as? String)
    }

    @Test(arguments: ["de", "", "xx-YY"])
    func otherLocalesGetEnglish(locale: String) throws {
        let json = try Self.json(Self.composer.reply(to: Self.result(.noMatch, [], locale: locale), replyTo: nil))
        let english = try Self.json(Self.composer.reply(to: Self.result(.noMatch, []), replyTo: nil))
        #expect(json["text"] as? String == english["text"] as? String, "\(locale.debugDescription)")
    }
}
