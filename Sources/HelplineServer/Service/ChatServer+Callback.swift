import Foundation
import Logging
internal import CLibWebSockets

/// The one libwebsockets callback, for both HTTP (`ChatServer+HTTP.swift`) and the chat protocol.
///
/// A function that captures nothing, so it converts to a C function pointer; the server comes
/// from the context's user pointer (unretained: the server outlives its context), each chat's
/// state from its per-session slot (retained at ESTABLISHED, released once at CLOSED).
func chatServerCallback(
    wsi: OpaquePointer?, reason: lws_callback_reasons, user: UnsafeMutableRawPointer?, input: UnsafeMutableRawPointer?,
    length: Int
) -> Int32 {
    guard let wsi, let context = lws_get_context(wsi), let pointer = lws_context_user(context) else { return 0 }
    let server = Unmanaged<ChatServer>.fromOpaque(pointer).takeUnretainedValue()
    return server.handle(wsi: wsi, reason: reason, slot: user, input: input, length: length)
}

extension ChatServer {
    func handle(
        wsi: OpaquePointer, reason: lws_callback_reasons, slot: UnsafeMutableRawPointer?, input: UnsafeMutableRawPointer?,
        length: Int
    ) -> Int32 {
        switch reason {
        case LWS_CALLBACK_HTTP:
            let path = input.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) } ?? "/"
            return httpRequestStarted(wsi, path: path)
        case LWS_CALLBACK_HTTP_BODY:
            return httpBodyReceived(wsi, UnsafeRawBufferPointer(start: input, count: input == nil ? 0 : length))
        case LWS_CALLBACK_HTTP_BODY_COMPLETION:
            return httpBodyCompleted(wsi)
        case LWS_CALLBACK_HTTP_WRITEABLE:
            return httpWriteable(wsi)
        case LWS_CALLBACK_CLOSED_HTTP:
            httpClosed(wsi)
            return 0
        case LWS_CALLBACK_FILTER_PROTOCOL_CONNECTION:
            // The chat lives at /chat only; and no new chats while shutting down.
            return requestPath(wsi) == "/chat" && isAccepting ? 0 : 1
        case LWS_CALLBACK_ESTABLISHED:
            guard let slot else { return -1 }
            let connection = makeConnection()
            slot.storeBytes(of: Unmanaged.passRetained(connection).toOpaque(), as: UnsafeMutableRawPointer.self)
            connections[wsi] = connection
            metrics.openConnections += 1
            logger.info("chat opened", metadata: ["session": "\(connection.session)", "open": "\(connections.count)"])
            return 0
        case LWS_CALLBACK_RECEIVE:
            guard let connection = connection(in: slot) else { return -1 }
            return receive(wsi, connection, UnsafeRawBufferPointer(start: input, count: input == nil ? 0 : length))
        case LWS_CALLBACK_SERVER_WRITEABLE:
            guard let connection = connection(in: slot) else { return -1 }
            return write(wsi, connection)
        case LWS_CALLBACK_CLOSED:
            guard let slot, let stored = slot.load(as: UnsafeMutableRawPointer?.self) else { return 0 }
            slot.storeBytes(of: nil, as: UnsafeMutableRawPointer?.self)
            let connection = Unmanaged<ChatConnection>.fromOpaque(stored).takeRetainedValue()
            service.chatClosed(connection)
            connections[wsi] = nil
            metrics.openConnections -= 1
            logger.info("chat closed", metadata: ["session": "\(connection.session)", "open": "\(connections.count)"])
            return 0
        case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
            serviceWoken()
            return 0
        default:
            return 0
        }
    }

    private func connection(in slot: UnsafeMutableRawPointer?) -> ChatConnection? {
        guard let stored = slot?.load(as: UnsafeMutableRawPointer?.self) else { return nil }
        return Unmanaged<ChatConnection>.fromOpaque(stored).takeUnretainedValue()
    }

    private func requestPath(_ wsi: OpaquePointer) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        let length = lws_hdr_copy(wsi, &buffer, Int32(buffer.count), WSI_TOKEN_GET_URI)
        guard length > 0 else { return "" }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    // MARK: - Chat

    private func receive(_ wsi: OpaquePointer, _ connection: ChatConnection, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        let step = connection.assembler.append(
            bytes, isBinary: lws_frame_is_binary(wsi) != 0, isFinal: lws_is_final_fragment(wsi) != 0)
        switch step {
        case .incomplete:
            return 0
        case .failed(let failure):
            metrics.recordError(code: "close_\(failure.closeCode)")
            return close(wsi, code: failure.closeCode, reason: failure.reason)
        case .message(let text):
            for frame in service.handle(text, on: connection) {
                do {
                    try connection.enqueue(frame.encoded())
                } catch {
                    return close(wsi, code: 1008, reason: "too many replies waiting: read them")
                }
            }
            if connection.hasOutgoing { lws_callback_on_writable(wsi) }
            return 0
        }
    }

    /// Writes one queued frame: libwebsockets allows one `lws_write` per WRITEABLE callback.
    private func write(_ wsi: OpaquePointer, _ connection: ChatConnection) -> Int32 {
        guard let frame = connection.dequeue() else {
            return connection.closing ? close(wsi, code: 1001, reason: "server shutting down") : 0
        }
        var buffer = [UInt8](repeating: 0, count: CLibWebSockets_PRE + frame.count)
        buffer.replaceSubrange(CLibWebSockets_PRE..., with: frame)
        let written = buffer.withUnsafeMutableBufferPointer { pointer in
            lws_write(wsi, pointer.baseAddress! + CLibWebSockets_PRE, frame.count, LWS_WRITE_TEXT)
        }
        guard written >= frame.count else { return -1 }
        if connection.hasOutgoing || connection.closing { lws_callback_on_writable(wsi) }
        return 0
    }

    /// Closes with a status code and reason; the caller returns the result to libwebsockets.
    private func close(_ wsi: OpaquePointer, code: UInt16, reason: String) -> Int32 {
        var bytes = Array(reason.utf8.prefix(120))
        lws_close_reason(wsi, lws_close_status(rawValue: UInt32(code)), &bytes, bytes.count)
        return -1
    }
}
