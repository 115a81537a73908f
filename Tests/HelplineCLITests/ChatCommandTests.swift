import Testing
@testable import helpline

/// Lines typed into the chat, to what they ask for.
struct ChatCommandTests {
    @Test(arguments: [
        ("How do I reset my password?", ChatCommand.ask("How do I reset my password?")),
        ("  padded question  ", .ask("padded question")),
        ("/helpful", .helpful),
        ("/HELPFUL", .helpful),
        ("/unhelpful", .unhelpful),
        ("/human", .human(nil)),
        ("/human my camera is broken", .human("my camera is broken")),
        ("/agent", .human(nil)),
        ("/help", .help),
        ("/?", .help),
        ("/quit", .quit),
        ("/exit", .quit),
        ("//etc/hosts is read-only", .ask("/etc/hosts is read-only")),
        ("/halp", .unknown("/halp", suggestion: "/help")),
        ("/hum", .unknown("/hum", suggestion: "/human")),
        ("/helpfull", .unknown("/helpfull", suggestion: "/helpful")),
        ("/qiut", .unknown("/qiut", suggestion: "/quit")),
        ("/weather", .unknown("/weather", suggestion: nil)),
        ("/", .unknown("/", suggestion: nil)),
        ("3", .ask("3")),
    ])
    func parses(line: String, expected: ChatCommand) {
        #expect(ChatCommand.parse(line) == expected, "'\(line)'")
    }

    @Test(arguments: ["", "   ", "\t"])
    func blankLinesAreNothing(line: String) {
        #expect(ChatCommand.parse(line) == nil)
    }
}
