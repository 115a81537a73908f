import Testing
@testable import helpline

/// Key sequences to the line and cursor they leave, as a person edits a question.
struct LineEditorTests {
    @Test(arguments: [
        ("typing", [Key.text("abc")], "abc", 3),
        ("left then insert", [.text("helo"), .left, .text("l")], "hello", 4),
        ("home then insert", [.text("world"), .home, .text("hello ")], "hello world", 6),
        ("end after home", [.text("abc"), .home, .end, .text("d")], "abcd", 4),
        ("backspace", [.text("abcd"), .backspace], "abc", 3),
        ("backspace at start does nothing", [.text("ab"), .home, .backspace], "ab", 0),
        ("delete under the cursor", [.text("abcd"), .home, .delete], "bcd", 0),
        ("delete at end does nothing", [.text("ab"), .delete], "ab", 2),
        ("left stops at start", [.text("a"), .left, .left, .left], "a", 0),
        ("right stops at end", [.text("a"), .right], "a", 1),
        ("Ctrl-D deletes inside a line", [.text("abc"), .left, .endOfInput], "ab", 2),
        ("Ctrl-K kills to end", [.text("hello world"), .wordLeft, .killToEnd], "hello ", 6),
        ("Ctrl-U kills to start", [.text("hello world"), .wordLeft, .killToStart], "world", 0),
        ("Ctrl-W deletes the word before", [.text("reset my password"), .deleteWordBefore], "reset my ", 9),
        ("Ctrl-W skips spaces first", [.text("reset my   "), .deleteWordBefore], "reset ", 6),
        ("Alt-D deletes the word after", [.text("reset my password"), .home, .deleteWordAfter], " my password", 0),
        ("word left and right", [.text("one two three"), .wordLeft, .wordLeft, .wordRight], "one two three", 7),
        ("Danish letters are one character each",
         [.text("blåbær"), .left, .left, .backspace], "blåær", 3),
        ("a decomposed å is one character", [.text("a\u{30A}b"), .left, .left, .delete], "b", 0),
        ("a combining mark typed alone joins the letter before",
         [.text("a"), .text("\u{30A}"), .text("l")], "ål", 2),
        ("an emoji is one character", [.text("hi 👍🏽!"), .left, .backspace], "hi !", 3),
        ("control characters in pasted text are dropped", [.text("a\u{07}b")], "ab", 2),
        ("Ctrl-C clears a line", [.text("abc"), .interrupt], "", 0),
    ])
    func edits(name: String, keys: [Key], line: String, cursor: Int) {
        var editor = LineEditor()
        for key in keys { editor.handle(key) }
        #expect(editor.line == line, "\(name)")
        #expect(editor.cursor == cursor, "\(name)")
    }

    @Test func enterSubmitsTheLineAndStartsAnEmptyOne() {
        var editor = LineEditor()
        editor.handle(.text("reset my passwrod"))
        for key in [Key.left, .left, .backspace, .right, .text("r"), .home, .text("How do I ")] { editor.handle(key) }
        let outcome = editor.handle(.enter)
        #expect(outcome == .submitted("How do I reset my password"))
        #expect(editor.line.isEmpty)
        #expect(editor.cursor == 0)
    }

    @Test(arguments: [
        (Key.endOfInput, LineEditor.Outcome.endOfInput),
        (.interrupt, .interrupted),
        (.redraw, .redraw),
    ])
    func leavingKeysOnAnEmptyLine(key: Key, outcome: LineEditor.Outcome) {
        var editor = LineEditor()
        let handled = editor.handle(key)
        #expect(handled == outcome)
    }

    @Test func upAndDownWalkTheHistoryAndKeepTheDraft() {
        var editor = LineEditor(history: LineHistory(entries: ["first question"]))
        editor.handle(.text("second question"))
        editor.handle(.enter)
        editor.handle(.text("draft"))
        editor.handle(.up)
        #expect(editor.line == "second question")
        #expect(editor.cursor == "second question".count)
        editor.handle(.up)
        #expect(editor.line == "first question")
        editor.handle(.up)
        #expect(editor.line == "first question", "the oldest entry stays")
        editor.handle(.down)
        #expect(editor.line == "second question")
        editor.handle(.down)
        #expect(editor.line == "draft")
        editor.handle(.down)
        #expect(editor.line == "draft", "down past the draft does nothing")
    }

    @Test func historySkipsBlankLinesAndRepeatsAndKeepsItsLimit() {
        var history = LineHistory(entries: [], limit: 2)
        let added = ["one", "one", "   ", "two", "three"].map { history.record($0) }
        #expect(added == [true, false, false, true, true])
        #expect(history.entries == ["two", "three"])
    }

    @Test func upWithoutHistoryKeepsTheLine() {
        var editor = LineEditor()
        editor.handle(.text("typed"))
        editor.handle(.up)
        #expect(editor.line == "typed")
    }
}
