import Foundation
import HelplineClient

/// One open-loop load run: a sender keeps a fixed schedule, a collector matches replies to it.
///
/// Latency runs from each question's scheduled time, not from when it happened to be sent, so
/// a server that falls behind cannot hide it by slowing the sender (coordinated omission).
struct LoadRun {
    let chats: [ChatClient]
    let rate: Double
    let duration: Double
    let questions: [String]

    struct Result {
        var latencies: [Double]
        var sent: Int
        var unanswered: Int
        var elapsed: Double

        func print(connections: Int, rate: Double, duration: Double) {
            let sorted = latencies.sorted()
            func percentile(_ p: Double) -> String {
                guard !sorted.isEmpty else { return "-" }
                return String(format: "%.2f ms", sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] * 1000)
            }
            Swift.print("connections: \(connections), offered: \(Int(rate)) questions/s for \(duration) s")
            Swift.print(String(format: "answered: %d of %d (%.0f questions/s), unanswered: %d",
                               latencies.count, sent, Double(latencies.count) / max(elapsed, 0.001), unanswered))
            Swift.print("latency: p50 \(percentile(0.5))  p90 \(percentile(0.9))  p99 \(percentile(0.99))  max \(percentile(1))")
        }
    }

    func run() throws -> Result {
        let interval = 1 / rate
        let total = Int(rate * duration)
        let scheduled = Schedule()
        let start = Date()
        let collector = Thread {
            collect(scheduled, until: start.addingTimeInterval(duration + 10), expected: total)
        }
        collector.start()
        for number in 0..<total {
            let due = start.addingTimeInterval(Double(number) * interval)
            let wait = due.timeIntervalSinceNow
            // Pacing the sender to its schedule, not synchronising with the server.
            if wait > 0 { Thread.sleep(forTimeInterval: wait) }
            let chat = chats[number % chats.count]
            scheduled.add(id: number, at: due)
            let question = questions[number % questions.count]
            chat.send(#"{"type":"ask","id":"\#(number)","text":"\#(question)"}"#)
        }
        while !scheduled.isDone { Thread.sleep(forTimeInterval: 0.01) }
        return Result(
            latencies: scheduled.latencies, sent: total, unanswered: total - scheduled.latencies.count,
            elapsed: Date().timeIntervalSince(start))
    }

    /// Polls every chat for replies until all are in or the deadline passes.
    private func collect(_ scheduled: Schedule, until deadline: Date, expected: Int) {
        while Date() < deadline, scheduled.answered < expected {
            var received = false
            for chat in chats {
                while let event = try? chat.next(timeout: .zero) {
                    guard case .message(let text) = event else { break }
                    received = true
                    if let id = Self.replyTo(text) { scheduled.answer(id: id, at: Date()) }
                }
            }
            if !received { Thread.sleep(forTimeInterval: 0.0002) }
        }
        scheduled.stopCollecting()
    }

    static func replyTo(_ text: String) -> Int? {
        guard let range = text.range(of: #""replyTo":""#) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    /// Scheduled send times and measured latencies, shared by sender and collector.
    final class Schedule: @unchecked Sendable {
        // @unchecked Sendable: every field is guarded by `lock`.
        private let lock = NSLock()
        private var due: [Int: Date] = [:]
        private var measured: [Double] = []
        private var collecting = true

        func add(id: Int, at date: Date) { lock.withLock { due[id] = date } }

        func answer(id: Int, at date: Date) {
            lock.withLock {
                if let sent = due.removeValue(forKey: id) { measured.append(date.timeIntervalSince(sent)) }
            }
        }

        func stopCollecting() { lock.withLock { collecting = false } }

        var answered: Int { lock.withLock { measured.count } }
        var latencies: [Double] { lock.withLock { measured } }
        var isDone: Bool { lock.withLock { !collecting } }
    }
}
