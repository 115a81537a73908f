/// Reassembles a WebSocket message from the fragments libwebsockets delivers, within limits.
///
/// libwebsockets hands over frames (and parts of frames) as they arrive and enforces no
/// message size, so a peer could otherwise grow a buffer without bound. Each limit has its
/// own close code, and the buffer is freed on any failure.
struct MessageAssembler {
    /// Why a message was refused; each maps to the close code RFC 6455 defines for it.
    enum Failure: Equatable {
        /// Larger than the limit: 1009 (message too big).
        case tooLarge
        /// A binary message: 1003 (unsupported data); the protocol is JSON text.
        case binary
        /// Not valid UTF-8: 1007 (invalid payload data).
        case invalidUTF8

        var closeCode: UInt16 {
            switch self {
            case .tooLarge: 1009
            case .binary: 1003
            case .invalidUTF8: 1007
            }
        }

        var reason: String {
            switch self {
            case .tooLarge: "message too big"
            case .binary: "binary messages are not supported"
            case .invalidUTF8: "message is not valid UTF-8"
            }
        }
    }

    enum Step: Equatable {
        /// More fragments are needed.
        case incomplete
        /// A whole text message.
        case message(String)
        case failed(Failure)
    }

    /// The largest message accepted, in bytes, counted across all of its fragments.
    let maximumBytes: Int
    private var buffer: [UInt8] = []

    init(maximumBytes: Int) {
        self.maximumBytes = maximumBytes
    }

    /// Adds one fragment.
    ///
    /// - Parameters:
    ///   - isBinary: whether the message the fragment belongs to is binary.
    ///   - isFinal: whether this fragment ends the message.
    mutating func append(_ bytes: UnsafeRawBufferPointer, isBinary: Bool, isFinal: Bool) -> Step {
        if isBinary {
            buffer = []
            return .failed(.binary)
        }
        guard buffer.count + bytes.count <= maximumBytes else {
            buffer = []
            return .failed(.tooLarge)
        }
        buffer.append(contentsOf: bytes)
        guard isFinal else { return .incomplete }
        defer { buffer = [] }
        guard let text = String(validating: buffer, as: UTF8.self) else { return .failed(.invalidUTF8) }
        return .message(text)
    }
}
