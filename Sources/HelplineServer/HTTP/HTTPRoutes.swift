/// The plain HTTP side of the server: health, metrics and the static files under `/`.
enum HTTPRoutes {
    /// The response for a GET of `path`.
    static func response(for path: String, accepting: Bool, metrics: ServerMetrics, files: StaticFiles) -> HTTPResponse {
        switch path {
        case "/healthz":
            return accepting ? .text(200, "ok\n") : .text(503, "shutting down\n")
        case "/metrics":
            return HTTPResponse(
                status: 200, contentType: "text/plain; version=0.0.4; charset=utf-8", body: Array(metrics.text.utf8))
        default:
            if let file = files.file(for: path) {
                return HTTPResponse(status: 200, contentType: file.contentType, body: file.bytes)
            }
            return notFound
        }
    }

    static let notFound = HTTPResponse.text(404, "not found\n")

    /// The answer to any other method on these paths: they are read-only.
    static let methodNotAllowed: HTTPResponse = {
        var response = HTTPResponse.text(405, "method not allowed: GET or HEAD only\n")
        response.headers = [("Allow", "GET, HEAD")]
        return response
    }()
}
