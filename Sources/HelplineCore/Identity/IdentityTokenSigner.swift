import Foundation
internal import Crypto

/// Mints identity tokens (JWT, HS256) the way a host application does, for integrators,
/// `helpline token` and the demo page in development mode.
///
/// ``IdentityTokenVerifier`` accepts what this produces when both share the secret.
public struct IdentityTokenSigner: Sendable {
    private let secret: [UInt8]

    public init(secret: [UInt8]) {
        self.secret = secret
    }

    /// A token for `identity` that expires at `expires`.
    ///
    /// - Precondition: the identity has a user id; anonymous users need no token.
    public func sign(_ identity: Identity, expires: Date) -> String {
        var claims: [String: Any] = [
            "sub": identity.userID ?? "", "plan": identity.plan, "role": identity.role,
            "exp": Int(expires.timeIntervalSince1970.rounded(.down)),
        ]
        if let account = identity.account { claims["account"] = account }
        let header = Self.base64URL(Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        // JSONSerialization of strings and integers cannot fail.
        let payload = Self.base64URL((try? JSONSerialization.data(withJSONObject: claims, options: [.sortedKeys])) ?? Data())
        let signature = HMAC<SHA256>.authenticationCode(for: Data("\(header).\(payload)".utf8), using: SymmetricKey(data: secret))
        return "\(header).\(payload).\(Self.base64URL(Data(signature)))"
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
