import Foundation
import HelplineCore

extension ChatConnection {
    /// A `clarify` the user has not answered yet: the question, and the articles offered for it.
    struct OpenClarify {
        var question: String
        var locale: String
        var suggestions: [SearchMatch]
    }

    /// What `question` gets after the last reply, and the clarify it leaves unresolved, if any.
    ///
    /// Clients offer a `clarify`'s suggestions as buttons that ask the suggestion's title (the
    /// protocol's `ask` carries text only). Searched afresh, a title can land on the same two
    /// articles again; it was a choice, so it gets that article. Any other question is searched
    /// as usual and leaves the clarify unresolved, which support leads should see. A new
    /// `clarify` opens a new offer.
    func followingClarify(_ question: String, searched result: SearchResult) -> (result: SearchResult, unresolved: OpenClarify?) {
        let open = endClarify()
        let asked = Self.comparable(question)
        if let chosen = open?.suggestions.first(where: { Self.comparable($0.title) == asked || $0.id == asked }) {
            let answer = SearchResult(
                decision: .answer, confidence: chosen.confidence, locale: result.locale, terms: result.terms, matches: [chosen])
            return (answer, nil)
        }
        if result.decision == .clarify {
            openClarify = OpenClarify(question: question, locale: result.locale, suggestions: result.matches)
        }
        return (result, open)
    }

    /// Ends the offer: the chat closed, or moved on to a person.
    func endClarify() -> OpenClarify? {
        defer { openClarify = nil }
        return openClarify
    }

    /// A title or question as compared for a choice: case and surrounding spaces and punctuation do not matter.
    private static func comparable(_ text: String) -> String {
        text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
    }
}
