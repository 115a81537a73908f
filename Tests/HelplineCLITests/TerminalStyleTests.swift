import Testing
@testable import helpline

/// Colours only for a terminal that shows them and a user who wants them.
struct TerminalStyleTests {
    @Test(arguments: [
        ("a terminal", true, ["TERM": "xterm-256color"], false, true),
        ("not a terminal", false, ["TERM": "xterm-256color"], false, false),
        ("TERM=dumb", true, ["TERM": "dumb"], false, false),
        ("no TERM", true, [:], false, false),
        ("NO_COLOR set", true, ["TERM": "xterm", "NO_COLOR": "1"], false, false),
        ("NO_COLOR empty counts as unset (no-color.org)", true, ["TERM": "xterm", "NO_COLOR": ""], false, true),
        ("--no-color", true, ["TERM": "screen"], true, false),
    ])
    func decides(name: String, terminal: Bool, environment: [String: String], flag: Bool, colours: Bool) {
        let style = TerminalStyle.decide(outputIsTerminal: terminal, environment: environment, noColorFlag: flag)
        #expect(style.colours == colours, "\(name)")
    }

    @Test func plainStyleAddsNoEscapes() {
        let plain = TerminalStyle.plain
        for styled in [plain.bold("a"), plain.dim("a"), plain.link("a"), plain.error("a"), plain.prompt("a")] {
            #expect(styled == "a")
        }
        #expect(TerminalStyle(colours: true).bold("a") == "\u{1B}[1ma\u{1B}[0m")
    }
}
