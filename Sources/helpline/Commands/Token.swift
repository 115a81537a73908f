import ArgumentParser
import Foundation
import HelplineCore

extension Helpline {
    /// `helpline token`: mints an identity token with the configured secret.
    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mint an identity token (JWT, HS256) with the secret in HELPLINE_IDENTITY_SECRET.",
            discussion: """
                For integrators and tests: prints a token the chat's 'hello' accepts. The secret comes \
                from HELPLINE_IDENTITY_SECRET or the file named by HELPLINE_IDENTITY_SECRET_FILE, as for serve.
                """
        )

        @Option(help: "The user id (the 'sub' claim).") var sub: String
        @Option(help: "The customer account id.") var account: String?
        @Option(help: ArgumentHelp("The plan: \(IdentityTokenVerifier.plans.joined(separator: ", ")).")) var plan = "free"
        @Option(help: ArgumentHelp("The role: \(IdentityTokenVerifier.roles.joined(separator: ", ")).")) var role = "member"
        @Option(help: ArgumentHelp("Seconds until the token expires.", valueName: "seconds")) var ttl = 3600

        func validate() throws {
            guard !sub.isEmpty else { throw ValidationError("--sub must not be empty") }
            guard IdentityTokenVerifier.plans.contains(plan) else { throw ValidationError("unknown plan '\(plan)'") }
            guard IdentityTokenVerifier.roles.contains(role) else { throw ValidationError("unknown role '\(role)'") }
            guard ttl > 0 else { throw ValidationError("--ttl must be positive") }
        }

        func run() throws {
            guard let secret = try Serve.identitySecret() else {
                throw CommandFailure("no secret: set HELPLINE_IDENTITY_SECRET (or HELPLINE_IDENTITY_SECRET_FILE)")
            }
            let identity = Identity(userID: sub, account: account, plan: plan, role: role)
            print(IdentityTokenSigner(secret: secret).sign(identity, expires: Date().addingTimeInterval(TimeInterval(ttl))))
        }
    }
}
