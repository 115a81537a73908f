import Testing

@testable import HelplineServer

/// Reassembly and limits without sockets: what libwebsockets hands over, fragment by fragment.
struct MessageAssemblerTests {
    func append(_ assembler: inout MessageAssembler, _ bytes: [UInt8], binary: Bool = false, final: Bool) -> MessageAssembler.Step {
        bytes.withUnsafeBytes { assembler.append($0, isBinary: binary, isFinal: final) }
    }

    @Test func fragmentsMakeOneMessage() {
        var assembler = MessageAssembler(maximumBytes: 64)
        #expect(append(&assembler, Array(#"{"type":"#.utf8), final: false) == .incomplete)
        #expect(append(&assembler, Array(#""ask"}"#.utf8), final: true) == .message(#"{"type":"ask"}"#))
        // The buffer starts empty for the next message.
        #expect(append(&assembler, Array("x".utf8), final: true) == .message("x"))
    }

    @Test func aMultibyteCharacterSplitAcrossFragmentsIsFine() {
        var assembler = MessageAssembler(maximumBytes: 64)
        let bytes = Array("møde".utf8)
        #expect(append(&assembler, Array(bytes[..<2]), final: false) == .incomplete)
        #expect(append(&assembler, Array(bytes[2...]), final: true) == .message("møde"))
    }

    @Test(arguments: [
        ([UInt8](repeating: 0x61, count: 65), false, MessageAssembler.Failure.tooLarge, UInt16(1009)),
        ([0x00, 0x01], true, .binary, 1003),
        ([0xFF, 0xFE], false, .invalidUTF8, 1007),
        ([0xC3], false, .invalidUTF8, 1007),
    ])
    func refusals(bytes: [UInt8], binary: Bool, failure: MessageAssembler.Failure, code: UInt16) {
        var assembler = MessageAssembler(maximumBytes: 64)
        #expect(append(&assembler, bytes, binary: binary, final: true) == .failed(failure))
        #expect(failure.closeCode == code)
    }

    /// The limit counts the whole message, not each fragment: many small fragments add up.
    @Test func theLimitCountsAllFragments() {
        var assembler = MessageAssembler(maximumBytes: 64)
        for _ in 0..<6 { #expect(append(&assembler, [UInt8](repeating: 0x61, count: 10), final: false) == .incomplete) }
        #expect(append(&assembler, [UInt8](repeating: 0x61, count: 10), final: false) == .failed(.tooLarge))
    }
}
