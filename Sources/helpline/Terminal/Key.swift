/// One key press (or a run of typed text), as the line editor understands it.
///
/// ``KeyDecoder`` makes these from the bytes a terminal sends in raw mode; ``LineEditor``
/// turns them into edits. Keys with no meaning for a one-line editor (page up, F-keys, tab)
/// never become a `Key`.
enum Key: Equatable {
    /// Printable text: one character typed, or several pasted at once.
    case text(String)
    case enter
    /// Deletes the character before the cursor (Backspace, Ctrl-H).
    case backspace
    /// Deletes the character under the cursor (Delete).
    case delete
    case left, right, home, end
    /// Moves over a word (Ctrl-Left/Right, Alt-B/F).
    case wordLeft, wordRight
    /// Steps through the history (Up/Down, Ctrl-P/N).
    case up, down
    /// Deletes the word before the cursor (Ctrl-W, Alt-Backspace).
    case deleteWordBefore
    /// Deletes the word after the cursor (Alt-D).
    case deleteWordAfter
    /// Deletes from the cursor to the end of the line (Ctrl-K).
    case killToEnd
    /// Deletes from the start of the line to the cursor (Ctrl-U).
    case killToStart
    /// Ctrl-D: leaves on an empty line, deletes under the cursor otherwise.
    case endOfInput
    /// Ctrl-C: clears the line, or leaves when it is empty.
    case interrupt
    /// Ctrl-L: clears the screen and draws the prompt again.
    case redraw
}
