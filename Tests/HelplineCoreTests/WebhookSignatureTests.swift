import HelplineCore
import Testing

struct WebhookSignatureTests {
    /// RFC 4231-style published vector for HMAC-SHA256.
    @Test func matchesTheKnownVector() {
        let signature = WebhookSignature.sign(Array("The quick brown fox jumps over the lazy dog".utf8), secret: Array("key".utf8))
        #expect(signature == "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")
    }

    @Test func dependsOnTheSecretAndTheBody() {
        let body = Array(#"{"id":"HL-1"}"#.utf8)
        #expect(WebhookSignature.sign(body, secret: [1]) != WebhookSignature.sign(body, secret: [2]))
        #expect(WebhookSignature.sign(body, secret: [1]) != WebhookSignature.sign(body + [0x20], secret: [1]))
    }
}
