/// The plain HTTP side of the server: health, metrics and the static files under `/`.
enum HTTPRoutes {
    struct Response {
        var status: UInt32
        var contentType: String
        var body: [UInt8]
    }

    /// The response for a GET of `path`.
    static func response(for path: String, accepting: Bool, metrics: ServerMetrics, files: StaticFiles) -> Response {
        switch path {
        case "/healthz":
            return accepting
                ? Response(status: 200, contentType: "text/plain; charset=utf-8", body: Array("ok\n".utf8))
                : Response(status: 503, contentType: "text/plain; charset=utf-8", body: Array("shutting down\n".utf8))
        case "/metrics":
            return Response(
                status: 200, contentType: "text/plain; version=0.0.4; charset=utf-8", body: Array(metrics.text.utf8))
        default:
            if let file = files.file(for: path) {
                return Response(status: 200, contentType: file.contentType, body: file.bytes)
            }
            return Response(status: 404, contentType: "text/plain; charset=utf-8", body: Array("not found\n".utf8))
        }
    }
}
