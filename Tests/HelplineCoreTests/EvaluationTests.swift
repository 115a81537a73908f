import Foundation
import HelplineCore
import Testing

/// Evaluation cases as `cases.jsonl` writes them, and the report's tallies.
struct EvaluationTests {
    // MARK: - Cases

    @Test(arguments: [
        (#"{"q": "I forgot my password", "expect": "reset-password"}"#, ["reset-password"]),
        (#"{"q": "recording", "expect": ["record-a-meeting", "find-your-recordings"]}"#, ["record-a-meeting", "find-your-recordings"]),
        (#"{"q": "weather in Paris", "expect": null}"#, []),
        (#"{"q": "weather in Paris"}"#, []),
        (#"{"q": "nothing", "expect": []}"#, []),
    ])
    func expectDecodes(json: String, expected: [String]) throws {
        let testCase = try JSONDecoder().decode(EvaluationCase.self, from: Data(json.utf8))
        #expect(testCase.expected == expected, "\(json)")
        #expect(testCase.isAnswerable == !expected.isEmpty, "\(json)")
    }

    @Test func everyKeyDecodes() throws {
        let json = #"{"q": "hvordan optager jeg et møde", "locale": "da", "expect": "record-a-meeting", "kind": "paraphrase"}"#
        let testCase = try JSONDecoder().decode(EvaluationCase.self, from: Data(json.utf8))
        #expect(testCase == EvaluationCase(
            question: "hvordan optager jeg et møde", locale: "da", expected: ["record-a-meeting"], kind: "paraphrase"))
    }

    @Test(arguments: [
        #"{"expect": "reset-password"}"#,
        #"{"q": 3, "expect": "reset-password"}"#,
        #"{"q": "x", "expect": 3}"#,
        #"{"q": "x", "expect": [1, 2]}"#,
        #"{"q": "x", "expect": {"id": "a"}}"#,
        #"["q", "x"]"#,
    ])
    func malformedCasesThrow(json: String) {
        #expect(throws: (any Error).self, "\(json)") {
            try JSONDecoder().decode(EvaluationCase.self, from: Data(json.utf8))
        }
    }

    @Test func theShippedCasesDecode() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Evaluation/cases.jsonl")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.isEmpty }
        #expect(lines.count > 100)
        for (number, line) in lines.enumerated() {
            #expect(throws: Never.self, "cases.jsonl line \(number + 1)") {
                try JSONDecoder().decode(EvaluationCase.self, from: Data(line.utf8))
            }
        }
    }

    // MARK: - Report

    static func match(_ id: String) -> SearchMatch {
        SearchMatch(id: id, title: id, section: "s", kind: .topic, url: nil, shortAnswer: "", snippet: "", confidence: 0.5)
    }

    static func result(_ decision: SearchDecision, _ ids: [String], locale: String = "en") -> SearchResult {
        SearchResult(decision: decision, confidence: 0.6, locale: locale, terms: [], matches: ids.map(match))
    }

    @Test func recordCountsEveryOutcome() {
        var report = EvaluationReport()
        // English: right, right by clarification, rightly rejected.
        report.record(EvaluationCase(question: "q1", locale: "en", expected: ["a"], kind: "terse"), result: Self.result(.answer, ["a"]))
        report.record(EvaluationCase(question: "q2", locale: "en", expected: ["b", "c"], kind: "terse"), result: Self.result(.clarify, ["x", "c"]))
        report.record(EvaluationCase(question: "q3", locale: "en", expected: [], kind: "off-topic"), result: Self.result(.noMatch, ["a"]))
        // Danish: wrong, missed (closest articles are not an answer), wrongly answered off-topic.
        report.record(EvaluationCase(question: "q4", locale: "da", expected: ["a"], kind: "typo"), result: Self.result(.answer, ["b"], locale: "da"))
        report.record(EvaluationCase(question: "q5", locale: "da", expected: ["a"], kind: "typo"), result: Self.result(.noMatch, ["a"], locale: "da"))
        report.record(EvaluationCase(question: "q6", locale: "da", expected: [], kind: "off-topic"), result: Self.result(.answer, ["a"], locale: "da"))

        let overall = report.overall
        #expect(overall.answerable == 4)
        #expect(overall.right == 2)
        #expect(overall.wrong == 1)
        #expect(overall.missed == 1)
        #expect(overall.clarified == 1)
        #expect(overall.unanswerable == 2)
        #expect(overall.rejected == 1)
        #expect(overall.answeredRight == 0.5)
        #expect(overall.answeredWrong == 0.25)
        #expect(overall.noMatchRate == 0.5)

        #expect(report.byLocale["en"]?.right == 2)
        #expect(report.byLocale["en"]?.answeredRight == 1)
        #expect(report.byLocale["da"]?.answeredRight == 0)
        #expect(report.localeGap == 1)
        #expect(report.byKind["terse"]?.right == 2)
        #expect(report.byKind["typo"]?.missed == 1)
        #expect(report.byKind["off-topic"]?.rejected == 1)
        #expect(report.failures.map(\.question) == ["q4", "q5", "q6"])
        #expect(report.failures.first?.got == ["b"])
        #expect(report.failures.dropFirst().first?.got == [], "a no-match offers nothing")
    }

    @Test func caseWithoutLocaleCountsUnderTheSearchedLocale() {
        var report = EvaluationReport()
        report.record(EvaluationCase(question: "q", expected: ["a"]), result: Self.result(.answer, ["a"], locale: "da"))
        #expect(report.byLocale.keys.sorted() == ["da"])
        #expect(report.byKind.isEmpty)
        #expect(report.failures.isEmpty)
    }

    @Test func localeGapIsZeroForOneLocaleOrNoCases() {
        var report = EvaluationReport()
        #expect(report.localeGap == 0)
        report.record(EvaluationCase(question: "q", locale: "en", expected: ["a"]), result: Self.result(.noMatch, []))
        #expect(report.localeGap == 0)
        // A locale with only unanswerable cases has no share to compare.
        report.record(EvaluationCase(question: "q", locale: "da", expected: []), result: Self.result(.noMatch, [], locale: "da"))
        #expect(report.localeGap == 0)
    }
}
