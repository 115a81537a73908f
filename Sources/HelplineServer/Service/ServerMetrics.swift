import Foundation

/// Counters for `GET /metrics`, in Prometheus' text format.
///
/// Confined to the service thread: every update happens in a libwebsockets callback.
final class ServerMetrics {
    var openConnections = 0
    var questions = 0
    private(set) var repliesByType: [String: Int] = [:]
    private(set) var errorsByCode: [String: Int] = [:]
    /// Search latency histogram: upper bounds in seconds, cumulative counts as Prometheus wants.
    static let latencyBuckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25]
    private var latencyCounts = [Int](repeating: 0, count: latencyBuckets.count)
    private var latencyCount = 0
    private var latencySum = 0.0

    func recordReply(type: String) { repliesByType[type, default: 0] += 1 }

    func recordError(code: String) { errorsByCode[code, default: 0] += 1 }

    func recordSearch(seconds: Double) {
        latencyCount += 1
        latencySum += seconds
        for (index, bound) in Self.latencyBuckets.enumerated() where seconds <= bound { latencyCounts[index] += 1 }
    }

    var text: String {
        var lines = [
            "# HELP helpline_open_connections Chat connections open now.",
            "# TYPE helpline_open_connections gauge",
            "helpline_open_connections \(openConnections)",
            "# HELP helpline_questions_total Questions asked.",
            "# TYPE helpline_questions_total counter",
            "helpline_questions_total \(questions)",
            "# HELP helpline_replies_total Replies sent, by type.",
            "# TYPE helpline_replies_total counter",
        ]
        lines += repliesByType.sorted { $0.key < $1.key }.map { "helpline_replies_total{type=\"\($0.key)\"} \($0.value)" }
        lines += ["# HELP helpline_errors_total Error frames sent, by code.", "# TYPE helpline_errors_total counter"]
        lines += errorsByCode.sorted { $0.key < $1.key }.map { "helpline_errors_total{code=\"\($0.key)\"} \($0.value)" }
        lines += ["# HELP helpline_search_seconds Time to search the help center for one question.",
                  "# TYPE helpline_search_seconds histogram"]
        for (bound, count) in zip(Self.latencyBuckets, latencyCounts) {
            lines.append("helpline_search_seconds_bucket{le=\"\(bound)\"} \(count)")
        }
        lines.append("helpline_search_seconds_bucket{le=\"+Inf\"} \(latencyCount)")
        lines.append("helpline_search_seconds_sum \(latencySum)")
        lines.append("helpline_search_seconds_count \(latencyCount)")
        return lines.joined(separator: "\n") + "\n"
    }
}
