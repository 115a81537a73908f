import Crypto
import Foundation

/// Identity tokens signed the way a host application signs them (HS256 JWTs), plus the forged
/// and unsigned kinds no honest host makes. The signing approach of
/// `Tests/HelplineCoreTests/TestTokens.swift`, cut down to what the end-to-end tests send.
enum TestTokens {
    /// The secret the test servers' verifiers share with the "host application".
    static let secret = Array("helpline-e2e-secret-0123456789abcdef".utf8)

    /// A token for `plan` and `role`, signed with `secret`, expiring `expiresIn` seconds from now
    /// (wall-clock now: the server checks tokens against the real time).
    static func token(
        plan: String = "pro", role: String = "owner", sub: String = "user-42", expiresIn: TimeInterval = 3600,
        secret: [UInt8] = TestTokens.secret, alg: String = "HS256", signed: Bool = true
    ) -> String {
        let claims: [String: Any] = [
            "sub": sub, "account": "acme", "plan": plan, "role": role,
            "exp": Date().timeIntervalSince1970 + expiresIn,
        ]
        let signingInput = base64URL(json(["alg": alg, "typ": "JWT"])) + "." + base64URL(json(claims))
        guard signed else { return signingInput + "." }
        let mac = HMAC<SHA256>.authenticationCode(for: Array(signingInput.utf8), using: SymmetricKey(data: secret))
        return signingInput + "." + base64URL(Array(mac))
    }

    /// Base64url without padding (RFC 7515 §2).
    private static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func json(_ object: [String: Any]) -> [UInt8] {
        // Only the tests' own literals get here.
        Array(try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }
}
