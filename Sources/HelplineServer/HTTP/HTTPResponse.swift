import Foundation

/// A complete HTTP response: status, headers and the whole body.
struct HTTPResponse {
    var status: UInt32
    var contentType: String
    /// Headers besides `Content-Type` and `Content-Length`, which libwebsockets writes.
    var headers: [(name: String, value: String)] = []
    var body: [UInt8]

    /// Plain text, as `/healthz` and the 404 page answer.
    static func text(_ status: UInt32, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", body: Array(text.utf8))
    }

    /// `value` as JSON, dates in ISO 8601 UTC, never cached: API answers are about now, and some
    /// are about who asked.
    static func json(_ status: UInt32, _ value: some Encodable) -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // The API's payloads are plain structs of strings, numbers and dates, which always encode;
        // the fallback keeps the client's answer JSON all the same.
        let body = (try? encoder.encode(value)).map(Array.init)
            ?? Array(#"{"error":{"code":"internal","message":"could not encode the answer"}}"#.utf8)
        return HTTPResponse(
            status: status, contentType: "application/json; charset=utf-8", headers: [("Cache-Control", "no-store")],
            body: body)
    }
}
