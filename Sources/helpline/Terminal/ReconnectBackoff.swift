import Foundation

/// How long to wait before each reconnection attempt: doubling from `first` up to `maximum`,
/// each delay scaled by a random factor in [0.5, 1) so that chats dropped together by a server
/// restart do not all come back in the same instant.
struct ReconnectBackoff: Equatable {
    var first: TimeInterval = 0.25
    var maximum: TimeInterval = 4
    /// Attempts since the last success.
    private(set) var attempts = 0

    /// The delay before the next attempt.
    /// - Parameter random: A number in [0, 1); tests pass a fixed one.
    mutating func nextDelay(random: Double = .random(in: 0..<1)) -> TimeInterval {
        let base = min(maximum, first * pow(2, Double(min(attempts, 30))))
        attempts += 1
        return base * (0.5 + random / 2)
    }

    mutating func reset() {
        attempts = 0
    }
}
