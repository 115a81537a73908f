/// An API request that failed, as its client sees it: a status and `{"error": {"code", "message"}}`.
///
/// The codes are docs/API.md's. Messages say what to change and never repeat a token.
struct APIError: Error, Equatable {
    var status: UInt32
    var code: String
    var message: String
    /// Extra headers: `WWW-Authenticate` on 401, `Allow` on 405.
    var headers: [Header] = []

    struct Header: Equatable {
        var name: String
        var value: String
    }

    static func unauthorized(_ message: String) -> APIError {
        APIError(status: 401, code: "unauthorized", message: message, headers: [Header(name: "WWW-Authenticate", value: "Bearer")])
    }

    static func invalidToken(_ message: String) -> APIError {
        APIError(
            status: 401, code: "invalid_token", message: message,
            headers: [Header(name: "WWW-Authenticate", value: #"Bearer error="invalid_token""#)])
    }

    static func forbidden(_ message: String) -> APIError {
        APIError(status: 403, code: "forbidden", message: message)
    }

    static func notFound(_ message: String) -> APIError {
        APIError(status: 404, code: "not_found", message: message)
    }

    static func methodNotAllowed(_ allowed: [HTTPRequest.Method]) -> APIError {
        let names = allowed.map(\.rawValue).joined(separator: ", ")
        return APIError(
            status: 405, code: "method_not_allowed", message: "use \(names) here",
            headers: [Header(name: "Allow", value: names)])
    }

    static func badRequest(_ message: String) -> APIError {
        APIError(status: 400, code: "bad_request", message: message)
    }

    static func payloadTooLarge(limit: Int) -> APIError {
        APIError(status: 413, code: "payload_too_large", message: "the body may be at most \(limit / 1024) KiB")
    }

    static func conflict(_ message: String) -> APIError {
        APIError(status: 409, code: "conflict", message: message)
    }

    static func `internal`(_ message: String = "something went wrong on the server; it has been logged") -> APIError {
        APIError(status: 500, code: "internal", message: message)
    }

    /// The JSON response.
    var response: HTTPResponse {
        var response = HTTPResponse.json(status, Body(error: .init(code: code, message: message)))
        response.headers += headers.map { ($0.name, $0.value) }
        return response
    }

    private struct Body: Encodable {
        var error: Detail

        struct Detail: Encodable {
            var code: String
            var message: String
        }
    }
}
