/// Why a user is pointed to self-service, which is what the reply's first sentence says.
public enum SelfServiceCause: Sendable, Equatable {
    /// The help center has no answer: "I couldn't find an answer in the help center."
    case noAnswer
    /// An ``OutageReport``: no article fixes an outage, and the status article comes first.
    case outage
    /// The user said the answer did not help; saying that nothing was found would be untrue.
    case unhelpful
    /// The user asked for a person, which their plan does not include (or not today).
    case personRequested
}
