import Crypto
import Foundation

/// Identity tokens for tests, signed the way a host application signs them.
///
/// Helpline itself only verifies tokens, so the signer lives here. It can also build tokens that no
/// honest host would: another algorithm, no signature, extra header fields, raw JSON that is not an
/// object, so tests can show each is refused.
enum TestTokens {
    /// The shared secret the tests' verifiers use.
    static let secret = Array("helpline-test-secret-0123456789abcdef".utf8)

    /// 2027-01-15T08:00:00Z, the "now" of tests that don't care about time.
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// How a test token is signed.
    enum Signature: Sendable {
        /// HMAC-SHA256 under the given secret, whatever the header says.
        case hs256
        /// HMAC-SHA512 under the given secret, to pair with `alg: HS512`.
        case hs512
        /// An empty third part, as `alg: none` tokens have.
        case empty
        /// Exactly these bytes.
        case bytes([UInt8])
    }

    /// Claims of a valid Pro owner token that expires an hour after ``now``.
    static func claims(
        sub: String = "user-42", account: String? = "acme", plan: String = "pro", role: String = "owner",
        exp: TimeInterval = now.timeIntervalSince1970 + 3600
    ) -> [String: Any] {
        var claims: [String: Any] = ["sub": sub, "plan": plan, "role": role, "exp": exp]
        if let account { claims["account"] = account }
        return claims
    }
}

/// Builds a compact JWT from `claims`.
///
/// - Parameters:
///   - claims: The payload, a JSON object.
///   - secret: The HMAC key; another secret gives a forged token.
///   - alg: The header's `alg`; nil leaves it out.
///   - header: More header fields (`typ`, `crit`, ...); they replace `alg` if they name it.
///   - signature: How to sign; by default HMAC-SHA256, so `alg` alone changes what the header claims.
/// - Returns: `header.payload.signature`, each part base64url without padding.
func makeToken(
    claims: [String: Any],
    secret: [UInt8] = TestTokens.secret,
    alg: String? = "HS256",
    header: [String: Any] = [:],
    signature: TestTokens.Signature = .hs256
) -> String {
    var fields: [String: Any] = ["typ": "JWT"]
    if let alg { fields["alg"] = alg }
    fields.merge(header) { _, new in new }
    return makeToken(headerJSON: json(fields), payloadJSON: json(claims), secret: secret, signature: signature)
}

/// Builds a compact JWT from raw JSON text, which need not be valid JSON or an object.
func makeToken(
    headerJSON: String,
    payloadJSON: String,
    secret: [UInt8] = TestTokens.secret,
    signature: TestTokens.Signature = .hs256
) -> String {
    let signingInput = base64URL(Array(headerJSON.utf8)) + "." + base64URL(Array(payloadJSON.utf8))
    let key = SymmetricKey(data: secret)
    let mac: [UInt8] = switch signature {
    case .hs256: Array(HMAC<SHA256>.authenticationCode(for: Array(signingInput.utf8), using: key))
    case .hs512: Array(HMAC<SHA512>.authenticationCode(for: Array(signingInput.utf8), using: key))
    case .empty: []
    case .bytes(let bytes): bytes
    }
    return signingInput + "." + base64URL(mac)
}

/// Base64url without padding (RFC 7515 §2).
func base64URL(_ bytes: [UInt8]) -> String {
    Data(bytes).base64EncodedString()
        .replacingOccurrences(of: "+", with: "-")
        .replacingOccurrences(of: "/", with: "_")
        .replacingOccurrences(of: "=", with: "")
}

/// `value` as JSON text with sorted keys, so tokens built twice are equal.
private func json(_ value: [String: Any]) -> String {
    // Only the test's own literals get here; a value JSONSerialization can't encode is a bug in the test.
    let data = try! JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
}
