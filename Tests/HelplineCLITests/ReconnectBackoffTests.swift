import Foundation
import Testing
@testable import helpline

/// Reconnecting: delays double up to a cap, jittered down by at most half, and start over after
/// a success.
struct ReconnectBackoffTests {
    @Test(arguments: [(0.0, [0.125, 0.25, 0.5, 1, 2, 2]), (0.999_999, [0.25, 0.5, 1, 2, 4, 4])])
    func delaysDoubleUpToTheCap(random: Double, expected: [TimeInterval]) {
        var backoff = ReconnectBackoff()
        let delays = expected.indices.map { _ in backoff.nextDelay(random: random) }
        for (delay, want) in zip(delays, expected) {
            #expect(abs(delay - want) < 0.001, "\(delays)")
        }
        backoff.reset()
        let afterReset = backoff.nextDelay(random: random)
        #expect(abs(afterReset - expected[0]) < 0.001)
    }
}

/// The history file: private, appended line by line, and optional.
struct HistoryFileTests {
    @Test func appendsAndLoadsTheNewestEntriesPrivately() throws {
        let folder = try TemporaryDirectory()
        let file = HistoryFile(url: folder.url.appendingPathComponent("history"))
        for line in ["one", "two", "three", "with\nnewline"] { file.append(line) }
        #expect(file.load(limit: 2) == ["two", "three"], "a line with a newline is not kept")
        let attributes = try FileManager.default.attributesOfItem(atPath: file.url.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func aFileFarOverTheLimitIsCutBack() throws {
        let folder = try TemporaryDirectory()
        let file = HistoryFile(url: folder.url.appendingPathComponent("history"))
        for number in 1...7 { file.append("q\(number)") }
        #expect(file.load(limit: 3) == ["q5", "q6", "q7"])
        let kept = try String(contentsOf: file.url, encoding: .utf8)
        #expect(kept == "q5\nq6\nq7\n")
    }

    @Test(arguments: [
        (["HELPLINE_HISTORY": "/tmp/h", "HOME": "/home/a"], "/tmp/h"),
        (["HOME": "/home/a"], "/home/a/.helpline_history"),
        (["HELPLINE_HISTORY": "", "HOME": "/home/a"], nil),
        ([:], nil),
    ] as [([String: String], String?)])
    func theEnvironmentChoosesTheFile(environment: [String: String], path: String?) {
        #expect(HistoryFile.configured(environment: environment)?.url.path == path)
    }
}
