import Foundation
internal import CLibWebSockets

/// The one libwebsockets callback of the client context.
///
/// A function that captures nothing, so it converts to a C function pointer; the loop comes from
/// the context's user pointer (unretained: the loop outlives its context), each connection from
/// the id in the wsi's user pointer.
func chatClientCallback(
    wsi: OpaquePointer?, reason: lws_callback_reasons, user: UnsafeMutableRawPointer?, input: UnsafeMutableRawPointer?,
    length: Int
) -> Int32 {
    guard let wsi, let context = lws_get_context(wsi), let pointer = lws_context_user(context) else { return 0 }
    let loop = Unmanaged<ClientLoop>.fromOpaque(pointer).takeUnretainedValue()
    return loop.handle(wsi: wsi, reason: reason, id: user.map { Int(bitPattern: $0) }, input: input, length: length)
}

extension ClientLoop {
    func handle(
        wsi: OpaquePointer, reason: lws_callback_reasons, id: Int?, input: UnsafeMutableRawPointer?, length: Int
    ) -> Int32 {
        switch reason {
        case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
            drainCommands()
            return 0
        case LWS_CALLBACK_CLIENT_FILTER_PRE_ESTABLISH:
            // The last moment the response headers exist: lws frees them before ESTABLISHED.
            guard let connection = connection(id) else { return -1 }
            connection.subprotocol = negotiatedSubprotocol(wsi)
            return 0
        case LWS_CALLBACK_CLIENT_ESTABLISHED:
            guard let connection = connection(id) else { return -1 }
            connection.wsi = wsi
            connection.isOpen = true
            connection.inbox.opened(subprotocol: connection.subprotocol)
            if connection.wantsToWrite { lws_callback_on_writable(wsi) }
            return 0
        case LWS_CALLBACK_CLIENT_RECEIVE:
            guard let connection = connection(id) else { return -1 }
            let bytes = UnsafeRawBufferPointer(start: input, count: input == nil ? 0 : length)
            switch connection.receive(bytes, isBinary: lws_frame_is_binary(wsi) != 0, isFinal: lws_is_final_fragment(wsi) != 0) {
            case .incomplete:
                return 0
            case .message(let event):
                connection.inbox.post(event)
                return 0
            case .tooLarge:
                return close(wsi, code: 1009, reason: "message too big")
            }
        case LWS_CALLBACK_CLIENT_WRITEABLE:
            guard let connection = connection(id) else { return -1 }
            return write(wsi, connection)
        case LWS_CALLBACK_WS_PEER_INITIATED_CLOSE:
            // The close frame's payload: a 2-byte status code in network order, then a reason.
            if let connection = connection(id), let input, length >= 2 {
                let bytes = input.assumingMemoryBound(to: UInt8.self)
                connection.peerCloseCode = UInt16(bytes[0]) << 8 | UInt16(bytes[1])
            }
            return 0
        case LWS_CALLBACK_CLIENT_CLOSED:
            if let connection = connection(id) { connection.finish(.closed(code: connection.peerCloseCode)) }
            return 0
        case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
            if let connection = connection(id) {
                let why = input.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) } ?? "connection failed"
                connection.finish(.failed(why))
            }
            return 0
        case LWS_CALLBACK_WSI_DESTROY:
            // The last callback for a wsi: whatever happened, its connection has ended now.
            if let id, let connection = connections.removeValue(forKey: id) {
                connection.finish(
                    connection.isOpen ? .closed(code: connection.peerCloseCode) : .failed("connection failed"))
            }
            return 0
        default:
            return 0
        }
    }

    private func connection(_ id: Int?) -> ClientConnection? {
        id.flatMap { connections[$0] }
    }

    /// The subprotocol the server chose, from the handshake's response headers.
    private func negotiatedSubprotocol(_ wsi: OpaquePointer) -> String? {
        var buffer = [CChar](repeating: 0, count: 128)
        guard lws_hdr_copy(wsi, &buffer, Int32(buffer.count), WSI_TOKEN_PROTOCOL) > 0 else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes one queued frame, or the close this side asked for once nothing is queued:
    /// libwebsockets allows one `lws_write` per WRITEABLE callback.
    private func write(_ wsi: OpaquePointer, _ connection: ClientConnection) -> Int32 {
        guard let frame = connection.dequeue() else {
            if let code = connection.closeRequest { return close(wsi, code: code, reason: "") }
            return 0
        }
        // lws writes the frame header (and, from a client, the mask) into the LWS_PRE bytes
        // before the payload, so the buffer starts that far ahead.
        var buffer = [UInt8](repeating: 0, count: CLibWebSockets_PRE + frame.bytes.count)
        buffer.replaceSubrange(CLibWebSockets_PRE..., with: frame.bytes)
        let written = buffer.withUnsafeMutableBufferPointer { pointer in
            lws_write(wsi, pointer.baseAddress! + CLibWebSockets_PRE, frame.bytes.count, frame.writeProtocol)
        }
        guard written >= frame.bytes.count else { return -1 }
        if connection.wantsToWrite { lws_callback_on_writable(wsi) }
        return 0
    }

    /// Closes with a status code and reason; the caller returns the result to libwebsockets.
    private func close(_ wsi: OpaquePointer, code: UInt16, reason: String) -> Int32 {
        var bytes = Array(reason.utf8.prefix(120))
        lws_close_reason(wsi, lws_close_status(rawValue: UInt32(code)), &bytes, bytes.count)
        return -1
    }
}
