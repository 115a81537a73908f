import Foundation

/// Turns what the search found into the reply the user sees.
///
/// Until escalation decides by plan and role, a question without an answer gets self-service:
/// the closest articles found, then the policy's self-service resources.
public struct ReplyComposer: Sendable {
    public let policy: Policy

    public init(policy: Policy) {
        self.policy = policy
    }

    public func reply(to result: SearchResult, replyTo: String?) -> Reply {
        let wording = ReplyWording(locale: result.locale)
        switch result.decision {
        case .answer:
            guard let best = result.matches.first else { return selfService(result, replyTo: replyTo) }
            return .answer(Reply.Answer(
                replyTo: replyTo, confidence: Self.rounded(result.confidence), text: best.shortAnswer,
                articles: [summary(of: best)]))
        case .clarify:
            return .clarify(Reply.Clarify(
                replyTo: replyTo, text: wording.clarify,
                suggestions: result.matches.map { Reply.Suggestion(id: $0.id, title: $0.title) }))
        case .noMatch:
            return selfService(result, replyTo: replyTo)
        }
    }

    /// Self-service for a question without an answer: the closest articles found, then the
    /// policy's resources; members of paid accounts learn that their owner or admin can reach support.
    ///
    /// The first sentence says why (`cause`): nothing found, an outage no article fixes, an
    /// answer that did not help, or a request for a person the plan does not include.
    public func selfService(
        _ result: SearchResult, replyTo: String?, paidAccountMember: Bool = false, cause: SelfServiceCause = .noAnswer
    ) -> Reply {
        let wording = ReplyWording(locale: result.locale)
        return selfService(result, replyTo: replyTo, wording: wording, paidAccountMember: paidAccountMember,
                           opening: wording.opening(for: cause), meanwhile: cause == .outage)
    }

    /// The reply for a ticket that has been opened (and committed).
    public func ticketOpened(_ ticket: Reply.TicketSummary, locale: String, replyTo: String?) -> Reply {
        let wording = ReplyWording(locale: locale)
        return .escalation(Reply.Escalation(
            replyTo: replyTo, outcome: .ticket, text: wording.ticketOpened(ticket), ticket: ticket, resources: nil))
    }

    /// The reply when the question was added to the user's open ticket about the same problem.
    public func ticketUpdated(_ ticket: Reply.TicketSummary, locale: String, replyTo: String?) -> Reply {
        let wording = ReplyWording(locale: locale)
        return .escalation(Reply.Escalation(
            replyTo: replyTo, outcome: .ticket, text: wording.ticketUpdated(ticket), ticket: ticket, resources: nil))
    }

    /// Self-service, saying why: the user opened as many tickets today as the limit allows. A
    /// request for a person needs no other reason than the limit.
    public func ticketLimitReached(_ result: SearchResult, replyTo: String?, limit: Int, cause: SelfServiceCause = .noAnswer) -> Reply {
        let wording = ReplyWording(locale: result.locale)
        let opening = cause == .personRequested ? nil : wording.opening(for: cause)
        return selfService(result, replyTo: replyTo, wording: wording, limitReached: wording.limitReached(limit),
                           opening: opening, meanwhile: cause == .outage)
    }

    private func selfService(
        _ result: SearchResult, replyTo: String?, wording: ReplyWording, limitReached: String? = nil,
        paidAccountMember: Bool = false, opening: String?, meanwhile: Bool
    ) -> Reply {
        let closest = result.matches.map { Reply.ResourceLink(title: $0.title, url: $0.url, kind: $0.kind.rawValue) }
        let section = result.matches.first.flatMap(Self.sectionLink)
        let general = policy.selfService.map { Reply.ResourceLink(title: $0.title, url: $0.url, kind: $0.kind) }
        // Who can reach support comes before the list the last sentence introduces.
        let sentences = [limitReached, opening, paidAccountMember ? wording.askYourAdmin : nil,
                         meanwhile ? wording.resourcesMeanwhile : wording.resources]
        let text = sentences.compactMap { $0 }.joined(separator: " ")
        return .escalation(Reply.Escalation(
            replyTo: replyTo, outcome: .selfService, text: text, ticket: nil, resources: closest + (section.map { [$0] } ?? []) + general))
    }

    private func summary(of match: SearchMatch) -> Reply.ArticleSummary {
        Reply.ArticleSummary(id: match.id, title: match.title, snippet: match.snippet, url: match.url, section: match.section)
    }

    /// The help-center section of the closest article: its URL without the last path part
    /// (`.../en/recordings/record-a-meeting` → `.../en/recordings`).
    static func sectionLink(of match: SearchMatch) -> Reply.ResourceLink? {
        guard let url = match.url, let slash = url.lastIndex(of: "/"), url[..<slash].contains("://") else { return nil }
        let name = match.section.replacingOccurrences(of: "-", with: " ")
        return Reply.ResourceLink(title: name.prefix(1).uppercased() + name.dropFirst(), url: String(url[..<slash]), kind: "section")
    }

    /// Three decimals are plenty for a confidence, and keep JSON output short and stable.
    static func rounded(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }
}

/// The sentences a reply is made of, in the question's language.
struct ReplyWording {
    let clarify: String
    let noMatch: String
    let outage: String
    let unhelpful: String
    let personNotIncluded: String
    let resources: String
    let resourcesMeanwhile: String
    let askYourAdmin: String
    private let danish: Bool

    init(locale: String) {
        danish = Language(locale: locale) == .danish
        if danish {
            clarify = "Jeg fandt to artikler, der passer næsten lige godt. Hvilken mener du?"
            noMatch = "Jeg kunne ikke finde et svar i hjælpecentret."
            outage = "Det lyder som et nedbrud, og det kan en artikel ikke løse."
            unhelpful = "Beklager, at det ikke hjalp."
            personNotIncluded = "At tale med en person er ikke inkluderet for din konto."
            resources = "Disse ressourcer kan måske hjælpe:"
            resourcesMeanwhile = "Disse ressourcer kan måske hjælpe imens:"
            askYourAdmin = "Din kontos ejer eller administrator kan kontakte supporten for dig."
        } else {
            clarify = "Two articles fit your question about equally well. Which one do you mean?"
            noMatch = "I couldn't find an answer in the help center."
            outage = "That sounds like an outage, which no help-center article can fix."
            unhelpful = "Sorry that didn't help."
            personNotIncluded = "Talking to a person isn't included for your account."
            resources = "These resources may help:"
            resourcesMeanwhile = "These resources may help meanwhile:"
            askYourAdmin = "Your account's owner or an admin can contact support for you."
        }
    }

    func opening(for cause: SelfServiceCause) -> String {
        switch cause {
        case .noAnswer: noMatch
        case .outage: outage
        case .unhelpful: unhelpful
        case .personRequested: personNotIncluded
        }
    }

    func ticketUpdated(_ ticket: Reply.TicketSummary) -> String {
        danish
            ? "Du har allerede sag \(ticket.id) om det samme; jeg har føjet dit spørgsmål til den. Første svar senest \(ticket.responseDue)."
            : "You already have ticket \(ticket.id) about this; I've added your question to it. First response by \(ticket.responseDue)."
    }

    func limitReached(_ limit: Int) -> String {
        danish
            ? "Du har oprettet \(limit) sager i dag, som er grænsen, så jeg kan ikke oprette flere før i morgen."
            : "You've opened \(limit) tickets today, the daily limit, so I can't open another until tomorrow."
    }

    func ticketOpened(_ ticket: Reply.TicketSummary) -> String {
        danish
            ? "Jeg har oprettet sag \(ticket.id) med prioritet \(ticket.priority) (\(ticket.priorityName)). Du får første svar senest \(ticket.responseDue)."
            : "I've opened ticket \(ticket.id) with priority \(ticket.priority) (\(ticket.priorityName)). You'll get a first response by \(ticket.responseDue)."
    }
}
