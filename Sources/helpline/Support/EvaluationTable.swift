import Foundation
import HelplineCore

/// The evaluation report as a table for people.
struct EvaluationTable {
    let report: EvaluationReport
    let listFailures: Bool

    var text: String {
        var lines = [row("", "cases", "right", "wrong", "missed", "clarify", "top-1", "no-match")]
        lines.append(row("all", report.overall))
        for (locale, tally) in report.byLocale.sorted(by: { $0.key < $1.key }) { lines.append(row("locale \(locale)", tally)) }
        for (kind, tally) in report.byKind.sorted(by: { $0.key < $1.key }) { lines.append(row("kind \(kind)", tally)) }
        lines.append("")
        lines.append("right/wrong/missed/clarify: share of answerable cases; top-1: answerable cases whose best-ranked")
        lines.append("article is expected, whatever the decision; no-match: share of unanswerable cases.")
        lines.append(String(format: "locale gap: %.1f points", report.localeGap * 100))
        if listFailures, !report.failures.isEmpty {
            lines.append("")
            lines.append("failures:")
            for failure in report.failures {
                let expected = failure.expected.isEmpty ? "no match" : failure.expected.joined(separator: "|")
                let got = failure.got.isEmpty ? "no match" : failure.got.joined(separator: "|")
                lines.append("  [\(failure.locale)] \(failure.question)")
                lines.append("      expected \(expected), got \(failure.decision.rawValue) \(got) (\(failure.confidence))")
            }
        }
        return lines.joined(separator: "\n")
    }

    private func row(_ label: String, _ tally: EvaluationReport.Tally) -> String {
        func percent(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "-" : String(format: "%.1f%%", Double(part) / Double(whole) * 100)
        }
        return row(
            label, "\(tally.answerable + tally.unanswerable)", percent(tally.right, tally.answerable),
            percent(tally.wrong, tally.answerable), percent(tally.missed, tally.answerable),
            percent(tally.clarified, tally.answerable), percent(tally.rankedFirst, tally.answerable),
            percent(tally.rejected, tally.unanswerable))
    }

    private func row(_ label: String, _ cells: String...) -> String {
        label.padding(toLength: 24, withPad: " ", startingAt: 0) + cells.map { $0.leftPadded(to: 9) }.joined()
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
