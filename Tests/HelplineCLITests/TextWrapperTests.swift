import Testing
@testable import helpline

/// Word wrapping by terminal columns, for replies in English and Danish.
struct TextWrapperTests {
    @Test(arguments: [
        ("fits", "Reset your password", 40, "", ["Reset your password"]),
        ("breaks at spaces", "On the sign-in page, click Forgot password?", 20, "",
         ["On the sign-in page,", "click Forgot", "password?"]),
        ("indent on every line", "one two three four", 10, "  ", ["  one two", "  three", "  four"]),
        ("Danish letters count once each", "Klik på Glemt adgangskode på login-siden", 16, "",
         ["Klik på Glemt", "adgangskode på", "login-siden"]),
        ("a decomposed å counts once", "ga\u{30A} på", 5, "", ["ga\u{30A} på"]),
        ("exactly the width fits", "æøå æøå", 7, "", ["æøå æøå"]),
        ("a long word is cut", "abcdefghijkl", 5, "", ["abcde", "fghij", "kl"]),
        ("a long link stays whole, unindented, on a line of its own",
         "Read https://help.example.com/en/screen-sharing/macos-screen-recording-permission now", 30, "  ",
         ["  Read", "https://help.example.com/en/screen-sharing/macos-screen-recording-permission", "  now"]),
        ("a link that fits stays on the line", "see https://x.dk/a", 30, "", ["see https://x.dk/a"]),
        ("paragraphs keep their breaks", "one\n\ntwo", 10, "", ["one", "", "two"]),
        ("runs of spaces collapse", "a    b", 10, "", ["a b"]),
        ("wide characters count twice", "日本語 テキスト", 8, "", ["日本語", "テキスト"]),
    ])
    func wraps(name: String, text: String, width: Int, indent: String, expected: [String]) {
        let lines = TextWrapper(width: width).wrap(text, indent: indent)
        #expect(lines == expected, "\(name)")
        for line in lines where !line.contains("://") {
            #expect(line.terminalColumns <= width, "\(name): '\(line)' is wider than \(width)")
        }
    }

    @Test func continuationLinesGetTheirOwnIndent() {
        let lines = TextWrapper(width: 16).wrap("Help center: https://help.example.com/", indent: "  - ", continuation: "    ")
        #expect(lines == ["  - Help center:", "https://help.example.com/"])
        let short = TextWrapper(width: 20).wrap("FAQ for users and admins", indent: "  1. ", continuation: "     ")
        #expect(short == ["  1. FAQ for users", "     and admins"])
    }

    @Test(arguments: [
        ("a", 1), ("æ", 1), ("a\u{30A}", 1), ("日", 2), ("👍🏽", 2), ("❤️", 2), ("\u{07}", 0),
    ] as [(Character, Int)])
    func charactersTakeColumns(character: Character, columns: Int) {
        #expect(character.terminalColumns == columns, "\(character.unicodeScalars.map { String($0.value, radix: 16) })")
    }
}
