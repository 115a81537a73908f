/// Turns Markdown into the plain text a chat reply or an index needs.
///
/// Not a Markdown renderer: it drops the markup people do not want read back to them
/// (emphasis, heading marks, link targets, list bullets) and keeps the words.
public enum MarkdownText {
    /// The body's paragraphs as plain text, headings left out.
    public static func paragraphs(of markdown: String) -> [String] {
        var paragraphs: [String] = []
        var current: [String] = []
        func flush() {
            if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
            current.removeAll()
        }
        for rawLine in markdown.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") {
                flush()
                continue
            }
            current.append(plain(line))
        }
        flush()
        return paragraphs
    }

    /// The whole body as plain text, headings included, for indexing.
    public static func plainText(of markdown: String) -> String {
        markdown.split(whereSeparator: \.isNewline).map { line in
            plain(line.trimmingWhitespace().drop { $0 == "#" })
        }.joined(separator: "\n")
    }

    /// One line of Markdown as plain text: `[text](url)` becomes `text`; `*`, `_`, `` ` `` and
    /// leading list markers go.
    public static func plain<S: StringProtocol>(_ line: S) -> String {
        var text = Substring(line)
        if let first = text.first, "-*+".contains(first), text.dropFirst().first == " " {
            text = text.dropFirst(2)
        } else if let dot = text.firstIndex(of: "."), text[..<dot].allSatisfy(\.isNumber), !text[..<dot].isEmpty,
                  text[text.index(after: dot)...].first == " " {
            text = text[text.index(dot, offsetBy: 2)...]
        }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "]", text[text.index(after: index)...].first == "(",
               let close = text[index...].firstIndex(of: ")") {
                index = text.index(after: close)
                continue
            }
            if !"*_`[".contains(character) { result.append(character) }
            index = text.index(after: index)
        }
        return result
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line ends.
    func trimmingWhitespace() -> SubSequence {
        var start = startIndex
        var end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[start..<end]
    }
}
