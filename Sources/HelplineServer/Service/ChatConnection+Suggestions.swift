import Foundation
import HelplineCore

extension ChatConnection {
    /// The reply to `question` when it picks one of the articles a `clarify` just offered.
    ///
    /// Clients offer a `clarify`'s suggestions as buttons that ask the suggestion's title (the
    /// protocol's `ask` carries text only). Searched afresh, a title can land on the same two
    /// articles again; it was a choice, so it gets that article. Any other question is searched
    /// as usual. Either way the offer ends here, and a new `clarify` makes a new one.
    func choosingOfferedSuggestion(_ question: String, over result: SearchResult) -> SearchResult {
        let offered = offeredSuggestions
        offeredSuggestions = result.decision == .clarify ? result.matches : []
        let asked = Self.comparable(question)
        guard let chosen = offered.first(where: { Self.comparable($0.title) == asked || $0.id == asked }) else { return result }
        offeredSuggestions = []
        return SearchResult(
            decision: .answer, confidence: chosen.confidence, locale: result.locale, terms: result.terms, matches: [chosen])
    }

    /// A title or question as compared for a choice: case and surrounding spaces and punctuation do not matter.
    private static func comparable(_ text: String) -> String {
        text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
    }
}
