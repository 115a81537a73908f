import Testing

@testable import HelplineServer

/// Reload requests, step by step: one reload at a time, requests during a run served by exactly
/// one more, and waiters that leave get nothing.
struct ReloadScheduleTests {
    enum Step {
        /// A request; `starts`: whether a reload starts now.
        case request(Int?, starts: Bool)
        /// The running reload ends: who is answered, and whether the next starts.
        case finish(answers: [Int], startsNext: Bool)
        case drop(Int)
    }

    static func run(_ steps: [Step], _ comment: Comment) {
        var schedule = ReloadSchedule<Int>()
        var running = false
        for (number, step) in steps.enumerated() {
            switch step {
            case .request(let waiter, let starts):
                let started = schedule.request(waiter)
                #expect(started == starts, "step \(number): \(comment)")
                running = running || starts
            case .finish(let answers, let startsNext):
                let (answered, next) = schedule.finish()
                #expect(answered == answers && next == startsNext, "step \(number): \(comment)")
                running = startsNext
            case .drop(let waiter):
                schedule.drop(waiter)
            }
            #expect(schedule.isRunning == running, "step \(number): \(comment)")
        }
    }

    @Test func aRequestWhenIdleStartsAReloadForItsWaiter() {
        Self.run([.request(1, starts: true), .finish(answers: [1], startsNext: false)], "idle")
    }

    @Test func requestsDuringARunShareOneMoreRun() {
        Self.run([
            .request(1, starts: true), .request(2, starts: false), .request(nil, starts: false), .request(3, starts: false),
            // The running reload may have read the folder before 2 and 3 asked.
            .finish(answers: [1], startsNext: true), .finish(answers: [2, 3], startsNext: false),
        ], "coalescing")
    }

    @Test func aSignalAloneReloadsWithNobodyToAnswer() {
        Self.run([
            .request(nil, starts: true), .finish(answers: [], startsNext: false), .request(nil, starts: true),
        ], "signals")
    }

    @Test func aWaiterThatLeftIsNeverAnswered() {
        Self.run([
            .request(1, starts: true), .request(2, starts: false), .drop(1), .drop(2),
            // 2's request still reloads once more: the folder may have changed.
            .finish(answers: [], startsNext: true), .finish(answers: [], startsNext: false),
        ], "hang-ups")
    }
}
