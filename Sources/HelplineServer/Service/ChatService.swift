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
    /// Where tickets go; without it, entitled users get self-service too.
    let tickets: TicketStore?
    let classifier = PriorityClassifier()
    let sameProblem = SameProblem()
    /// Tickets one user may open in 24 hours; more are answered with self-service and a reason.
    let dailyTicketLimit: Int
    /// Where questions without a helpful answer go for support leads; nil records none.
    let review: ReviewLog?
    /// Called after a ticket commits, to wake webhook delivery; must not block.
    let ticketOpened: (@Sendable () -> Void)?
    let personRequest = PersonRequest()
    let composer: ReplyComposer
    let verifier: IdentityTokenVerifier?
    let metrics: ServerMetrics
    let logger: Logger

    init(
        index: KnowledgeIndex, conversations: ConversationStore, accounts: AccountDirectory? = nil,
        tickets: TicketStore? = nil, review: ReviewLog? = nil, dailyTicketLimit: Int = 5,
        ticketOpened: (@Sendable () -> Void)? = nil, policy: Policy, verifier: IdentityTokenVerifier?, metrics: ServerMetrics,
        logger: Logger
    ) {
        self.tickets = tickets
        self.review = review
        self.ticketOpened = ticketOpened
        self.dailyTicketLimit = dailyTicketLimit
        self.index = index
        self.conversations = conversations
        self.accounts = accounts
        self.logger = logger
        composer = ReplyComposer(policy: policy)
        self.verifier = verifier
        self.metrics = metrics
        // Read the word-frequency lists and thesauri now, not on the service thread when the
        // first question in each language arrives.
        for language in Language.allCases where WordFrequencies.shipped(for: language).isEmpty {
            logger.warning("no word-frequency list for \(language.locale) next to the executable: everyday words weigh as much as subjects")
        }
        for language in Language.allCases where Thesaurus.system(for: language) == nil {
            logger.warning("no thesaurus for \(language.locale) (install mythes-en-us / mythes-da, or set HELPLINE_THESAURUS_DIR): words no article uses find no synonyms")
        }
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
            case .escalate(let id, let text):
                guard let question = text ?? connection.recentQuestions.last else {
                    throw ProtocolError(code: .badRequest, message: "'escalate' needs 'text', or a question asked before", replyTo: id)
                }
                return [try escalateRequest(question, id: id, on: connection, now: now, cause: .personRequested)]
            case .feedback(let replyTo, let helpful):
                guard let question = try connection.answeredQuestions[replyTo]
                    ?? conversations.question(connection.session, clientID: replyTo) else {
                    throw ProtocolError(code: .badRequest, message: "no answer with id '\(replyTo.prefix(40))' in this chat", replyTo: replyTo)
                }
                record("feedback") { try conversations.recordFeedback(connection.session, replyTo: replyTo, helpful: helpful, now: now) }
                guard !helpful else { return [] }
                // An unhelpful answer is escalated as if its question had no match.
                return [try escalateRequest(question, id: replyTo, on: connection, now: now, cause: .unhelpful)]
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
            // One code for every bad token, as the protocol promises; the message says which problem.
            throw ProtocolError(code: .invalidToken, message: error.message)
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
        if personRequest.matches(question, language: connection.locale.flatMap(Language.init(locale:))) {
            // "Talk to a human": the earlier question is what the person should see, if there is one.
            let topic = connection.recentQuestions.last ?? question
            connection.remember(question)
            return try escalateRequest(topic, id: id, on: connection, now: now, cause: .personRequested)
        }
        let started = ContinuousClock.now
        let searched = try index.search(question, locale: connection.locale)
        let elapsed = ContinuousClock.now - started
        metrics.recordSearch(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        // An outage report needs a person, not an article, whoever reports it: handed over
        // before a clarification could be offered, so none is left open behind the hand-over.
        let outage = OutageReport(question, locale: searched.locale, classifier: classifier)
        let (result, unresolved) = connection.followingClarify(question, searched: searched.handingOver(outage))
        if let unresolved { recordUnresolved(unresolved, on: connection, now: now) }
        if let id { connection.answeredQuestions[id] = question }
        let reply = if let outage {
            try escalate(question, result: result, id: id, on: connection, now: now, outage: outage)
        } else if result.decision == .noMatch {
            try escalate(question, result: result, id: id, on: connection, now: now, cause: .noAnswer)
        } else {
            composer.reply(to: result, replyTo: id)
        }
        connection.remember(question)
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

    /// Escalates `question` whatever the help center has: the user asked for a person, or the
    /// answer did not help. The closest articles still go to self-service.
    private func escalateRequest(
        _ question: String, id: String?, on connection: ChatConnection, now: Date, cause: SelfServiceCause
    ) throws -> ServerMessage {
        // Escalated, the question is recorded for review below; its clarify needs no record of its own.
        _ = connection.endClarify()
        var result = try index.search(question, locale: connection.locale)
        result.decision = .noMatch
        let reply = try escalate(question, result: result, id: id, on: connection, now: now, cause: cause)
        metrics.recordReply(type: reply.type)
        return .reply(reply)
    }

    /// Called when a chat's connection has closed: a clarify left open there was never resolved.
    func chatClosed(_ connection: ChatConnection, now: Date = Date()) {
        if let unresolved = connection.endClarify() { recordUnresolved(unresolved, on: connection, now: now) }
    }

    /// Records a clarify the user moved on from without choosing, for support leads to review.
    private func recordUnresolved(_ clarify: ChatConnection.OpenClarify, on connection: ChatConnection, now: Date) {
        record("the unresolved clarify") {
            try review?.record(
                .init(question: clarify.question, terms: index.terms(of: clarify.question, locale: clarify.locale),
                      locale: clarify.locale, identity: connection.identity, conversation: connection.session,
                      reason: "clarify", outcome: "clarify", ticketID: nil, closestArticles: clarify.suggestions.map(\.id)),
                weight: index.weight(of:), now: now)
        }
    }

    /// What the user's plan and role entitle them to: a ticket (opened and committed before the
    /// reply is made) or self-service.
    ///
    /// The account directory is read again here, so a downgrade applies to a chat already open.
    /// An ``OutageReport`` makes the cause `.outage`, whatever `cause` says.
    private func escalate(
        _ question: String, result: SearchResult, id: String?, on connection: ChatConnection, now: Date,
        cause: SelfServiceCause = .noAnswer, outage: OutageReport? = nil
    ) throws -> Reply {
        // Analysed once: same-problem matching and review grouping both use the terms.
        let terms = index.terms(of: question, locale: result.locale)
        let cause = outage == nil ? cause : .outage
        let (reply, ticketID) = try decideEscalation(
            question, terms: terms, result: result, id: id, on: connection, now: now, outage: outage, cause: cause)
        record("the unanswered question") {
            let outcome: String = if case .escalation(let escalation) = reply { escalation.outcome.rawValue } else { reply.type }
            try review?.record(
                .init(question: question, terms: terms, locale: result.locale, identity: connection.identity,
                      conversation: connection.session, reason: Self.reviewReason(for: cause), outcome: outcome, ticketID: ticketID,
                      closestArticles: result.matches.map(\.id)),
                weight: index.weight(of:), now: now)
        }
        return reply
    }

    private func decideEscalation(
        _ question: String, terms: [String], result: SearchResult, id: String?, on connection: ChatConnection, now: Date,
        outage: OutageReport?, cause: SelfServiceCause
    ) throws -> (Reply, Int64?) {
        let identity = try accounts?.applying(to: connection.identity) ?? connection.identity
        switch composer.policy.escalation(for: identity) {
        case .selfService(let paidAccountMember):
            let offered = try selfServiceArticles(question, result: result, outage: outage)
            return (composer.selfService(offered, replyTo: id, paidAccountMember: paidAccountMember, cause: cause), nil)
        case .ticket(let channels):
            guard let tickets else {
                return (composer.selfService(try selfServiceArticles(question, result: result, outage: outage), replyTo: id,
                                             cause: cause), nil)
            }
            // The same problem asked again goes to the open ticket instead of a new one.
            if let existing = try tickets.unsolved(for: identity).first(where: {
                sameProblem.matches(terms, index.terms(of: $0.question, locale: result.locale), weight: index.weight(of:))
            }) {
                try tickets.addFollowUp(existing.id, question: question, now: now)
                return (composer.ticketUpdated(summary(of: existing), locale: result.locale, replyTo: id), existing.id)
            }
            if try tickets.openedCount(for: identity, since: now.addingTimeInterval(-24 * 3600)) >= dailyTicketLimit {
                let offered = try selfServiceArticles(question, result: result, outage: outage)
                return (composer.ticketLimitReached(offered, replyTo: id, limit: dailyTicketLimit, cause: cause), nil)
            }
            let priority = outage?.assessment ?? classifier.classify(
                question, conversation: connection.recentQuestions, language: Language(locale: result.locale))
            let ticket = try tickets.open(
                .init(identity: identity, conversation: connection.session, question: question, priority: priority,
                      channels: channels),
                now: now)
            logger.info("ticket opened", metadata: ["ticket": "\(ticket.reference)", "priority": "\(ticket.priority)"])
            ticketOpened?()
            let summary = summary(of: ticket)
            return (composer.ticketOpened(summary, locale: result.locale, replyTo: id), ticket.id)
        }
    }

    /// The review log's reason for an escalation: an outage report, like a question without an
    /// answer, is `no_match` (the log's reasons are fixed by its schema).
    private static func reviewReason(for cause: SelfServiceCause) -> String {
        switch cause {
        case .noAnswer, .outage: "no_match"
        case .unhelpful: "unhelpful"
        case .personRequested: "person"
        }
    }

    /// What self-service offers besides the policy's resources: the closest articles, the closest
    /// QuickStart guide, and for an outage report the help center's status article first.
    private func selfServiceArticles(_ question: String, result: SearchResult, outage: OutageReport?) throws -> SearchResult {
        var offered = result
        if let guide = try index.closestGuide(to: question, locale: result.locale),
           !offered.matches.contains(where: { $0.id == guide.id }) {
            offered.matches.append(guide)
        }
        return outage == nil ? offered : offered.leading(with: try index.statusArticle(locale: result.locale))
    }

    private func summary(of ticket: TicketRecord) -> Reply.TicketSummary {
        Reply.TicketSummary(
            id: ticket.reference, priority: ticket.priority, priorityName: composer.policy.priority(level: ticket.priority).name,
            responseDue: ticket.dueAt, channels: ticket.channels)
    }
}
