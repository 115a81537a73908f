import Foundation
import HelplineCore
import HelplineStore
import Logging

/// The chat protocol's decisions for one message: who the user is, what to reply. No sockets.
///
/// Confined to the service thread: the index's SQLite connection belongs to it.
final class ChatService {
    let index: KnowledgeIndex
    let conversations: ConversationStore
    /// The operator's account directory; its plans override tokens' plans.
    let accounts: AccountDirectory?
    let composer: ReplyComposer
    let verifier: IdentityTokenVerifier?
    let metrics: ServerMetrics
    let logger: Logger

    init(
        index: KnowledgeIndex, conversations: ConversationStore, accounts: AccountDirectory? = nil, policy: Policy,
        verifier: IdentityTokenVerifier?, metrics: ServerMetrics, logger: Logger
    ) {
        self.index = index
        self.conversations = conversations
        self.accounts = accounts
        self.logger = logger
        composer = ReplyComposer(policy: policy)
        self.verifier = verifier
        self.metrics = metrics
    }

    /// The frames that answer one complete text message, in order.
    func handle(_ text: String, on connection: ChatConnection, now: Date = Date()) -> [ServerMessage] {
        do {
            switch try ClientMessage.decode(text) {
            case .hello(let token, let session, let locale):
                let identity = try identity(from: token, now: now)
                if let session, session != connection.session || connection.conversationBegun {
                    // Only the conversation's own user may continue it; anyone else's reads as missing.
                    guard try conversations.canResume(session, as: identity) else {
                        throw ProtocolError(code: .sessionNotFound, message: "no conversation '\(session.prefix(60))' to continue for this user")
                    }
                    connection.session = session
                } else if session == nil, connection.conversationBegun,
                          ConversationStore.userKey(for: identity) != ConversationStore.userKey(for: connection.identity) {
                    // Another user on the same socket starts a conversation of their own.
                    connection.startNewConversation()
                }
                connection.identity = identity
                connection.locale = locale
                try conversations.begin(connection.session, identity: identity, now: now)
                connection.conversationBegun = true
                return [welcome(connection)]
            case .ask(let id, let question):
                return [try answer(question, id: id, on: connection, now: now)]
            case .feedback(let replyTo, let helpful):
                guard let question = try connection.answeredQuestions[replyTo]
                    ?? conversations.question(connection.session, clientID: replyTo) else {
                    throw ProtocolError(code: .badRequest, message: "no answer with id '\(replyTo.prefix(40))' in this chat", replyTo: replyTo)
                }
                record("feedback") { try conversations.recordFeedback(connection.session, replyTo: replyTo, helpful: helpful, now: now) }
                guard !helpful else { return [] }
                // An unhelpful answer is treated like a question without a match.
                return [try escalate(question, id: replyTo, locale: connection.locale)]
            }
        } catch let error as ProtocolError {
            metrics.recordError(code: error.code.rawValue)
            return [.error(error)]
        } catch {
            metrics.recordError(code: ProtocolError.Code.internalError.rawValue)
            return [.error(ProtocolError(code: .internalError, message: "something went wrong; please ask again"))]
        }
    }

    func welcome(_ connection: ChatConnection) -> ServerMessage {
        let entitled = !composer.policy.channels(plan: connection.identity.plan, role: connection.identity.role).isEmpty
        return .welcome(session: connection.session, identity: connection.identity, entitled: entitled)
    }

    private func identity(from token: String?, now: Date) throws -> Identity {
        guard let token else { return .anonymous }
        guard let verifier else {
            throw ProtocolError(code: .invalidToken, message: "this server accepts no identity tokens (no secret configured)")
        }
        let verified: Identity
        do {
            verified = try verifier.verify(token, now: now)
        } catch {
            throw ProtocolError(code: .invalidToken, message: error.description)
        }
        // The directory knows about downgrades before the token expires.
        return try accounts?.applying(to: verified) ?? verified
    }

    /// Runs a transcript write; a failure is logged, not shown: the reply itself is still right.
    private func record(_ what: String, _ write: () throws -> Void) {
        do {
            try write()
        } catch {
            logger.error("could not record \(what): \(error)")
        }
    }

    private func answer(_ question: String, id: String?, on connection: ChatConnection, now: Date) throws -> ServerMessage {
        metrics.questions += 1
        let started = ContinuousClock.now
        let result = try index.search(question, locale: connection.locale)
        let elapsed = ContinuousClock.now - started
        metrics.recordSearch(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        if let id { connection.answeredQuestions[id] = question }
        let reply = composer.reply(to: result, replyTo: id)
        metrics.recordReply(type: reply.type)
        record("the exchange") {
            if !connection.conversationBegun {
                try conversations.begin(connection.session, identity: connection.identity, now: now)
                connection.conversationBegun = true
            }
            try conversations.recordExchange(
                connection.session, clientID: id, question: question, reply: reply, confidence: result.confidence,
                articles: result.decision == .noMatch ? [] : result.matches.map(\.id), now: now)
        }
        return .reply(reply)
    }

    private func escalate(_ question: String, id: String, locale: String?) throws -> ServerMessage {
        var result = try index.search(question, locale: locale)
        result.decision = .noMatch
        let reply = composer.reply(to: result, replyTo: id)
        metrics.recordReply(type: reply.type)
        return .reply(reply)
    }
}
