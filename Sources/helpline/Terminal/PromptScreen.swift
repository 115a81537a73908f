import Foundation

/// The bottom of the terminal while the line editor runs: an optional status row ("helpline is
/// typing...", "reconnecting...") above the prompt row with the line being edited.
///
/// Replies and notices arrive at any time, also while someone types. Each one erases these rows,
/// writes its lines where they were, and draws them again below, so the transcript scrolls up
/// and the half-typed line stays intact underneath. Everything goes out in one `write`.
final class PromptScreen {
    private let style: TerminalStyle
    private let prompt: String
    private var status: String?
    /// Whether the status row is on screen; the prompt row always is, once drawn.
    private var statusShown = false

    init(style: TerminalStyle, prompt: String = "you> ") {
        self.style = style
        self.prompt = prompt
    }

    /// Shows `lines` above the prompt.
    func print(_ lines: [String], editor: LineEditor) {
        guard !lines.isEmpty else { return }
        emit(erase() + lines.map { $0 + "\r\n" }.joined() + draw(editor))
    }

    /// Redraws the prompt row after an edit.
    func update(_ editor: LineEditor) {
        emit("\r" + promptRow(editor))
    }

    /// Changes the status row; nil removes it.
    func setStatus(_ status: String?, editor: LineEditor) {
        guard status != self.status else { return }
        let output = erase()
        self.status = status
        emit(output + draw(editor))
    }

    /// Leaves the entered line in the transcript, as typed, and starts a new prompt below it.
    func commit(_ line: String, editor: LineEditor) {
        emit(erase() + style.prompt(prompt) + line + "\r\n" + draw(editor))
    }

    /// Clears the screen (Ctrl-L) and draws the rows at the top.
    func clear(_ editor: LineEditor) {
        statusShown = false
        emit("\u{1B}[H\u{1B}[2J" + draw(editor))
    }

    /// Leaves the terminal on a fresh line below the prompt.
    func finish() {
        emit(erase())
    }

    /// Moves to the start of the top row and clears the rows; the cursor is on the prompt row.
    private func erase() -> String {
        var output = "\r\u{1B}[K"
        if statusShown { output += "\u{1B}[A\r\u{1B}[K" }
        statusShown = false
        return output
    }

    private func draw(_ editor: LineEditor) -> String {
        var output = ""
        if let status {
            output += style.dim(status) + "\r\n"
            statusShown = true
        }
        return output + promptRow(editor)
    }

    /// The prompt and the visible part of the line, then the cursor moved into place.
    private func promptRow(_ editor: LineEditor) -> String {
        let row = PromptLine(
            characters: editor.characters, cursor: editor.cursor, promptColumns: prompt.terminalColumns,
            columns: RawTerminal.columns())
        let back = row.cursorColumn == 0 ? "" : "\u{1B}[\(row.cursorColumn)C"
        return style.prompt(prompt) + row.visible + "\u{1B}[K\r" + back
    }

    private func emit(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
