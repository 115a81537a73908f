/// Word wrapping for the terminal: lines no wider than the terminal, broken at spaces.
///
/// Widths are counted in terminal columns per character (see
/// ``Swift/Character/terminalColumns``), so "æ", "ø" and "å" count once whether they arrive
/// precomposed or decomposed. A word wider than a line is cut, except a link: a link that does
/// not fit goes on a line of its own, unindented and whole, and the terminal folds it, so it
/// can still be clicked and copied.
///
/// ```swift
/// TextWrapper(width: 12).wrap("Nulstil din adgangskode")
/// // ["Nulstil din", "adgangskode"]
/// TextWrapper(width: 20).wrap("See https://help.example.com/en/a-long-article", indent: "  ")
/// // ["  See", "https://help.example.com/en/a-long-article"]
/// ```
struct TextWrapper {
    /// Columns per line; at least 1.
    let width: Int

    init(width: Int) {
        self.width = max(1, width)
    }

    /// Wraps each paragraph (separated by newlines) of `text`.
    ///
    /// - Parameters:
    ///   - indent: Put before the first line of each paragraph.
    ///   - continuation: Put before the following lines; `indent` when nil.
    /// - Returns: The lines, without newlines; an empty paragraph gives an empty line.
    func wrap(_ text: String, indent: String = "", continuation: String? = nil) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
            wrapParagraph(paragraph, indent: indent, continuation: continuation ?? indent)
        }
    }

    private func wrapParagraph(_ paragraph: Substring, indent: String, continuation: String) -> [String] {
        let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !words.isEmpty else { return [""] }
        var lines: [String] = []
        var line = indent
        var columns = indent.terminalColumns
        var lineHasWord = false
        func startLine() {
            lines.append(line)
            line = continuation
            columns = continuation.terminalColumns
            lineHasWord = false
        }
        for word in words {
            let wordColumns = word.terminalColumns
            let needed = lineHasWord ? wordColumns + 1 : wordColumns
            if columns + needed <= width {
                line += lineHasWord ? " " + word : String(word)
                columns += needed
                lineHasWord = true
                continue
            }
            if lineHasWord { startLine() }
            if columns + wordColumns <= width {
                line += word
                columns += wordColumns
                lineHasWord = true
            } else if Self.isLink(word) {
                lines.append(String(word))
            } else {
                for piece in cut(word, first: width - columns, rest: width - continuation.terminalColumns) {
                    if lineHasWord { startLine() }
                    line += piece
                    columns += piece.terminalColumns
                    lineHasWord = true
                }
            }
        }
        if lineHasWord { lines.append(line) }
        return lines
    }

    /// Cuts a word into pieces of at most `first`, then `rest`, columns (at least one character each).
    private func cut(_ word: Substring, first: Int, rest: Int) -> [String] {
        var pieces: [String] = []
        var piece = ""
        var room = max(1, first)
        for character in word {
            let columns = character.terminalColumns
            if !piece.isEmpty, piece.terminalColumns + columns > room {
                pieces.append(piece)
                piece = ""
                room = max(1, rest)
            }
            piece.append(character)
        }
        if !piece.isEmpty { pieces.append(piece) }
        return pieces
    }

    static func isLink(_ word: Substring) -> Bool {
        word.contains("://") || word.hasPrefix("www.")
    }
}
