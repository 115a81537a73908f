import Foundation

/// The terminal chat's side of the protocol: what to send for what the user typed, what each
/// server frame means, and what is still waiting for a reply. No sockets, no terminal.
///
/// It outlives connections. When one drops, ``disconnected()`` stops the clocks; the next
/// ``connected()`` says hello with the session, and the welcome sends everything still unanswered
/// again, so a question typed before (or while) the connection dropped is not lost.
struct Conversation: Equatable {
    /// Where the connection is in the protocol.
    enum Phase: Equatable {
        case offline
        /// Hello sent; `resuming` when it named an earlier session.
        case greeting(resuming: Bool)
        case ready
    }

    /// A frame sent (or to be sent) whose delivery matters.
    struct Pending: Equatable {
        var frame: ClientFrame
        /// When it went out on the current connection; nil while offline.
        var sentAt: Date?
    }

    /// Something for the user to see.
    enum Output: Equatable {
        /// The server's welcome; `resumed` is nil on the first connection, else whether the
        /// earlier conversation continues.
        case welcome(ServerFrame.User?, resumed: Bool?, resent: Int)
        /// An answer, clarify, escalation or error.
        case reply(ServerFrame)
        /// The server refused the hello (a bad or expired token).
        case refused(ServerFrame)
        case note(Note)
    }

    /// What the chat says itself.
    enum Note: Equatable {
        case help
        case thanks
        case nothingToRate
        /// `/human` with no question asked yet.
        case askFirst
        case unknownCommand(String, suggestion: String?)
        /// A number picked a clarify suggestion: asking about this title.
        case choosing(String)
        /// Not connected: the message goes out once the chat reconnects.
        case willSend
        /// The server no longer has the conversation (a new database): a new one starts.
        case conversationLost
        /// No reply to the message with this id within the timeout.
        case noReply(String)
        /// The connection dropped; the chat is reconnecting.
        case connectionLost
    }

    /// What to do next: frames to send, things to show, whether to leave.
    struct Step: Equatable {
        var send: [ClientFrame] = []
        var show: [Output] = []
        var quit = false
    }

    let token: String?
    let locale: String?
    private(set) var phase = Phase.offline
    private(set) var session: String?
    private(set) var user: ServerFrame.User?
    /// Unanswered questions and undelivered feedback, oldest first.
    private(set) var pending: [Pending] = []
    /// The id of the last answer, for `/helpful` and `/unhelpful`.
    private(set) var lastAnswerID: String?
    private(set) var lastQuestion: String?
    /// The last clarify's suggestions; typing a number picks one.
    private(set) var suggestions: [ServerFrame.Suggestion] = []
    private var nextNumber = 1

    init(token: String? = nil, locale: String? = nil) {
        self.token = token
        self.locale = locale
    }

    /// Whether a reply is awaited on the current connection.
    var isWaitingForReply: Bool { pending.contains { $0.sentAt != nil && $0.frame.replyID != nil } }

    /// The hello for a new connection: with the session, if there was one, to resume it.
    mutating func connected() -> ClientFrame {
        phase = .greeting(resuming: session != nil)
        return .hello(token: token, session: session, locale: locale)
    }

    mutating func disconnected() {
        phase = .offline
        for index in pending.indices { pending[index].sentAt = nil }
    }

    /// What one entered line leads to.
    mutating func submit(_ command: ChatCommand, now: Date) -> Step {
        var step = Step()
        switch command {
        case .ask(let text):
            var question = text
            if let number = Int(text), suggestions.indices.contains(number - 1) {
                question = suggestions[number - 1].title
                step.show.append(.note(.choosing(question)))
            }
            lastQuestion = question
            enqueue(.ask(id: takeID(), text: question), now: now, into: &step)
        case .helpful, .unhelpful:
            guard let answer = lastAnswerID else {
                step.show.append(.note(.nothingToRate))
                break
            }
            lastAnswerID = nil
            enqueue(.feedback(replyTo: answer, helpful: command == .helpful), now: now, into: &step)
            if command == .helpful { step.show.append(.note(.thanks)) }
        case .human(let about):
            // The text goes along: after a reconnect the server no longer knows the last question.
            guard let question = about ?? lastQuestion else {
                step.show.append(.note(.askFirst))
                break
            }
            enqueue(.escalate(id: takeID(), text: question), now: now, into: &step)
        case .help:
            step.show.append(.note(.help))
        case .quit:
            step.quit = true
        case .unknown(let name, let suggestion):
            step.show.append(.note(.unknownCommand(name, suggestion: suggestion)))
        }
        return step
    }

    /// What a frame from the server leads to.
    mutating func receive(_ frame: ServerFrame, now: Date) -> Step {
        guard case .greeting(let resuming) = phase else { return reply(frame) }
        switch (frame.type, frame.code) {
        case ("welcome", _):
            let resumed = resuming ? frame.session == session : nil
            session = frame.session
            user = frame.user
            var step = becomeReady(now: now)
            step.show.insert(.welcome(frame.user, resumed: resumed, resent: step.send.count), at: 0)
            return step
        case ("error", "session_not_found") where resuming:
            session = nil
            return Step(send: [connected()], show: [.note(.conversationLost)])
        case ("error", _) where frame.replyTo == nil:
            // The server keeps the connection, anonymous; whoever shows this decides whether to go on.
            var step = becomeReady(now: now)
            step.show.insert(.refused(frame), at: 0)
            return step
        default:
            return reply(frame)
        }
    }

    /// Gives up on replies older than `timeout`; returns a note for each.
    mutating func expire(now: Date, timeout: TimeInterval) -> Step {
        var step = Step()
        pending.removeAll { item in
            guard let sentAt = item.sentAt, let id = item.frame.replyID, now.timeIntervalSince(sentAt) >= timeout else { return false }
            step.show.append(.note(.noReply(id)))
            return true
        }
        return step
    }

    /// When the oldest awaited reply times out; nil when none is awaited.
    func replyDeadline(timeout: TimeInterval) -> Date? {
        pending.compactMap { $0.frame.replyID == nil ? nil : $0.sentAt }.min()?.addingTimeInterval(timeout)
    }

    private mutating func takeID() -> String {
        defer { nextNumber += 1 }
        return String(nextNumber)
    }

    /// Sends at once when ready; otherwise keeps it for the next welcome.
    private mutating func enqueue(_ frame: ClientFrame, now: Date, into step: inout Step) {
        guard phase == .ready else {
            pending.append(Pending(frame: frame, sentAt: nil))
            step.show.append(.note(.willSend))
            return
        }
        step.send.append(frame)
        if frame.replyID != nil { pending.append(Pending(frame: frame, sentAt: now)) }
    }

    /// Ready: everything pending goes out (again), in order.
    private mutating func becomeReady(now: Date) -> Step {
        phase = .ready
        let step = Step(send: pending.map(\.frame))
        pending = pending.filter { $0.frame.replyID != nil }.map { Pending(frame: $0.frame, sentAt: now) }
        return step
    }

    private mutating func reply(_ frame: ServerFrame) -> Step {
        if let id = frame.replyTo, let index = pending.firstIndex(where: { $0.frame.replyID == id }) {
            pending.remove(at: index)
            switch frame.type {
            case "answer":
                lastAnswerID = id
                suggestions = []
            case "clarify":
                lastAnswerID = nil
                suggestions = frame.suggestions ?? []
            case "escalation":
                lastAnswerID = nil
                suggestions = []
            default:
                break
            }
        }
        return Step(show: [.reply(frame)])
    }
}
