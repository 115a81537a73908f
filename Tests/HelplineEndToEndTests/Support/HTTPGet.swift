/// A plain HTTP/1.1 GET, enough to read `/healthz`: ``HTTPClient`` without headers or a body.
enum HTTPGet {
    struct Response {
        var status: Int
        var headers: String
        var body: String
    }

    /// GETs `path` from 127.0.0.1:`port` with `Connection: close`.
    ///
    /// - Throws: ``TestFailure`` when connecting, sending or reading fails or times out.
    static func get(port: Int, path: String, timeoutSeconds: Int = 10) throws -> Response {
        let response = try HTTPClient.send(port: port, path: path, timeoutSeconds: timeoutSeconds)
        return Response(status: response.status, headers: response.head, body: response.text)
    }
}
