import Foundation
internal import Crypto

/// The `X-Helpline-Signature` header of a webhook: `sha256=` and the hex HMAC-SHA256 of the body.
///
/// A receiver recomputes it with the shared secret and compares in constant time before
/// trusting the ticket.
public enum WebhookSignature {
    public static let header = "X-Helpline-Signature"

    public static func sign(_ body: [UInt8], secret: [UInt8]) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: secret))
        return "sha256=" + code.map { String(format: "%02x", $0) }.joined()
    }
}
