/// The part of the line being edited that the prompt row shows.
///
/// The prompt row never wraps: a line wider than the room after the prompt scrolls sideways so
/// the cursor stays in view. One row is what makes redrawing safe when replies and notices
/// arrive while someone types: the editor only ever erases and redraws its own row.
struct PromptLine: Equatable {
    /// The characters to draw after the prompt.
    var visible: String
    /// The cursor's column counted from the start of the row, prompt included.
    var cursorColumn: Int

    /// - Parameters:
    ///   - promptColumns: The prompt's width, without its colour codes.
    ///   - columns: The terminal's width; the last column stays free, so the cursor never sits
    ///     past the edge where terminals disagree about wrapping.
    init(characters: [Character], cursor: Int, promptColumns: Int, columns: Int) {
        let room = max(1, columns - promptColumns - 1)
        let widths = characters.map(\.terminalColumns)
        // Scroll as little as needed: start at 0, or just far enough left of the cursor.
        var start = 0
        var beforeCursor = widths[..<cursor].reduce(0, +)
        while start < cursor, beforeCursor + 1 > room {
            beforeCursor -= widths[start]
            start += 1
        }
        var end = start
        var used = 0
        while end < characters.count, used + widths[end] <= room {
            used += widths[end]
            end += 1
        }
        visible = String(characters[start..<end])
        cursorColumn = promptColumns + beforeCursor
    }
}
