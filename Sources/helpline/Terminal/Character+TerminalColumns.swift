extension Character {
    /// How many columns a terminal gives this character: 2 for wide East Asian characters and
    /// emoji, 0 for control characters, 1 for everything else (Danish letters included, however
    /// they are composed).
    var terminalColumns: Int {
        guard let first = unicodeScalars.first else { return 0 }
        let properties = first.properties
        if properties.generalCategory == .control || properties.generalCategory == .format { return 0 }
        if properties.isEmojiPresentation || unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        switch first.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}

extension StringProtocol {
    /// The columns the text takes in a terminal; see ``Swift/Character/terminalColumns``.
    var terminalColumns: Int { reduce(0) { $0 + $1.terminalColumns } }
}
