import Foundation
import HelplineCore
import HelplineStore

/// Who may use the API: the bearer of a valid identity token whose role is `lead`.
///
/// The token is checked as a chat's is (``IdentityTokenVerifier``), and the account directory,
/// when it knows the account, decides the plan as it does for chats; the role is the token's.
/// Confined to the service thread, like the directory's connection.
struct APIAuthorization {
    /// Nil when the server has no identity secret: then no token is valid.
    let verifier: IdentityTokenVerifier?
    let accounts: AccountDirectory?

    /// The support lead the `Authorization` header proves.
    ///
    /// - Throws: ``APIError``: 401 `unauthorized` without a bearer token, 401 `invalid_token` for
    ///   a token that does not verify, 403 `forbidden` for a valid token of another role; the
    ///   account directory's own errors as they are, for the router to log and answer with a 500.
    func lead(authorization: String?, now: Date) throws -> Identity {
        guard let token = Self.bearerToken(authorization) else {
            throw APIError.unauthorized("send 'Authorization: Bearer <token>' with a support lead's identity token")
        }
        guard let verifier else {
            throw APIError.invalidToken("this server accepts no identity tokens (no secret configured)")
        }
        let verified: Identity
        do {
            verified = try verifier.verify(token, now: now)
        } catch {
            // One code for every bad token, expired ones included, as docs/API.md says; the message tells which.
            throw APIError.invalidToken(error.message)
        }
        let identity = try accounts?.applying(to: verified) ?? verified
        guard identity.role == "lead" else {
            throw APIError.forbidden("the API is for support leads; this token's role is '\(identity.role)'")
        }
        return identity
    }

    /// The token of `Bearer <token>` (the scheme in any case, RFC 7235); nil for anything else.
    static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
