/// Colours and emphasis for the terminal chat, or plain text when colours are off.
///
/// Colours are on only when standard output is a terminal, `TERM` names one that is not `dumb`,
/// `NO_COLOR` is not set to a non-empty value (https://no-color.org) and `--no-color` was not
/// given. Everything else about the display (wrapping, line editing) works without them.
struct TerminalStyle: Equatable {
    let colours: Bool

    static let plain = TerminalStyle(colours: false)

    static func decide(outputIsTerminal: Bool, environment: [String: String], noColorFlag: Bool) -> TerminalStyle {
        let term = environment["TERM"] ?? ""
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        return TerminalStyle(colours: outputIsTerminal && !term.isEmpty && term != "dumb" && !noColor && !noColorFlag)
    }

    func bold(_ text: String) -> String { sgr("1", text) }
    func dim(_ text: String) -> String { sgr("2", text) }
    func link(_ text: String) -> String { sgr("4;36", text) }
    func error(_ text: String) -> String { sgr("31", text) }
    func prompt(_ text: String) -> String { sgr("1;32", text) }

    /// Select Graphic Rendition: `ESC [ code m` before, reset after.
    private func sgr(_ code: String, _ text: String) -> String {
        colours && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
