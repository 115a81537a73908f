import HelplineCore
import Testing

/// Whether two questions are about the same problem, by weighted term overlap.
struct SameProblemTests {
    static let analyzer = Analyzer()
    static func terms(_ text: String) -> [String] { analyzer.terms(text, language: .english) }
    static func weight(_ term: String) -> Double { ["parlo": 0.1, "meet": 0.3].first { $0.key == term }?.value ?? 2 }

    @Test(arguments: [
        ("Cloud recordings fail to upload", "my cloud recording still fails to upload", true),
        ("Parlo is down for everyone", "parlo still down for everyone here", true),
        ("Cloud recordings fail to upload", "The invoice shows the wrong VAT number", false),
        ("Parlo meeting crashes", "Parlo meeting billing", false),
        ("", "anything", false),
    ])
    func sameProblem(a: String, b: String, expected: Bool) {
        #expect(SameProblem().matches(Self.terms(a), Self.terms(b), weight: Self.weight) == expected, "\(a) / \(b)")
    }
}
