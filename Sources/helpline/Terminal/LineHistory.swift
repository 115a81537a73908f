/// The lines entered before, for Up and Down.
///
/// Browsing starts below the newest entry, where the line being typed (the draft) lives: Up
/// keeps the draft and shows older entries, Down comes back to it. Entering a line records it,
/// unless it is blank or repeats the newest entry, and ends the browsing.
///
/// ```swift
/// var history = LineHistory(entries: ["first", "second"])
/// history.previous(current: "dra")   // "second"
/// history.previous(current: "second") // "first"
/// history.next(current: "first")     // "second"
/// history.next(current: "second")    // "dra"
/// ```
struct LineHistory: Equatable {
    private(set) var entries: [String]
    /// The most entries kept; the oldest go first.
    let limit: Int
    /// The entry shown while browsing; nil while editing the draft.
    private var position: Int?
    private var draft = ""

    init(entries: [String] = [], limit: Int = 500) {
        self.limit = max(1, limit)
        self.entries = Array(entries.suffix(self.limit))
    }

    /// Records an entered line; returns whether it was added.
    @discardableResult
    mutating func record(_ line: String) -> Bool {
        position = nil
        draft = ""
        guard !line.allSatisfy(\.isWhitespace), entries.last != line else { return false }
        entries.append(line)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        return true
    }

    /// The entry before the one shown, or nil at the oldest.
    mutating func previous(current: String) -> String? {
        switch position {
        case nil:
            guard !entries.isEmpty else { return nil }
            draft = current
            position = entries.count - 1
        case let shown? where shown > 0:
            position = shown - 1
        default:
            return nil
        }
        return position.map { entries[$0] }
    }

    /// The entry after the one shown, then the draft; nil when not browsing.
    mutating func next(current: String) -> String? {
        guard let shown = position else { return nil }
        if shown + 1 < entries.count {
            position = shown + 1
            return entries[shown + 1]
        }
        position = nil
        return draft
    }
}
