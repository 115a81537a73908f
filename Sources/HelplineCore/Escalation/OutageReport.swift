/// A question that reports the service down for everyone: the policy's priority 1, affecting
/// more than the user who asks.
///
/// Such a report needs a person, not an article, even when an article shares its words ("Parlo
/// is down for our whole company and nobody can join any meeting" is no question about who may
/// record meetings) or talks about outages. Whoever asks, the assistant hands it over: users
/// entitled to tickets get a priority-1 ticket, everyone else self-service that says it sounds
/// like an outage. `helpline ask` and `helpline eval` decide the same way as the chat, so the
/// evaluation measures what users get.
///
/// Only an outage for everyone hands over: a problem for one user, even one who has tried
/// everything ("I can't log in, I tried everything", priority 1 too), or with one feature has
/// articles that help, and gets them; "not helpful" still leads to a person.
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
        guard assessment.level == 1, assessment.isOutageForEveryone else { return nil }
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
