import Testing
@testable import helpline

/// The prompt row never wraps: a long line scrolls so the cursor stays visible.
struct PromptLineTests {
    @Test(arguments: [
        ("fits", "hello", 5, "hello", 10),
        ("cursor inside a fitting line", "hello", 2, "hello", 7),
        ("long line, cursor at end: its end shows, and a cell for the cursor", "abcdefghijklmnopqrstuvwxyz", 26, "rstuvwxyz", 14),
        ("long line, cursor at start: its start shows", "abcdefghijklmnopqrstuvwxyz", 0, "abcdefghij", 5),
        ("wide characters count twice", "日本語のテキスト", 8, "テキスト", 13),
    ])
    func shows(name: String, line: String, cursor: Int, visible: String, column: Int) {
        // 16 columns: 5 for "you> ", one kept free, 10 for the line.
        let row = PromptLine(characters: Array(line), cursor: cursor, promptColumns: 5, columns: 16)
        #expect(row.visible == visible, "\(name)")
        #expect(row.cursorColumn == column, "\(name)")
        #expect(row.visible.terminalColumns <= 10, "\(name)")
    }
}
