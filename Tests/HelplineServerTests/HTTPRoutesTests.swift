import Foundation
import Testing

@testable import HelplineServer

/// Plain HTTP: health while accepting, metrics text, and static files that cannot escape their folder.
struct HTTPRoutesTests {
    static func files() throws -> (StaticFiles, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("helpline-static-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("widget"), withIntermediateDirectories: true)
        try Data("<h1>hi</h1>".utf8).write(to: root.appendingPathComponent("index.html"))
        try Data("console.log(1)".utf8).write(to: root.appendingPathComponent("widget/chat.js"))
        return (try StaticFiles(root: root), root)
    }

    @Test(arguments: [
        ("/", 200 as UInt32, "text/html; charset=utf-8"),
        ("/index.html", 200, "text/html; charset=utf-8"),
        ("/?v=2", 200, "text/html; charset=utf-8"),
        ("/widget/chat.js", 200, "text/javascript; charset=utf-8"),
        ("/widget/", 404, "text/plain; charset=utf-8"),
        ("/../index.html", 404, "text/plain; charset=utf-8"),
        ("/widget/../../etc/passwd", 404, "text/plain; charset=utf-8"),
        ("/nope", 404, "text/plain; charset=utf-8"),
    ])
    func staticFiles(path: String, status: UInt32, contentType: String) throws {
        let (files, root) = try Self.files()
        defer { try? FileManager.default.removeItem(at: root) }
        let response = HTTPRoutes.response(for: path, accepting: true, metrics: ServerMetrics(), files: files)
        #expect(response.status == status, "\(path)")
        #expect(response.contentType == contentType, "\(path)")
    }

    @Test func healthSaysWhetherChatsAreAccepted() {
        #expect(HTTPRoutes.response(for: "/healthz", accepting: true, metrics: ServerMetrics(), files: StaticFiles()).status == 200)
        #expect(HTTPRoutes.response(for: "/healthz", accepting: false, metrics: ServerMetrics(), files: StaticFiles()).status == 503)
    }

    @Test func metricsAreInPrometheusTextFormat() {
        let metrics = ServerMetrics()
        metrics.openConnections = 3
        metrics.questions = 2
        metrics.recordReply(type: "answer")
        metrics.recordError(code: "bad_json")
        metrics.recordSearch(seconds: 0.0007)
        let text = String(decoding: HTTPRoutes.response(for: "/metrics", accepting: true, metrics: metrics, files: StaticFiles()).body, as: UTF8.self)
        for line in [
            "helpline_open_connections 3", "helpline_questions_total 2", #"helpline_replies_total{type="answer"} 1"#,
            #"helpline_errors_total{code="bad_json"} 1"#, #"helpline_search_seconds_bucket{le="0.0005"} 0"#,
            #"helpline_search_seconds_bucket{le="0.001"} 1"#, #"helpline_search_seconds_bucket{le="+Inf"} 1"#,
            "helpline_search_seconds_count 1",
        ] {
            #expect(text.split(separator: "\n").contains(Substring(line)), "missing: \(line)")
        }
    }
}
