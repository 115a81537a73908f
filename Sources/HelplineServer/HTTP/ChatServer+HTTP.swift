import Foundation
import HelplineStore
import Logging
internal import CLibWebSockets

/// Plain HTTP on the chat's port: each request becomes an ``HTTPRequest`` (method, path, query,
/// `Authorization`, body), goes to the API or the plain routes, and its ``HTTPResponse`` is
/// written in two WRITEABLE callbacks, headers then body.
extension ChatServer {
    /// How long a request may wait for a deferred answer (a knowledge reload), in seconds; then
    /// libwebsockets closes the connection.
    static let deferredAnswerSeconds: Int32 = 600

    /// LWS_CALLBACK_HTTP: the request line and headers are in; the body, if any, follows.
    func httpRequestStarted(_ wsi: OpaquePointer, path: String) -> Int32 {
        let request = HTTPRequest(
            method: Self.method(wsi), path: path, query: Self.query(wsi),
            authorization: Self.header(wsi, WSI_TOKEN_HTTP_AUTHORIZATION))
        var exchange = HTTPExchange(request: request, maximumBodyBytes: APIRouter.maximumBodyBytes)
        if Self.header(wsi, WSI_TOKEN_HTTP_TRANSFER_ENCODING) != nil {
            // libwebsockets does not decode chunked request bodies; reading on would mistake the
            // chunks' framing for the body, or (on any method, GET too) for the next request.
            exchange.closesConnection = true
            exchange.answer(APIError.badRequest("send the body with a Content-Length header, not chunked").response)
            return startAnswer(wsi, exchange)
        }
        let declared = Self.header(wsi, WSI_TOKEN_HTTP_CONTENT_LENGTH)
        let hasBody = [.post, .put, .patch].contains(request.method) || (declared != nil && declared != "0")
        guard hasBody else { return dispatch(wsi, exchange) }
        guard let declared else {
            // No Content-Length: no body, says HTTP/1.1; libwebsockets would wait for 100 MB.
            exchange.closesConnection = true
            return dispatch(wsi, exchange)
        }
        guard let length = Int(declared), length >= 0 else {
            exchange.closesConnection = true
            exchange.answer(APIError.badRequest("Content-Length must be a number of bytes").response)
            return startAnswer(wsi, exchange)
        }
        guard length <= exchange.maximumBodyBytes else {
            // Refused before any of it is read; libwebsockets discards the body after the answer.
            exchange.answer(APIError.payloadTooLarge(limit: exchange.maximumBodyBytes).response)
            return startAnswer(wsi, exchange)
        }
        httpExchanges[wsi] = exchange
        return 0
    }

    /// LWS_CALLBACK_HTTP_BODY: a piece of the body.
    func httpBodyReceived(_ wsi: OpaquePointer, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        guard var exchange = httpExchanges[wsi], exchange.stage == .readingBody else { return 0 }
        guard exchange.append(bytes) else {
            exchange.answer(APIError.payloadTooLarge(limit: exchange.maximumBodyBytes).response)
            return startAnswer(wsi, exchange)
        }
        httpExchanges[wsi] = exchange
        return 0
    }

    /// LWS_CALLBACK_HTTP_BODY_COMPLETION: the whole body is in; route the request.
    func httpBodyCompleted(_ wsi: OpaquePointer) -> Int32 {
        guard let exchange = httpExchanges[wsi], exchange.stage == .readingBody else { return 0 }
        return dispatch(wsi, exchange)
    }

    /// LWS_CALLBACK_HTTP_WRITEABLE: the next part of the answer, one `lws_write` per callback.
    func httpWriteable(_ wsi: OpaquePointer) -> Int32 {
        guard var exchange = httpExchanges[wsi], let response = exchange.response else { return 0 }
        switch exchange.stage {
        case .writingHeaders:
            guard Self.writeHeaders(wsi, response) else { return -1 }
            if exchange.headersWritten() {
                httpExchanges[wsi] = exchange
                lws_callback_on_writable(wsi)
                return 0
            }
            return finish(wsi, exchange)
        case .writingBody:
            var buffer = [UInt8](repeating: 0, count: CLibWebSockets_PRE + response.body.count)
            buffer.replaceSubrange(CLibWebSockets_PRE..., with: response.body)
            let written = buffer.withUnsafeMutableBufferPointer { pointer in
                lws_write(wsi, pointer.baseAddress! + CLibWebSockets_PRE, response.body.count, LWS_WRITE_HTTP_FINAL)
            }
            guard written >= response.body.count else { return -1 }
            return finish(wsi, exchange)
        case .readingBody, .waiting:
            return 0
        }
    }

    /// LWS_CALLBACK_CLOSED_HTTP: the peer left, possibly while its answer was being prepared.
    func httpClosed(_ wsi: OpaquePointer) {
        httpExchanges[wsi] = nil
        // A closed connection's handle may be reused for the next one: it must never get this answer.
        reloadSchedule.drop(wsi)
        answersAfterReload[wsi] = nil
    }

    /// Answers a request that waited for other work, if its connection is still open.
    func answerDeferred(_ wsi: OpaquePointer, _ response: HTTPResponse) {
        guard var exchange = httpExchanges[wsi], exchange.stage == .waiting else { return }
        exchange.answer(response)
        _ = startAnswer(wsi, exchange)
    }

    /// Routes a complete request: the API first, then health, metrics and static files.
    private func dispatch(_ wsi: OpaquePointer, _ exchange: HTTPExchange) -> Int32 {
        var exchange = exchange
        let request = exchange.request
        switch api.route(request, now: Date()) {
        case .response(let response)?:
            exchange.answer(response)
        case .reloadKnowledge?:
            return waitForReload(wsi, exchange)
        case .afterReload(let response)?:
            guard reloader != nil else {
                // Nothing to re-index from (a server started without a knowledge folder): the
                // state is rebuilt here, the only place left.
                do { try service.index.refresh() } catch { logger.error("could not refresh the index: \(error)") }
                exchange.answer(response)
                break
            }
            answersAfterReload[wsi] = response
            return waitForReload(wsi, exchange)
        case nil:
            exchange.answer(
                request.method == .get || request.method == .head
                    ? HTTPRoutes.response(for: request.path, accepting: isAccepting, metrics: metrics, files: staticFiles)
                    : HTTPRoutes.methodNotAllowed)
        }
        return startAnswer(wsi, exchange)
    }

    /// Parks a request until the next knowledge reload ends; ``answerDeferred(_:_:)`` answers it.
    private func waitForReload(_ wsi: OpaquePointer, _ exchange: HTTPExchange) -> Int32 {
        var exchange = exchange
        exchange.wait()
        httpExchanges[wsi] = exchange
        lws_set_timeout(wsi, PENDING_TIMEOUT_USER_OK, Self.deferredAnswerSeconds)
        requestReload(answering: wsi)
        return 0
    }

    private func startAnswer(_ wsi: OpaquePointer, _ exchange: HTTPExchange) -> Int32 {
        httpExchanges[wsi] = exchange
        lws_callback_on_writable(wsi)
        return 0
    }

    /// The answer is out: wait for the connection's next request, or close it.
    private func finish(_ wsi: OpaquePointer, _ exchange: HTTPExchange) -> Int32 {
        httpExchanges[wsi] = nil
        if exchange.closesConnection { return -1 }
        return lws_http_transaction_completed(wsi) != 0 ? -1 : 0
    }

    // MARK: - Reading and writing with libwebsockets

    private static let methods: [(lws_token_indexes, HTTPRequest.Method)] = [
        (WSI_TOKEN_GET_URI, .get), (WSI_TOKEN_POST_URI, .post), (WSI_TOKEN_HEAD_URI, .head), (WSI_TOKEN_PUT_URI, .put),
        (WSI_TOKEN_PATCH_URI, .patch), (WSI_TOKEN_DELETE_URI, .delete), (WSI_TOKEN_OPTIONS_URI, .options),
    ]

    /// The method is whichever request-line token libwebsockets filled in.
    private static func method(_ wsi: OpaquePointer) -> HTTPRequest.Method {
        methods.first { lws_hdr_total_length(wsi, $0.0) > 0 }?.1 ?? .other
    }

    /// A header's value (several of one name joined with commas); nil when absent.
    private static func header(_ wsi: OpaquePointer, _ token: lws_token_indexes) -> String? {
        let length = Int(lws_hdr_total_length(wsi, token))
        guard length > 0 else { return nil }
        var buffer = [CChar](repeating: 0, count: length + 1)
        let copied = lws_hdr_copy(wsi, &buffer, Int32(buffer.count), token)
        guard copied >= 0 else { return nil }
        return String(decoding: buffer.prefix(Int(copied)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The most query parameters read; libwebsockets' header space bounds them anyway.
    private static let maximumQueryParameters: Int32 = 64

    /// The query's pairs: libwebsockets has split them at `&` and decoded `%xx` and `+`.
    private static func query(_ wsi: OpaquePointer) -> [(name: String, value: String)] {
        let total = Int(lws_hdr_total_length(wsi, WSI_TOKEN_HTTP_URI_ARGS))
        guard total > 0 else { return [] }
        var buffer = [CChar](repeating: 0, count: total + 1)
        var pairs: [(name: String, value: String)] = []
        for index in 0..<maximumQueryParameters {
            let length = lws_hdr_copy_fragment(wsi, &buffer, Int32(buffer.count), WSI_TOKEN_HTTP_URI_ARGS, index)
            guard length >= 0 else { break }
            let fragment = String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard !fragment.isEmpty else { continue }
            let parts = fragment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            pairs.append((String(parts[0]), parts.count > 1 ? String(parts[1]) : ""))
        }
        return pairs
    }

    /// Writes the status line and headers in one `lws_write`.
    private static func writeHeaders(_ wsi: OpaquePointer, _ response: HTTPResponse) -> Bool {
        var headers = [UInt8](repeating: 0, count: CLibWebSockets_PRE + 2048)
        return headers.withUnsafeMutableBufferPointer { buffer -> Bool in
            let start = buffer.baseAddress! + CLibWebSockets_PRE
            let end = buffer.baseAddress! + buffer.count - 1
            var cursor: UnsafeMutablePointer<UInt8>? = start
            guard lws_add_http_common_headers(
                wsi, response.status, response.contentType, UInt64(response.body.count), &cursor, end) == 0 else { return false }
            for (name, value) in response.headers {
                // libwebsockets writes the name as given, so it carries the colon.
                let nameBytes = Array((name.lowercased() + ":").utf8) + [0]
                let valueBytes = Array(value.utf8)
                guard lws_add_http_header_by_name(wsi, nameBytes, valueBytes, Int32(valueBytes.count), &cursor, end) == 0 else {
                    return false
                }
            }
            return lws_finalize_write_http_header(wsi, start, &cursor, end) == 0
        }
    }
}
