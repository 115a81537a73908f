/// One HTTP request as the routes see it: no libwebsockets types, so routing is tested without sockets.
struct HTTPRequest {
    enum Method: String, Equatable, Sendable {
        case get = "GET", head = "HEAD", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE"
        case options = "OPTIONS", other = "OTHER"
    }

    var method: Method
    /// The path, percent-decoded by libwebsockets and without the query (`/api/v1/groups`).
    var path: String
    /// The query's `name=value` pairs in order, decoded (`+` is a space).
    var query: [(name: String, value: String)] = []
    /// The `Authorization` header as sent, if any.
    var authorization: String?
    var body: [UInt8] = []

    /// The first value of the query parameter `name`.
    func query(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }
}
