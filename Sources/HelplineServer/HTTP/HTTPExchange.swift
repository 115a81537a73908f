/// One HTTP request on its way in and its answer on its way out, on one connection.
///
/// libwebsockets hands the body over in pieces and lets us write once per WRITEABLE callback, so
/// an exchange moves through stages: the body is read (up to a limit), the answer may wait for
/// work elsewhere (a knowledge reload), then the headers and the body are written, one callback each.
/// Confined to the service thread, like every connection's state.
struct HTTPExchange {
    enum Stage: Equatable {
        /// Collecting the body; the request is routed once it is complete.
        case readingBody
        /// Routed; the answer comes when other work is done.
        case waiting
        /// The answer's headers go out at the next WRITEABLE callback.
        case writingHeaders
        /// The answer's body goes out at the next WRITEABLE callback.
        case writingBody
    }

    var request: HTTPRequest
    private(set) var stage = Stage.readingBody
    private(set) var response: HTTPResponse?
    /// Close the connection after the answer instead of waiting for the next request.
    ///
    /// Set when libwebsockets would otherwise wait for a body that is never coming (a POST without
    /// `Content-Length`, which it takes for a 100 MB upload).
    var closesConnection = false
    /// The most body bytes kept; more makes the answer a 413.
    let maximumBodyBytes: Int

    init(request: HTTPRequest, maximumBodyBytes: Int) {
        self.request = request
        self.maximumBodyBytes = maximumBodyBytes
    }

    /// Adds a piece of the body.
    ///
    /// - Returns: false once the body is larger than ``maximumBodyBytes``; the bytes beyond are not kept.
    mutating func append(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard stage == .readingBody else { return true }
        guard request.body.count + bytes.count <= maximumBodyBytes else { return false }
        request.body.append(contentsOf: bytes)
        return true
    }

    /// The answer will come later.
    mutating func wait() {
        stage = .waiting
    }

    /// Sets the answer; the headers go out next.
    mutating func answer(_ response: HTTPResponse) {
        self.response = response
        stage = .writingHeaders
    }

    /// The headers are out; true when a body follows (none for HEAD or an empty body).
    mutating func headersWritten() -> Bool {
        guard let response, request.method != .head, !response.body.isEmpty else { return false }
        stage = .writingBody
        return true
    }
}
