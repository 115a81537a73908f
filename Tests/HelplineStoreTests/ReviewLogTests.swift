import Foundation
import HelplineCore
import Testing

@testable import HelplineStore

/// Grouping of unanswered questions: similar ones meet within a locale, others stay apart.
struct ReviewLogTests {
    static let analyzer = Analyzer(synonyms: SynonymTable(groupsByLocale: ["en": [["recording", "recordings"]]]))
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func entry(_ question: String, locale: String, outcome: String = "self_service") -> ReviewLog.Entry {
        ReviewLog.Entry(
            question: question, terms: analyzer.terms(question, language: Language(locale: locale)), locale: locale,
            identity: .anonymous, conversation: nil, reason: "no_match", outcome: outcome, ticketID: nil,
            closestArticles: ["find-your-recordings"])
    }

    static func weight(_ term: String) -> Double { 1 }

    @Test func similarQuestionsMeetAndOthersStayApart() throws {
        let center = try TemporaryHelpCenter()
        defer { withExtendedLifetime(center) {} }
        let log = try ReviewLog(database: try center.openDatabase())
        let questions: [(String, String)] = [
            ("my recording was not saved", "en"),
            ("recording not saved after the meeting", "en"),
            ("why is the recording not saved", "en"),
            ("Salesforce integration broken", "en"),
            ("min optagelse blev ikke gemt", "da"),
            ("optagelsen bliver ikke gemt", "da"),
            ("recording not saved", "da"),
        ]
        var groups: [Int64] = []
        for (offset, (question, locale)) in questions.enumerated() {
            groups.append(try log.record(
                Self.entry(question, locale: locale, outcome: offset == 1 ? "ticket" : "self_service"),
                weight: Self.weight, now: Self.now.addingTimeInterval(Double(offset))))
        }
        #expect(groups[0] == groups[1] && groups[1] == groups[2], "English phrasings of one problem meet")
        #expect(groups[3] != groups[0], "another problem")
        #expect(groups[4] == groups[5], "Danish phrasings meet")
        #expect(groups[4] != groups[0], "locales are grouped apart")
        #expect(groups[6] != groups[0], "an English question asked in a Danish chat stays with Danish")

        let listed = try log.groups(since: Self.now.addingTimeInterval(-60))
        let largest = try #require(listed.first)
        #expect(largest.count == 3)
        #expect(largest.outcomes == ["ticket": 1, "self_service": 2])
        #expect(largest.examples.count == 3)
        #expect(largest.closestArticles == ["find-your-recordings"])
        #expect(try log.groups(since: Self.now.addingTimeInterval(-60), locale: "da").allSatisfy { $0.locale == "da" })

        #expect(try log.dismiss(largest.id))
        #expect(try !log.groups(since: Self.now.addingTimeInterval(-60)).contains { $0.id == largest.id })
        #expect(try !log.dismiss(9999))
    }
}
