import Testing

@testable import HelplineCore

/// What a classifier cue word matches: terms, written words, beginnings, numbers, and one typo in
/// a long word but never in a stopword.
struct ClassifierWordTableTests {
    typealias Word = PriorityClassifier.Word

    static func token(_ term: String, surface: String? = nil, stopword: Bool = false) -> PriorityClassifier.Token {
        PriorityClassifier.Token(word: surface ?? term, term: term, surface: surface ?? term, isStopword: stopword,
                                 clause: 1, isHypothetical: false)
    }

    @Test(arguments: [
        (Word(text: "crash", kind: .stem), token("crash", surface: "crashed"), true),
        (Word(text: "crash", kind: .stem), token("crush"), false),
        (Word(text: "tried", kind: .exact), token("tri", surface: "tried"), true),
        (Word(text: "tried", kind: .exact), token("tri", surface: "trying"), false),
        (Word(text: "restarted", kind: .exact), token("restart", surface: "restartet"), false),
        (Word(text: "skaerm", kind: .prefix), token("skaermdel", surface: "skaermdeling"), true),
        (Word(text: "skaerm", kind: .prefix), token("del", surface: "deling"), false),
        (Word(text: "#", kind: .number), token("500"), true),
        (Word(text: "#", kind: .number), token("five"), false),
        // One typo in a word of six letters or more, starting with the same letter.
        (Word(text: "everyon", kind: .stem), token("evryon"), true),
        (Word(text: "everyon", kind: .stem), token("veryon"), false),
        (Word(text: "microphon", kind: .prefix), token("micropohn", surface: "micropohne"), true),
        (Word(text: "crash", kind: .stem), token("crsh"), false),
        (Word(text: "mangl", kind: .stem), token("mange", stopword: true), false),
        (Word(text: "mangler", kind: .stem), token("manger", stopword: true), false),
        (Word(text: "mangler", kind: .stem), token("manglr"), true),
    ])
    func matches(word: Word, token: PriorityClassifier.Token, expected: Bool) {
        var table = PriorityClassifier.WordTable()
        _ = table.id(of: Word(text: "unrelated", kind: .stem))
        let id = table.id(of: word)
        #expect(table.id(of: word) == id, "a word is numbered once")
        #expect(table.matches(token).contains(id) == expected, "\(word) / \(token.term) \(token.surface)")
    }

    @Test(arguments: [
        ("abcdef", "abcdef", true), ("abcdef", "abcdf", true), ("abcdf", "abcdef", true), ("abcdef", "abcxef", true),
        ("abcdef", "abdcef", true), ("abcdef", "abdcfe", false), ("abcdef", "abcd", false), ("", "a", true),
    ])
    func withinOneEdit(a: String, b: String, expected: Bool) {
        #expect(PriorityClassifier.WordTable.withinOneEdit(Array(a.utf8)[...], Array(b.utf8)[...]) == expected)
    }
}
