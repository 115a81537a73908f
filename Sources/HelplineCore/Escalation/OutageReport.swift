/// A question that reports the service down for everyone, or down with no workaround: the
/// policy's priority 1.
///
/// Such a report needs a person, not an article, even when an article shares its words ("Parlo
/// is down for our whole company and nobody can join any meeting" is no question about who may
/// record meetings) or talks about outages. Whoever asks, the assistant hands it over: users
/// entitled to tickets get a priority-1 ticket, everyone else self-service that says it sounds
/// like an outage. `helpline ask` and `helpline eval` decide the same way as the chat, so the
/// evaluation measures what users get.
///
/// Only priority 1 hands over: a problem for one user ("I can't log in") or with one feature has
/// articles that help, and gets them.
public struct OutageReport: Sendable, Equatable {
    /// The classifier's verdict, level 1, with the cues that decided; kept on the ticket.
    public var assessment: PriorityAssessment

    /// The report in `question`, or nil when it reports no outage for everyone.
    ///
    /// - Parameters:
    ///   - locale: the locale the question was searched in; its language's cues come first.
    ///   - classifier: the chat's classifier, when it has one at hand.
    public init?(_ question: String, locale: String, classifier: PriorityClassifier = PriorityClassifier()) {
        // The question alone decides: an outage reported earlier in a conversation raises the
        // priority of a ticket, but must not turn every later question that has an answer into one.
        let assessment = classifier.classify(question, conversation: [], language: Language(locale: locale))
        guard assessment.level == 1 else { return nil }
        self.assessment = assessment
    }
}

extension OutageReport {
    /// How a user asks for the service's status page, in `language`: the help center's answer to
    /// it leads the self-service an outage report gets, whatever words the report shares with
    /// other articles ("nobody in our company can join" is no question about companies).
    public static func statusQuestion(in language: Language) -> String {
        language == .danish ? "driftsstatus og nedbrud" : "service status and outages"
    }
}

extension SearchResult {
    /// The result as the assistant replies: no match when the question reports an outage, the
    /// closest articles kept for self-service.
    public func handingOver(_ outage: OutageReport?) -> SearchResult {
        guard outage != nil else { return self }
        var handedOver = self
        handedOver.decision = .noMatch
        return handedOver
    }

    /// The result with `match` first among its articles, when there is one.
    public func leading(with match: SearchMatch?) -> SearchResult {
        guard let match else { return self }
        var led = self
        led.matches.removeAll { $0.id == match.id }
        led.matches.insert(match, at: 0)
        return led
    }
}
