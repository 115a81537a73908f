import ArgumentParser
import Foundation
import HelplineCore
import HelplineStore

extension Helpline {
    /// `helpline eval`: answer quality over a file of cases, with floors for CI.
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure answer quality over a JSONL file of questions with expected articles.",
            discussion: """
                Each line: {"q": "...", "locale": "en", "expect": "article-id" | ["id1", "id2"] | null, \
                "kind": "paraphrase"}. Prints the share of answerable cases answered right (an answer \
                or a clarification with an expected article), answered wrong, and the share of \
                unanswerable cases (expect: null) that got no match, overall, by locale and by kind. \
                As in the chat, a question that reports the service down for everyone gets no match \
                (it goes to a person), whatever the articles say. \
                Exits with status 1 when a floor given as a flag is not met.
                """
        )

        @Option(help: ArgumentHelp("The cases, one JSON object a line.", valueName: "file.jsonl"))
        var cases: String

        @Flag(help: "Print the report as JSON.")
        var json = false

        @Flag(help: "List every case that failed.")
        var verbose = false

        @Option(help: ArgumentHelp("Fail unless at least this share of answerable cases is answered right.", valueName: "share"))
        var minAnswered: Double?

        @Option(help: ArgumentHelp("Fail if more than this share of answerable cases is answered wrong.", valueName: "share"))
        var maxWrong: Double?

        @Option(help: ArgumentHelp("Fail unless at least this share of unanswerable cases gets no match.", valueName: "share"))
        var minNoMatch: Double?

        @Option(help: ArgumentHelp("Fail if two locales' answered-right shares differ by more than this.", valueName: "share"))
        var maxLocaleGap: Double?

        @OptionGroup(title: "Storage") var storage: StorageOptions

        func validate() throws {
            for (name, value) in [("min-answered", minAnswered), ("max-wrong", maxWrong), ("min-no-match", minNoMatch),
                                  ("max-locale-gap", maxLocaleGap)] {
                if let value, !(0...1).contains(value) { throw ValidationError("--\(name) is a share between 0 and 1, not \(value)") }
            }
        }

        func run() throws {
            let cases = try Self.readCases(at: cases)
            let opened = try storage.openIndex()
            var report = EvaluationReport()
            for testCase in cases {
                let searched = try opened.index.search(testCase.question, locale: testCase.locale)
                report.record(testCase, result: searched.handingOver(OutageReport(testCase.question, locale: searched.locale)))
            }
            if json {
                print(String(decoding: try makeJSONEncoder(pretty: true).encode(report), as: UTF8.self))
            } else {
                print(EvaluationTable(report: report, listFailures: verbose).text)
            }
            let unmet = floorsUnmet(report)
            for line in unmet { printToStandardError("eval: floor not met: \(line)") }
            if !unmet.isEmpty { throw ExitCode(1) }
        }

        private func floorsUnmet(_ report: EvaluationReport) -> [String] {
            let overall = report.overall
            var unmet: [String] = []
            func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
            if let minAnswered, overall.answeredRight < minAnswered {
                unmet.append("answered right \(percent(overall.answeredRight)) < \(percent(minAnswered))")
            }
            if let maxWrong, overall.answeredWrong > maxWrong {
                unmet.append("answered wrong \(percent(overall.answeredWrong)) > \(percent(maxWrong))")
            }
            if let minNoMatch, overall.noMatchRate < minNoMatch {
                unmet.append("no match for unanswerable \(percent(overall.noMatchRate)) < \(percent(minNoMatch))")
            }
            if let maxLocaleGap, report.localeGap > maxLocaleGap {
                unmet.append("gap between locales \(percent(report.localeGap)) > \(percent(maxLocaleGap))")
            }
            return unmet
        }

        /// Reads a JSONL file, naming the line of any case that does not parse.
        static func readCases(at path: String) throws -> [EvaluationCase] {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CommandFailure("cannot read the cases file '\(path)'")
            }
            let decoder = JSONDecoder()
            var cases: [EvaluationCase] = []
            for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty, !trimmed.hasPrefix("//") else { continue }
                do {
                    cases.append(try decoder.decode(EvaluationCase.self, from: Data(trimmed.utf8)))
                } catch {
                    throw CommandFailure("\(path):\(number + 1): not a case: expected {\"q\": ..., \"expect\": ...}")
                }
            }
            guard !cases.isEmpty else { throw CommandFailure("\(path) holds no cases") }
            return cases
        }
    }
}
