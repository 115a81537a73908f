import HelplineCore
import Testing

/// Which questions are outage reports that go to a person, and what that does to a search result.
struct OutageReportTests {
    @Test(arguments: [
        ("Parlo is down for our whole company and nobody can join any meeting", "en", true),
        ("Parlo er nede for hele vores firma, ingen kan komme ind i møderne", "da", true),
        ("None of our employees can sign in since 9am", "en", true),
        // One user (even one who tried everything), one feature, or a question about outages:
        // an article can help.
        ("I can't log in, it keeps saying something went wrong", "en", false),
        ("I can't log in, I tried everything", "en", false),
        ("Jeg kan ikke logge ind, jeg har prøvet alt", "da", false),
        ("screen sharing is broken for everyone in our company", "en", false),
        ("How do I know if the service is down?", "en", false),
        ("Hvordan planlægger jeg et møde?", "da", false),
    ])
    func reportsTheServiceDownForEveryone(question: String, locale: String, isOutage: Bool) {
        #expect((OutageReport(question, locale: locale) != nil) == isOutage)
    }

    @Test func anOutageReportTurnsAnAnswerIntoNoMatchAndKeepsTheArticles() throws {
        let match = SearchMatch(
            id: "recording-policies", title: "Who can record", section: "faq-admins", kind: .topic, url: nil,
            shortAnswer: "Admins decide.", snippet: "Admins decide.", confidence: 0.83)
        let answered = SearchResult(decision: .answer, confidence: 0.83, locale: "en", terms: [], matches: [match])
        let outage = try #require(OutageReport("Parlo is down for our whole company and nobody can join any meeting", locale: "en"))

        let handedOver = answered.handingOver(outage)
        #expect(handedOver.decision == .noMatch)
        #expect(handedOver.matches == [match], "self-service still offers the closest articles")
        #expect(answered.handingOver(nil) == answered)
    }

    @Test func theStatusArticleLeadsOnce() {
        func match(_ id: String) -> SearchMatch {
            SearchMatch(id: id, title: id, section: "s", kind: .topic, url: nil, shortAnswer: "", snippet: "", confidence: 0.5)
        }
        let result = SearchResult(decision: .noMatch, confidence: 0.5, locale: "en", terms: [], matches: [match("a"), match("status")])
        #expect(result.leading(with: match("status")).matches.map(\.id) == ["status", "a"])
        #expect(result.leading(with: match("other")).matches.map(\.id) == ["other", "a", "status"])
        #expect(result.leading(with: nil) == result)
    }
}
