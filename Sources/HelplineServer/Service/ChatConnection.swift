import Foundation
import HelplineCore

/// One chat over WebSocket: who is asking, the message being reassembled, and the frames
/// waiting to go out.
///
/// Confined to the service thread, like everything libwebsockets hands to callbacks.
final class ChatConnection {
    /// Why an outgoing frame could not be queued.
    enum QueueFull: Error { case queueFull }

    var assembler: MessageAssembler
    var identity = Identity.anonymous
    /// The locale the client asked for in `hello`; questions are detected otherwise.
    var locale: String?
    /// The conversation's id, as sent in `welcome`.
    var session: String
    /// Whether the conversation's row exists in the store.
    var conversationBegun = false
    /// The id of the last answer, so that `feedback` can find its question.
    var answeredQuestions: [String: String] = [:]
    /// The last few questions, oldest first: context for the priority of a ticket.
    private(set) var recentQuestions: [String] = []
    /// The last reply's `clarify`, until the user picks a suggestion or moves on.
    var openClarify: OpenClarify?

    func remember(_ question: String) {
        recentQuestions.append(question)
        if recentQuestions.count > 5 { recentQuestions.removeFirst() }
    }

    /// Set when the server shuts down: close once the queue is empty.
    var closing = false

    private var outgoing: [[UInt8]] = []
    private var nextOutgoing = 0
    /// At most this many frames wait to be written; a client that stops reading is dropped
    /// rather than allowed to grow server memory.
    let maximumQueuedFrames: Int

    init(session: String, maximumMessageBytes: Int, maximumQueuedFrames: Int) {
        self.session = session
        assembler = MessageAssembler(maximumBytes: maximumMessageBytes)
        self.maximumQueuedFrames = maximumQueuedFrames
    }

    /// A new, unguessable conversation id: knowing it is what lets an anonymous user resume.
    static func newSessionID() -> String {
        "s-\(UUID().uuidString.lowercased())"
    }

    /// Leaves the current conversation for a new one, forgetting its answers.
    func startNewConversation() {
        session = Self.newSessionID()
        conversationBegun = false
        answeredQuestions = [:]
        openClarify = nil
    }

    var hasOutgoing: Bool { nextOutgoing < outgoing.count }

    func enqueue(_ frame: [UInt8]) throws(QueueFull) {
        guard outgoing.count - nextOutgoing < maximumQueuedFrames else { throw .queueFull }
        outgoing.append(frame)
    }

    /// The next frame to write, in the order queued.
    func dequeue() -> [UInt8]? {
        guard hasOutgoing else { return nil }
        let frame = outgoing[nextOutgoing]
        nextOutgoing += 1
        if nextOutgoing == outgoing.count {
            outgoing.removeAll(keepingCapacity: true)
            nextOutgoing = 0
        }
        return frame
    }
}
