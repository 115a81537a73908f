import ArgumentParser
import Foundation

/// `helpline chat` at work: one loop on the main thread waits for key presses (or lines), for
/// the server's frames and for signals, and keeps the conversation going across reconnects.
///
/// Three ways to talk: ``Mode/editor`` for a person at a terminal (raw mode, line editing,
/// history, a status row), ``Mode/lines`` for a person at a terminal that cannot place the
/// cursor (`TERM=dumb`), and ``Mode/script`` when standard input is not a terminal: one question
/// per line in, one JSON reply per line out, the next question sent only after the last reply.
final class TerminalChat {
    enum Mode: Equatable {
        case editor
        case lines
        case script
    }

    struct Settings {
        /// The server's address as given, for messages.
        var server: String
        var host: String
        var port: Int
        var path: String
        var token: String?
        var locale: String?
        /// Seconds to wait for each reply; in script mode also for a lost connection to come back.
        var timeout: TimeInterval
        var style: TerminalStyle
        var history: HistoryFile?
    }

    let settings: Settings
    let mode: Mode
    let link: ChatLink
    var conversation: Conversation
    var editor: LineEditor
    var decoder = KeyDecoder()
    /// The status row and prompt; set once the first welcome arrived, in editor mode.
    var screen: PromptScreen?
    private var terminal: RawTerminal?
    private let signals: SignalPipe
    private var backoff = ReconnectBackoff()
    private var retryAt: Date?
    /// Whether a welcome ever arrived: before it, a failed connection ends the chat.
    var welcomed = false
    /// When the connection dropped; nil while connected.
    private var lostAt: Date?
    /// Bytes of a line not yet complete (lines and script modes).
    var partialLine: [UInt8] = []
    /// Lines read but not yet sent (script mode).
    var queuedLines: [String] = []
    var inputEnded = false
    /// Set to end the loop: the process's exit status.
    var exitStatus: Int32?
    var failure: CommandFailure?

    init(settings: Settings, mode: Mode) throws {
        self.settings = settings
        self.mode = mode
        link = try ChatLink(host: settings.host, port: settings.port, path: settings.path)
        conversation = Conversation(token: settings.token, locale: settings.locale)
        let limit = 500
        editor = LineEditor(history: LineHistory(entries: mode == .editor ? settings.history?.load(limit: limit) ?? [] : [], limit: limit))
        signals = try SignalPipe(signals: [SIGWINCH, SIGTERM, SIGHUP, SIGINT])
    }

    /// Runs until the user leaves, input ends (script mode), or the chat fails.
    func run() throws {
        defer {
            screen?.finish()
            terminal?.restore()
            link.shutdown()
        }
        link.connect()
        while exitStatus == nil {
            try turn()
        }
        if let failure { throw failure }
        link.closeGracefully(within: 2)
        if let exitStatus, exitStatus != 0 { throw ExitCode(exitStatus) }
    }

    /// Waits for the next thing to happen and handles it.
    private func turn() throws {
        var descriptors = [
            pollfd(fd: link.wakeDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: signals.readDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        if wantsInput { descriptors.append(pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)) }
        let ready = poll(&descriptors, nfds_t(descriptors.count), pollTimeout(now: Date()))
        guard ready >= 0 || errno == EINTR else { throw CommandFailure("poll failed: \(String(cString: strerror(errno)))") }
        for signal in signals.drain() { handle(signal: signal) }
        for event in link.drain() where exitStatus == nil { handle(event) }
        if descriptors.count > 2, descriptors[2].revents != 0, exitStatus == nil { readInput() }
        handleTimers(now: Date())
        if exitStatus == nil { sendQueuedLines() }
        screen?.setStatus(status, editor: editor)
    }

    /// Reads standard input once connected, and in script mode only while nothing is queued.
    private var wantsInput: Bool {
        guard welcomed, !inputEnded else { return false }
        return mode != .script || queuedLines.isEmpty
    }

    /// Milliseconds until the next timer, or -1 for none.
    private func pollTimeout(now: Date) -> Int32 {
        let deadlines = [retryAt, conversation.replyDeadline(timeout: settings.timeout), scriptGiveUp].compactMap { $0 }
        guard let next = deadlines.min() else { return -1 }
        return Int32(max(0, min(3_600_000, (next.timeIntervalSince(now) * 1000).rounded(.up))))
    }

    /// In script mode, when to stop waiting for a lost connection.
    private var scriptGiveUp: Date? {
        mode == .script ? lostAt?.addingTimeInterval(settings.timeout) : nil
    }

    private func handle(signal: Int32) {
        if signal == SIGWINCH {
            screen?.update(editor)
        } else {
            exitStatus = 128 + signal
        }
    }

    private func handle(_ event: ChatLink.Event) {
        switch event {
        case .opened:
            link.send(conversation.connected().json)
        case .message(let text):
            let step = conversation.receive(ServerFrame.read(text), now: Date())
            let welcome = step.show.contains { if case .welcome = $0 { true } else { false } }
            let refused = step.show.contains { if case .refused = $0 { true } else { false } }
            if refused, mode != .script {
                // A person who gave a token meant to be someone: say why and stop, rather than chat anonymously.
                show(step.show)
                exitStatus = 1
                return
            }
            // A script goes on after a refusal, anonymous, as it always did: the error line says why.
            if welcome || refused { connectionEstablished() }
            perform(step)
        case .ended(let reason):
            guard welcomed else {
                fail("cannot reach \(settings.server): \(reason)")
                return
            }
            conversation.disconnected()
            if lostAt == nil {
                lostAt = Date()
                show([.note(.connectionLost)])
            }
            retryAt = Date().addingTimeInterval(backoff.nextDelay())
        }
    }

    /// A welcome arrived: the editor starts on the first, reconnection bookkeeping resets on each.
    private func connectionEstablished() {
        backoff.reset()
        lostAt = nil
        guard !welcomed else { return }
        welcomed = true
        if mode == .editor, let raw = RawTerminal() {
            terminal = raw
            screen = PromptScreen(style: settings.style)
        }
    }

    private func handleTimers(now: Date) {
        if let retryAt, retryAt <= now {
            self.retryAt = nil
            link.connect()
        }
        if let giveUp = scriptGiveUp, giveUp <= now {
            fail("lost the connection to \(link.address) and could not reconnect within \(Int(settings.timeout)) s")
            return
        }
        let expired = conversation.expire(now: now, timeout: settings.timeout)
        if mode == .script, !expired.show.isEmpty {
            fail("no reply from \(link.address) within \(Int(settings.timeout)) s")
            return
        }
        show(expired.show)
    }

    /// Sends the frames a step asks for and shows what it says.
    func perform(_ step: Conversation.Step) {
        for frame in step.send { link.send(frame.json) }
        show(step.show)
        if step.quit { exitStatus = 0 }
    }

    /// What the status row says: waiting for a reply, or for the connection.
    private var status: String? {
        switch conversation.phase {
        case .ready:
            return conversation.isWaitingForReply ? "helpline is typing..." : nil
        case .greeting, .offline:
            let waiting = conversation.pending.count
            return "reconnecting to \(link.address)..." + (waiting == 0 ? "" : " (\(waiting) waiting)")
        }
    }

    private func fail(_ message: String) {
        failure = CommandFailure(message)
        exitStatus = 1
    }
}
