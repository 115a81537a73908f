import Foundation

/// Reads the account directory's CSV: `account,plan` per line, an optional header, `#` comments.
///
/// Fields may be quoted with `"` (a doubled `""` inside is one quote), so account names with
/// commas survive a spreadsheet export.
public enum AccountCSV {
    /// The entries of `text` with their line numbers.
    ///
    /// - Throws: ``AccountDirectoryError`` naming the first line that is not `account,plan`.
    public static func entries(in text: String) throws -> [(line: Int, entry: AccountDirectory.Entry)] {
        var entries: [(Int, AccountDirectory.Entry)] = []
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = try Self.fields(of: line, line: offset + 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 2 else {
                throw AccountDirectoryError(line: offset + 1, message: "expected 2 fields, account and plan; found \(fields.count)")
            }
            if entries.isEmpty, fields[0].lowercased() == "account", fields[1].lowercased() == "plan" { continue }
            entries.append((offset + 1, AccountDirectory.Entry(account: fields[0], plan: fields[1].lowercased())))
        }
        return entries
    }

    private static func fields(of line: String, line number: Int) throws -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var characters = line.makeIterator()
        while let character = characters.next() {
            switch (character, quoted) {
            case ("\"", false) where current.isEmpty:
                quoted = true
            case ("\"", true):
                // A doubled quote inside quotes is one quote; a single one ends the field.
                if let following = characters.next() {
                    if following == "\"" {
                        current.append("\"")
                    } else {
                        quoted = false
                        guard following == "," else {
                            throw AccountDirectoryError(line: number, message: "text after a closing quote")
                        }
                        fields.append(current)
                        current = ""
                    }
                } else {
                    quoted = false
                }
            case (",", false):
                fields.append(current)
                current = ""
            default:
                current.append(character)
            }
        }
        guard !quoted else { throw AccountDirectoryError(line: number, message: "a quote is not closed") }
        fields.append(current)
        return fields
    }
}
