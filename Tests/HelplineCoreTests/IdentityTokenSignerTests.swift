import Foundation
import HelplineCore
import Testing

/// Tokens minted by ``IdentityTokenSigner`` pass the verifier with the same secret, and only with it.
struct IdentityTokenSignerTests {
    static let secret = Array("signer-test-secret".utf8)
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: [
        Identity(userID: "u-1", account: "acme", plan: "enterprise", role: "admin"),
        Identity(userID: "u-2", account: nil, plan: "free", role: "member"),
    ])
    func roundTrips(identity: Identity) throws {
        let token = IdentityTokenSigner(secret: Self.secret).sign(identity, expires: Self.now.addingTimeInterval(600))
        #expect(try IdentityTokenVerifier(secret: Self.secret).verify(token, now: Self.now) == identity)
    }

    @Test func anotherSecretOrAnExpiredTokenFails() {
        let identity = Identity(userID: "u", account: "a", plan: "pro", role: "owner")
        let token = IdentityTokenSigner(secret: Self.secret).sign(identity, expires: Self.now.addingTimeInterval(600))
        #expect(throws: IdentityTokenError.self) { try IdentityTokenVerifier(secret: Array("other".utf8)).verify(token, now: Self.now) }
        #expect(throws: IdentityTokenError.self) {
            try IdentityTokenVerifier(secret: Self.secret).verify(token, now: Self.now.addingTimeInterval(3600))
        }
    }
}
