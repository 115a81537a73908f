import Foundation
import HelplineCore

/// `GET /dev/token` in development mode (`helpline serve --dev`): an identity token for whoever
/// asks, so the demo page and the review dashboard can sign in without a host application.
///
/// Only a server started with `--dev` has a signer; any other answers this path with 404 and
/// never mints a token.
enum DevTokenRoute {
    static let path = "/dev/token"
    /// The longest lifetime a development token may ask for: a day.
    static let maximumTTL = 86_400

    /// `?plan=free&role=member&sub=dev-<random>&account=dev-account&ttl=3600`, every parameter optional.
    static func token(for request: HTTPRequest, signer: IdentityTokenSigner, now: Date) throws(APIError) -> HTTPResponse {
        guard request.method == .get || request.method == .head else { throw .methodNotAllowed([.get, .head]) }
        let plan = request.query("plan") ?? "free"
        guard IdentityTokenVerifier.plans.contains(plan) else {
            throw .badRequest("'plan' takes one of: \(IdentityTokenVerifier.plans.joined(separator: ", "))")
        }
        let role = request.query("role") ?? "member"
        guard IdentityTokenVerifier.roles.contains(role) else {
            throw .badRequest("'role' takes one of: \(IdentityTokenVerifier.roles.joined(separator: ", "))")
        }
        let sub = request.query("sub") ?? "dev-\(UUID().uuidString.lowercased().prefix(8))"
        let account = request.query("account") ?? "dev-account"
        guard (1...200).contains(sub.utf8.count), (1...200).contains(account.utf8.count) else {
            throw .badRequest("'sub' and 'account' take 1 to 200 characters")
        }
        let ttl = try APIQuery.integer("ttl", request.query("ttl"), in: 1...maximumTTL) ?? 3600
        // Whole seconds, as the token's `exp` claim holds them.
        let expires = Date(timeIntervalSince1970: (now.timeIntervalSince1970 + Double(ttl)).rounded(.down))
        let token = signer.sign(Identity(userID: sub, account: account, plan: plan, role: role), expires: expires)
        return .json(200, Minted(token: token, expiresAt: expires))
    }

    private struct Minted: Encodable {
        var token: String
        var expiresAt: Date
    }
}
