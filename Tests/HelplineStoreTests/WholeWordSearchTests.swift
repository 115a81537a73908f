@testable import HelplineStore
import Testing

/// Finding a question's term in an article body's analysed text, as a whole word only.
struct WholeWordSearchTests {
    @Test(arguments: [
        ("record meet share", "record", true),
        ("record meet share", "meet", true),
        ("record meet share", "share", true),
        ("record meet share", "recor", false),
        ("record meet share", "hare", false),
        ("record meet share", "meet share", true),
        ("recording record", "record", true),
        ("recording", "record", false),
        ("rerecord", "record", false),
        ("", "record", false),
        ("record", "", false),
        ("a", "ab", false),
        ("moed moede", "moede", true),
    ])
    func wholeWords(text: String, word: String, expected: Bool) {
        var text = text
        let found = text.withUTF8 { KnowledgeIndex.contains($0, word: word) }
        #expect(found == expected, "\(word.debugDescription) in \(text.debugDescription)")
    }
}
