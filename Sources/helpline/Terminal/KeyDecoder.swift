/// Turns the bytes a terminal sends in raw mode into ``Key``s.
///
/// Bytes arrive in whatever pieces `read` returns, so an escape sequence or a UTF-8 character
/// may be split across two reads: the decoder keeps an unfinished tail until the next
/// ``feed(_:)``. It understands the sequences xterm, tmux/screen and the Linux console send for
/// arrows, Home/End and Delete (CSI and SS3 forms, with Ctrl/Alt modifiers), the Emacs control
/// keys, and Alt-B/F/D/Backspace. Anything else it recognises as a sequence is dropped whole, so
/// F-keys and Page Up never type garbage into the line.
///
/// ```swift
/// var decoder = KeyDecoder()
/// decoder.feed(Array("h\u{1B}[".utf8))   // [.text("h")]  ("\u{1B}[" is kept)
/// decoder.feed(Array("D".utf8))          // [.left]
/// ```
struct KeyDecoder {
    /// The longest escape sequence waited for; a longer one is noise and is dropped.
    private static let maximumSequenceLength = 16
    private var unfinished: [UInt8] = []

    /// The keys the bytes complete, in order; an unfinished tail is kept for the next call.
    mutating func feed(_ bytes: [UInt8]) -> [Key] {
        let input = unfinished + bytes
        var keys: [Key] = []
        var text: [UInt8] = []
        var index = 0
        func flushText() {
            guard !text.isEmpty else { return }
            keys.append(.text(String(decoding: text, as: UTF8.self)))
            text.removeAll()
        }
        decoding: while index < input.count {
            let byte = input[index]
            switch byte {
            case 0x1B:
                switch Self.escape(input[index...]) {
                case .incomplete:
                    break decoding
                case .consumed(let key, let length):
                    flushText()
                    if let key { keys.append(key) }
                    index += length
                }
            case 0x00..<0x20, 0x7F:
                flushText()
                if let key = Self.control(byte) { keys.append(key) }
                index += 1
            default:
                guard let length = Self.utf8Length(lead: byte) else {
                    index += 1 // a stray continuation byte or an invalid lead: skip it
                    continue
                }
                guard index + length <= input.count else { break decoding }
                let scalar = input[index..<index + length]
                guard scalar.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }) else {
                    index += 1
                    continue
                }
                text.append(contentsOf: scalar)
                index += length
            }
        }
        flushText()
        unfinished = Array(input[index...])
        return keys
    }

    private enum Escape {
        case incomplete
        /// `length` bytes make one sequence; `key` is nil when it means nothing here.
        case consumed(Key?, length: Int)
    }

    private static func control(_ byte: UInt8) -> Key? {
        switch byte {
        case 0x01: .home
        case 0x02: .left
        case 0x03: .interrupt
        case 0x04: .endOfInput
        case 0x05: .end
        case 0x06: .right
        case 0x08, 0x7F: .backspace
        case 0x0A, 0x0D: .enter
        case 0x0B: .killToEnd
        case 0x0C: .redraw
        case 0x0E: .down
        case 0x10: .up
        case 0x15: .killToStart
        case 0x17: .deleteWordBefore
        default: nil
        }
    }

    private static func escape(_ bytes: ArraySlice<UInt8>) -> Escape {
        let start = bytes.startIndex
        guard bytes.count > 1 else { return .incomplete }
        switch bytes[start + 1] {
        case UInt8(ascii: "["):
            return controlSequence(bytes)
        case UInt8(ascii: "O"):
            guard bytes.count > 2 else { return .incomplete }
            return .consumed(cursorKey(bytes[start + 2], modifier: nil), length: 3)
        case 0x7F, 0x08:
            return .consumed(.deleteWordBefore, length: 2)
        case UInt8(ascii: "b"):
            return .consumed(.wordLeft, length: 2)
        case UInt8(ascii: "f"):
            return .consumed(.wordRight, length: 2)
        case UInt8(ascii: "d"):
            return .consumed(.deleteWordAfter, length: 2)
        default:
            // A lone Escape followed by a key: drop the Escape, keep the key.
            return .consumed(nil, length: 1)
        }
    }

    /// `ESC [ parameters final`: parameters are digits and `;`, the final byte is 0x40-0x7E.
    private static func controlSequence(_ bytes: ArraySlice<UInt8>) -> Escape {
        let start = bytes.startIndex
        var index = start + 2
        while index < bytes.endIndex {
            let byte = bytes[index]
            if (0x40...0x7E).contains(byte) {
                let parameters = String(decoding: bytes[(start + 2)..<index], as: UTF8.self).split(separator: ";")
                let length = index - start + 1
                if byte == UInt8(ascii: "~") {
                    return .consumed(tildeKey(parameters.first.flatMap { Int($0) }), length: length)
                }
                let modifier = parameters.count > 1 ? Int(parameters[1]) : nil
                return .consumed(cursorKey(byte, modifier: modifier), length: length)
            }
            guard (0x20...0x3F).contains(byte) else { return .consumed(nil, length: index - start) }
            index += 1
        }
        return bytes.count >= maximumSequenceLength ? .consumed(nil, length: bytes.count) : .incomplete
    }

    /// Arrows, Home and End; Ctrl (5) or Alt (3) turns Left/Right into word moves.
    private static func cursorKey(_ final: UInt8, modifier: Int?) -> Key? {
        let word = modifier == 3 || modifier == 5
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return word ? .wordRight : .right
        case UInt8(ascii: "D"): return word ? .wordLeft : .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        default: return nil
        }
    }

    /// `ESC [ n ~`: Home is 1 or 7, End 4 or 8, Delete 3 (xterm, rxvt and the Linux console differ).
    private static func tildeKey(_ number: Int?) -> Key? {
        switch number {
        case 1, 7: .home
        case 4, 8: .end
        case 3: .delete
        default: nil
        }
    }

    /// How many bytes a UTF-8 sequence starting with `lead` has; nil when `lead` cannot start one.
    private static func utf8Length(lead: UInt8) -> Int? {
        switch lead {
        case 0x20..<0x80: 1
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: nil
        }
    }
}
