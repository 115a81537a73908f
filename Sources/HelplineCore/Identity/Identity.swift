/// Who is asking: the user, their account, and the plan and role that decide what support they get.
///
/// The host application vouches for an identity by signing a token (see
/// ``IdentityTokenVerifier``); a chat that sends no token is ``anonymous``. Plan and role are
/// plain strings so they can be looked up in ``Policy`` as they are, and an unknown value there
/// grants no channels rather than failing.
///
/// ```swift
/// let identity = try verifier.verify(token, now: Date())
/// Policy.builtIn.channels(plan: identity.plan, role: identity.role)  // [.online] for a Pro owner
/// ```
public struct Identity: Sendable, Equatable {
    /// The host application's id for the user (the token's `sub`); nil when anonymous.
    public var userID: String?
    /// The host application's id for the user's account (the token's `account`), if it named one.
    ///
    /// An account directory in the store, when it knows this account, overrides ``plan``.
    public var account: String?
    /// The subscription plan: `free`, `pro`, `business`, `education`, `enterprise` or `api`.
    public var plan: String
    /// The user's role in the account: `owner`, `admin`, `member`, or `lead` for support leads.
    public var role: String

    public init(userID: String?, account: String?, plan: String, role: String) {
        self.userID = userID
        self.account = account
        self.plan = plan
        self.role = role
    }

    /// A chat without a token: a member of a free account, the identity entitled to least.
    ///
    /// A chat that proves nothing gets the least, so dropping a token can never be worth more than
    /// sending one; a token that fails verification is an error, not a fall back to this.
    public static let anonymous = Identity(userID: nil, account: nil, plan: "free", role: "member")
}
