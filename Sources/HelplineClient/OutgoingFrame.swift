internal import CLibWebSockets

/// One WebSocket frame waiting to be written, with the `lws_write` flags that say what kind.
///
/// A message may go out as several frames (fragments); each one takes a writable callback of its
/// own, because libwebsockets allows one `lws_write` per `LWS_CALLBACK_CLIENT_WRITEABLE`.
struct OutgoingFrame: Sendable, Equatable {
    var bytes: [UInt8]
    /// `lws_write_protocol` bits: TEXT, BINARY or CONTINUATION, plus NO_FIN on all but the last.
    var flags: UInt32

    var writeProtocol: lws_write_protocol { lws_write_protocol(rawValue: flags) }

    /// A text message as `count` fragments of about equal size (at least one byte each, so there
    /// may be fewer than asked for a short message).
    ///
    /// The split is by bytes, not characters: a fragment may end inside a multi-byte character,
    /// as real peers' fragments may, and only the reassembled message has to be valid UTF-8.
    ///
    /// `text(Array("abcdef".utf8), fragments: 3)` gives `"ab"` as TEXT|NO_FIN, `"cd"` as
    /// CONTINUATION|NO_FIN and `"ef"` as CONTINUATION.
    static func text(_ bytes: [UInt8], fragments count: Int) -> [OutgoingFrame] {
        message(bytes, first: LWS_WRITE_TEXT.rawValue, fragments: count)
    }

    /// A binary message in one frame.
    static func binary(_ bytes: [UInt8]) -> [OutgoingFrame] {
        message(bytes, first: LWS_WRITE_BINARY.rawValue, fragments: 1)
    }

    private static func message(_ bytes: [UInt8], first: UInt32, fragments count: Int) -> [OutgoingFrame] {
        let pieces = max(1, min(count, bytes.count))
        let size = bytes.count / pieces
        var frames: [OutgoingFrame] = []
        var start = 0
        for index in 0..<pieces {
            let end = index == pieces - 1 ? bytes.count : start + size
            var flags = index == 0 ? first : LWS_WRITE_CONTINUATION.rawValue
            if index < pieces - 1 { flags |= LWS_WRITE_NO_FIN.rawValue }
            frames.append(OutgoingFrame(bytes: Array(bytes[start..<end]), flags: flags))
            start = end
        }
        return frames
    }
}
