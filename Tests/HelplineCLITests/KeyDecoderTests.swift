import Testing
@testable import helpline

/// Bytes as terminals send them in raw mode, to keys.
struct KeyDecoderTests {
    @Test(arguments: [
        ("plain text", "hello", [Key.text("hello")]),
        ("Danish letters", "blåbærgrød", [.text("blåbærgrød")]),
        ("enter is CR in raw mode", "hi\r", [.text("hi"), .enter]),
        ("enter as LF", "\n", [.enter]),
        ("DEL is backspace", "\u{7F}", [.backspace]),
        ("Ctrl-H is backspace", "\u{08}", [.backspace]),
        ("emacs keys", "\u{01}\u{05}\u{02}\u{06}\u{0B}\u{15}\u{17}\u{10}\u{0E}",
         [.home, .end, .left, .right, .killToEnd, .killToStart, .deleteWordBefore, .up, .down]),
        ("Ctrl-C, Ctrl-D, Ctrl-L", "\u{03}\u{04}\u{0C}", [.interrupt, .endOfInput, .redraw]),
        ("CSI arrows", "\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D", [.up, .down, .right, .left]),
        ("SS3 arrows (application mode)", "\u{1B}OA\u{1B}OD", [.up, .left]),
        ("xterm Home/End", "\u{1B}[H\u{1B}[F", [.home, .end]),
        ("tmux/screen Home/End", "\u{1B}[1~\u{1B}[4~", [.home, .end]),
        ("rxvt Home/End", "\u{1B}[7~\u{1B}[8~", [.home, .end]),
        ("Delete", "\u{1B}[3~", [.delete]),
        ("Ctrl-arrows move by word", "\u{1B}[1;5D\u{1B}[1;5C", [.wordLeft, .wordRight]),
        ("Alt-B, Alt-F, Alt-D", "\u{1B}b\u{1B}f\u{1B}d", [.wordLeft, .wordRight, .deleteWordAfter]),
        ("Alt-Backspace", "\u{1B}\u{7F}", [.deleteWordBefore]),
        ("F5 and Page Up are dropped whole", "a\u{1B}[15~\u{1B}[5~b", [.text("a"), .text("b")]),
        ("tab is dropped", "a\tb", [.text("a"), .text("b")]),
        ("Escape then a letter keeps the letter", "\u{1B}x", [.text("x")]),
        ("text around a sequence", "ab\u{1B}[Dc", [.text("ab"), .left, .text("c")]),
    ])
    func decodes(name: String, input: String, expected: [Key]) {
        var decoder = KeyDecoder()
        #expect(decoder.feed(Array(input.utf8)) == expected, "\(name)")
    }

    /// A read may end inside a sequence or a character; the rest comes with the next read.
    @Test(arguments: [
        ("escape sequence", [0x1B], [0x5B, 0x44], Key.left),
        ("escape sequence after its bracket", [0x1B, 0x5B, 0x31], [0x7E], .home),
        ("two-byte character", [0xC3], [0xA6], .text("æ")),
        ("three-byte character", [0xE2, 0x82], [0xAC], .text("€")),
        ("four-byte character", [0xF0, 0x9F, 0x98], [0x80], .text("😀")),
    ] as [(String, [UInt8], [UInt8], Key)])
    func waitsForTheRestOfASplitSequence(name: String, first: [UInt8], second: [UInt8], expected: Key) {
        var decoder = KeyDecoder()
        #expect(decoder.feed(first) == [], "\(name)")
        #expect(decoder.feed(second) == [expected], "\(name)")
    }

    @Test func skipsInvalidUTF8() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x61, 0xFF, 0x80, 0x62]) == [.text("ab")])
        #expect(decoder.feed([0xC3, 0x28]) == [.text("(")], "a lead byte without its continuation is dropped")
    }
}
