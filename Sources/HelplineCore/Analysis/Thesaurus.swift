import Foundation

/// A thesaurus in the MyThes format of LibreOffice and OpenOffice: for a word, the words that
/// mean the same in one of its senses.
///
/// Help centers use few words, and people ask with many: "silence a participant" for "mute",
/// "wipe" for "delete". A word the help center never uses can still reach an article through a
/// synonym it does use (see ``WordRelations``).
///
/// The format is two files: `<name>.idx` lists `word|offset` lines after an encoding line and a
/// count; `<name>.dat` holds at each offset `word|senses` and then one line per sense,
/// `(part of speech)|synonym|synonym (note)|…`. Synonyms marked as antonyms, broader terms
/// (`generic term`), narrower terms (`underbegreb`) or vulgar are left out: only words that can
/// stand in for the word itself are returned. Debian's `mythes-en-us` (from WordNet) and
/// `mythes-da` install them in `/usr/share/mythes`.
public struct Thesaurus: Sendable {
    /// Offsets into `entries` by headword, lowercased and folded as the analyzer folds words.
    private let offsets: [String: Int]
    private let entries: Data

    /// Notes that mark a synonym as something other than the word itself.
    static let excludedNotes = ["(antonym)", "(generic term)", "(underbegreb)", "(vulgær)"]

    /// A thesaurus from the bytes of its index file and of its data file.
    public init(index: Data, entries: Data) {
        var offsets: [String: Int] = [:]
        offsets.reserveCapacity(index.count / 16)
        // Bytes, not String lines: the English index has 145,000 lines, read at every start.
        index.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            var lineNumber = 0
            for position in 0...bytes.count where position == bytes.count || bytes[position] == UInt8(ascii: "\n") {
                defer { lineStart = position + 1; lineNumber += 1 }
                // The first two lines are the encoding and the count.
                guard lineNumber >= 2, let entry = Self.indexEntry(UnsafeBufferPointer(rebasing: bytes[lineStart..<position])) else {
                    continue
                }
                if offsets[entry.word] == nil { offsets[entry.word] = entry.offset }
            }
        }
        self.offsets = offsets
        self.entries = entries
    }

    /// The headword (lowercased, folded) and offset of a `word|offset` line of the index; nil
    /// for a line that is not one (a file with CRLF line ends still reads).
    private static func indexEntry(_ line: UnsafeBufferPointer<UInt8>) -> (word: String, offset: Int)? {
        var end = line.count
        if end > 0, line[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard let bar = line[..<end].lastIndex(of: UInt8(ascii: "|")), bar > 0,
              let offset = Self.number(line[(bar + 1)..<end])
        else { return nil }
        let word = UnsafeBufferPointer(rebasing: line[..<bar])
        // Most headwords are plain lowercase ASCII and need neither lowercasing nor folding.
        let plain = word.allSatisfy { $0 < 0x80 && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
        let text = String(decoding: word, as: UTF8.self)
        return (plain ? text : DiacriticFolding.fold(text.lowercased()), offset)
    }

    /// The thesaurus in `<base>.idx` and `<base>.dat`; nil when either cannot be read.
    ///
    /// The data file is mapped, not read: it is 18 MB for English and only a few entries are
    /// looked at. Package upgrades replace it by renaming, which a mapping survives.
    public init?(base: URL) {
        guard let index = try? Data(contentsOf: base.appendingPathExtension("idx")),
              let entries = try? Data(contentsOf: base.appendingPathExtension("dat"), options: .alwaysMapped)
        else { return nil }
        self.init(index: index, entries: entries)
    }

    /// How many headwords the thesaurus has.
    public var count: Int { offsets.count }

    /// The words that can stand in for `word` in any of its senses, in the thesaurus's order
    /// (commonest sense first), without repeats, at most ``maximumSynonyms``; empty for a word
    /// the thesaurus does not list.
    ///
    /// - Parameter word: lowercased and folded, as ``AnalyzedTerm/surface`` is.
    public func synonyms(of word: String) -> [String] {
        guard let offset = offsets[word], offset < entries.count else { return [] }
        // Bytes, not Strings: a Danish entry can have hundreds of narrower terms to skip.
        return entries.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = offset
            // One line at a time, so reading stops at the entry's end, not at the file's.
            func nextLine() -> Slice<UnsafeBufferPointer<UInt8>>? {
                guard lineStart < bytes.count else { return nil }
                let start = lineStart
                var end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                lineStart = end + 1
                if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                return bytes[start..<end]
            }
            guard let heading = nextLine(), let bar = heading.lastIndex(of: UInt8(ascii: "|")),
                  let senses = Self.number(heading[(bar + 1)...])
            else { return [] }
            var synonyms: [String] = []
            var seen: Set<String> = [word]
            for _ in 0..<min(senses, Self.maximumSenseLines) {
                guard synonyms.count < Self.maximumSynonyms, let line = nextLine() else { break }
                for field in line.split(separator: UInt8(ascii: "|")) where field.first != UInt8(ascii: "(") {
                    guard let synonym = Self.standIn(field), seen.insert(synonym.lowercased()).inserted else { continue }
                    synonyms.append(synonym)
                }
            }
            return Array(synonyms.prefix(Self.maximumSynonyms))
        }
    }

    /// A decimal number of at most 18 digits (no sign, no overflow); nil for anything else.
    private static func number(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }

    /// How many synonyms a word gets at most: its commonest senses' are enough.
    static let maximumSynonyms = 32
    /// How many sense lines of an entry are read at most.
    static let maximumSenseLines = 64

    /// The word of a `synonym (note)` field, or nil when its note says it cannot stand in.
    private static func standIn(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        var end = field.endIndex
        if let open = field.firstIndex(of: UInt8(ascii: "(")) {
            let note = String(decoding: field[open...], as: UTF8.self)
            if excludedNotes.contains(where: { note.hasPrefix($0) }) { return nil }
            end = open
        }
        while end > field.startIndex, field[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return end > field.startIndex ? String(decoding: field[field.startIndex..<end], as: UTF8.self) : nil
    }
}

extension Thesaurus {
    /// Where the system's thesauri are looked for: `HELPLINE_THESAURUS_DIR`, then Debian's folder.
    static var systemFolders: [URL] {
        let configured = ProcessInfo.processInfo.environment["HELPLINE_THESAURUS_DIR"].map { URL(fileURLWithPath: $0) }
        return [configured, URL(fileURLWithPath: "/usr/share/mythes")].compactMap(\.self)
    }

    /// The file name (without extension) of each language's thesaurus in those folders.
    static func systemName(for language: Language) -> String {
        switch language {
        case .english: "th_en_US_v2"
        case .danish: "th_da_DK"
        }
    }

    /// The installed thesaurus for `language`, read once; nil when none is installed.
    public static func system(for language: Language) -> Thesaurus? {
        switch language {
        case .english: english
        case .danish: danish
        }
    }

    private static let english = loadSystem(.english)
    private static let danish = loadSystem(.danish)

    private static func loadSystem(_ language: Language) -> Thesaurus? {
        systemFolders.lazy.compactMap { Thesaurus(base: $0.appendingPathComponent(systemName(for: language))) }.first
    }
}
