/// A one-line editor: the line being typed, its cursor, and the history, changed by ``Key``s.
///
/// Pure state, so every key's effect is tested without a terminal; ``PromptScreen`` draws it.
/// The line is a list of `Character`s (grapheme clusters), so the cursor never lands inside
/// "å" written as `a` plus a combining ring, or inside an emoji.
///
/// ```swift
/// var editor = LineEditor()
/// editor.handle(.text("helo"))
/// editor.handle(.left)
/// editor.handle(.text("l"))
/// editor.handle(.enter)      // .submitted("hello")
/// ```
struct LineEditor: Equatable {
    /// What a key did to the conversation, beyond editing the line.
    enum Outcome: Equatable {
        /// The line or the cursor may have changed; draw the prompt again.
        case editing
        /// Enter: the line, now recorded in the history; the editor is empty again.
        case submitted(String)
        /// Ctrl-D on an empty line.
        case endOfInput
        /// Ctrl-C on an empty line.
        case interrupted
        /// Ctrl-L: clear the screen, then draw the prompt.
        case redraw
    }

    private(set) var characters: [Character] = []
    /// Where the next character goes, in characters from the start: 0...characters.count.
    private(set) var cursor = 0
    private(set) var history: LineHistory

    init(history: LineHistory = LineHistory()) {
        self.history = history
    }

    /// The line as typed so far.
    var line: String { String(characters) }

    /// Applies one key.
    @discardableResult
    mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .text(let text):
            insert(text)
        case .enter:
            let entered = line
            history.record(entered)
            replace(with: "")
            return .submitted(entered)
        case .backspace:
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .endOfInput:
            if characters.isEmpty { return .endOfInput }
            if cursor < characters.count { characters.remove(at: cursor) }
        case .interrupt:
            if characters.isEmpty { return .interrupted }
            replace(with: "")
        case .left:
            cursor = max(0, cursor - 1)
        case .right:
            cursor = min(characters.count, cursor + 1)
        case .home:
            cursor = 0
        case .end:
            cursor = characters.count
        case .wordLeft:
            cursor = wordStart(before: cursor)
        case .wordRight:
            cursor = wordEnd(after: cursor)
        case .deleteWordBefore:
            let start = wordStart(before: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .deleteWordAfter:
            characters.removeSubrange(cursor..<wordEnd(after: cursor))
        case .killToEnd:
            characters.removeSubrange(cursor...)
        case .killToStart:
            characters.removeSubrange(..<cursor)
            cursor = 0
        case .up:
            if let older = history.previous(current: line) { replace(with: older) }
        case .down:
            if let newer = history.next(current: line) { replace(with: newer) }
        case .redraw:
            return .redraw
        }
        return .editing
    }

    /// Inserts at the cursor. Joined through a `String`, so a combining mark typed on its own
    /// becomes part of the character before it instead of a character of its own.
    private mutating func insert(_ text: String) {
        let printable = text.filter { !$0.isNewline && $0.unicodeScalars.allSatisfy { $0.properties.generalCategory != .control } }
        guard !printable.isEmpty else { return }
        let before = String(characters[..<cursor]) + printable
        let after = String(characters[cursor...])
        characters = Array(before + after)
        cursor = min(before.count, characters.count)
    }

    private mutating func replace(with text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    /// The start of the word before `index`: back over spaces, then over the word.
    private func wordStart(before index: Int) -> Int {
        var index = index
        while index > 0, characters[index - 1].isWhitespace { index -= 1 }
        while index > 0, !characters[index - 1].isWhitespace { index -= 1 }
        return index
    }

    /// The end of the word after `index`: forward over spaces, then over the word.
    private func wordEnd(after index: Int) -> Int {
        var index = index
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        while index < characters.count, !characters[index].isWhitespace { index += 1 }
        return index
    }
}
