/// The plain HTTP side of the server: health, metrics and the page at `/`.
enum HTTPRoutes {
    struct Response {
        var status: UInt32
        var contentType: String
        var body: [UInt8]
    }

    /// The response for a GET of `path`.
    static func response(for path: String, accepting: Bool, metrics: ServerMetrics) -> Response {
        switch path {
        case "/healthz":
            return accepting
                ? Response(status: 200, contentType: "text/plain; charset=utf-8", body: Array("ok\n".utf8))
                : Response(status: 503, contentType: "text/plain; charset=utf-8", body: Array("shutting down\n".utf8))
        case "/metrics":
            return Response(
                status: 200, contentType: "text/plain; version=0.0.4; charset=utf-8", body: Array(metrics.text.utf8))
        case "/", "/index.html":
            return Response(status: 200, contentType: "text/html; charset=utf-8", body: Array(indexPage.utf8))
        default:
            return Response(status: 404, contentType: "text/plain; charset=utf-8", body: Array("not found\n".utf8))
        }
    }

    static let indexPage = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Helpline</title></head>
        <body>
        <h1>Helpline</h1>
        <p>This server answers support questions over a WebSocket at <code>/chat</code>
        (subprotocol <code>helpline.v1</code>). Send JSON objects such as
        <code>{"type": "ask", "id": "1", "text": "How do I reset my password?"}</code>.</p>
        <p>Health: <a href="/healthz">/healthz</a> · Metrics: <a href="/metrics">/metrics</a></p>
        </body>
        </html>

        """
}
