import Foundation

/// A background server's standard error, read line by line as it comes, so a test can wait for
/// the line that says something happened instead of sleeping.
///
/// Reading also keeps the pipe drained: a server whose log fills the pipe would block.
final class ServerLog: @unchecked Sendable {
    // @unchecked Sendable: `lines` is guarded by `condition`.
    let pipe = Pipe()
    private let condition = NSCondition()
    private var lines: [String] = []

    /// Reads the pipe on a thread of its own until the server closes it.
    func startReading() {
        let handle = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            var pending: [UInt8] = []
            // availableData returns what has arrived (read(upToCount:) may wait for the whole count).
            while case let data = handle.availableData, !data.isEmpty {
                pending += data
                while let end = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[..<end], as: UTF8.self)
                    pending.removeSubrange(...end)
                    condition.withLock {
                        lines.append(line)
                        condition.broadcast()
                    }
                }
            }
        }
    }

    /// The first line after the first `skipping` lines that contains every one of `parts`; nil
    /// if none comes within `timeout` seconds.
    func waitForLine(containing parts: [String], skipping: Int = 0, timeout: TimeInterval = 30) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        return condition.withLock {
            var checked = skipping
            while true {
                while checked < lines.count {
                    let line = lines[checked]
                    checked += 1
                    if parts.allSatisfy(line.contains) { return line }
                }
                guard condition.wait(until: deadline) else { return nil }
            }
        }
    }

    /// How many lines have come so far.
    var count: Int { condition.withLock { lines.count } }
}
