import Foundation
import HelplineCore
import Testing

/// ``IdentityTokenVerifier`` against DESIGN.md's Identity contract: an HS256 JWT from the host
/// application vouches for a user, and a bad, forged or expired token is an error, never an upgrade.
struct IdentityTests {
    typealias Reason = IdentityTokenError.Reason

    let verifier = IdentityTokenVerifier(secret: TestTokens.secret)
    let now = TestTokens.now
    var nowSeconds: Int { Int(now.timeIntervalSince1970) }

    /// The payload of a valid Pro owner token as JSON text, with `changes` applied: each value is a
    /// raw JSON fragment (so a test can write `42` or `true` where a string belongs), nil removes.
    func payload(_ changes: [String: String?] = [:]) -> String {
        var fields: [String: String] = [
            "sub": #""user-42""#, "account": #""acme""#, "plan": #""pro""#, "role": #""owner""#,
            "exp": "\(nowSeconds + 3600)",
        ]
        for (name, value) in changes { fields[name] = value }
        return "{" + fields.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
    }

    func token(_ changes: [String: String?] = [:], secret: [UInt8] = TestTokens.secret) -> String {
        makeToken(headerJSON: #"{"alg":"HS256","typ":"JWT"}"#, payloadJSON: payload(changes), secret: secret)
    }

    func expectRefused(
        _ token: String, _ reason: Reason, by verifier: IdentityTokenVerifier? = nil, _ comment: Comment? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let verifier = verifier ?? self.verifier
        #expect(throws: IdentityTokenError(reason), comment, sourceLocation: sourceLocation) {
            try verifier.verify(token, now: now)
        }
    }

    // MARK: Accepted

    @Test func validTokenGivesItsIdentity() throws {
        let identity = try verifier.verify(makeToken(claims: TestTokens.claims()), now: now)
        #expect(identity == Identity(userID: "user-42", account: "acme", plan: "pro", role: "owner"))
    }

    @Test(arguments: IdentityTokenVerifier.plans, IdentityTokenVerifier.roles)
    func everyPlanAndRoleIsAccepted(plan: String, role: String) throws {
        let token = makeToken(claims: TestTokens.claims(plan: plan, role: role))
        #expect(try verifier.verify(token, now: now) == Identity(userID: "user-42", account: "acme", plan: plan, role: role))
    }

    /// `account` is optional; JSON encoders often write an absent optional as `null`.
    @Test(arguments: [nil, "null"] as [String?])
    func accountMayBeLeftOut(account: String?) throws {
        #expect(try verifier.verify(token(["account": account]), now: now).account == nil)
    }

    /// A header without `typ` is still a JWT (RFC 7519 §5.1 makes it optional).
    @Test func typIsOptional() throws {
        let token = makeToken(headerJSON: #"{"alg":"HS256"}"#, payloadJSON: payload())
        #expect(try verifier.verify(token, now: now).plan == "pro")
    }

    @Test func noTokenMeansAnonymousFreeMember() {
        #expect(Identity.anonymous == Identity(userID: nil, account: nil, plan: "free", role: "member"))
    }

    // MARK: Signature

    @Test func forgedSignatureIsRefused() {
        expectRefused(makeToken(claims: TestTokens.claims(), secret: Array("another-secret".utf8)), .badSignature)
    }

    /// The attack the signature exists for: a member upgrades themselves after the token was signed.
    @Test func tamperedPayloadIsRefused() throws {
        let signed = makeToken(claims: TestTokens.claims(plan: "pro", role: "member")).split(separator: ".")
        let upgraded = makeToken(claims: TestTokens.claims(plan: "enterprise", role: "owner")).split(separator: ".")
        let tampered = [signed[0], upgraded[1], signed[2]].joined(separator: ".")
        expectRefused(tampered, .badSignature)
    }

    /// A forged token is reported as forged, whatever its claims say: nothing in it is read first.
    @Test(arguments: [#"{"exp":0}"#, "{}", #"{"plan":"platinum"}"#, "[1]", "not json"])
    func signatureIsCheckedBeforeTheClaims(payload: String) {
        let forged = makeToken(headerJSON: #"{"alg":"HS256"}"#, payloadJSON: payload, secret: Array("x".utf8))
        expectRefused(forged, .badSignature, "payload \(payload)")
    }

    /// HMAC under an empty key is something anyone can compute.
    @Test func emptySecretRefusesEveryToken() {
        let verifier = IdentityTokenVerifier(secret: [])
        expectRefused(makeToken(claims: TestTokens.claims(), secret: []), .badSignature, by: verifier)
    }

    // MARK: Algorithm

    /// The header is the sender's word, so only the algorithm we expect is honoured: `none` would
    /// skip the signature, and anything else is not what the host application signs with.
    @Test(arguments: [
        ("none", .empty), ("none", .hs256), ("None", .empty), ("NONE", .hs256), ("HS512", .hs512), ("HS512", .hs256),
        ("RS256", .hs256), ("ES256", .hs256), ("hs256", .hs256), ("HS256 ", .hs256), ("", .hs256), (nil, .hs256),
    ] as [(String?, TestTokens.Signature)])
    func otherAlgorithmsAreRefused(alg: String?, signature: TestTokens.Signature) {
        let token = makeToken(claims: TestTokens.claims(), alg: alg, signature: signature)
        expectRefused(token, .unsupportedAlgorithm, "alg \(alg.debugDescription)")
    }

    @Test(arguments: [#"{"alg":["HS256"]}"#, #"{"alg":256}"#, #"{"alg":null}"#, #"{"alg":{"name":"HS256"}}"#])
    func algorithmMustBeAString(header: String) {
        expectRefused(makeToken(headerJSON: header, payloadJSON: payload()), .unsupportedAlgorithm, "header \(header)")
    }

    // MARK: Time

    /// Default leeway 60 s: `exp` counts until a minute after it.
    @Test(arguments: [(-3600, false), (-61, false), (-60, true), (-59, true), (0, true), (3600, true)])
    func expiry(expOffset: Int, accepted: Bool) {
        let token = token(["exp": "\(nowSeconds + expOffset)"])
        if accepted {
            #expect(throws: Never.self, "exp = now + \(expOffset) s") { try verifier.verify(token, now: now) }
        } else {
            expectRefused(token, .expired, "exp = now + \(expOffset) s")
        }
    }

    @Test(arguments: [(3600, false), (61, false), (60, true), (0, true), (-3600, true)])
    func notBefore(nbfOffset: Int, accepted: Bool) {
        let token = token(["nbf": "\(nowSeconds + nbfOffset)"])
        if accepted {
            #expect(throws: Never.self, "nbf = now + \(nbfOffset) s") { try verifier.verify(token, now: now) }
        } else {
            expectRefused(token, .notYetValid, "nbf = now + \(nbfOffset) s")
        }
    }

    @Test func leewayIsTheVerifiersChoice() throws {
        let strict = IdentityTokenVerifier(secret: TestTokens.secret, leeway: .zero)
        expectRefused(token(["exp": "\(nowSeconds - 1)"]), .expired, by: strict)
        _ = try strict.verify(token(["exp": "\(nowSeconds)"]), now: now)
        let lenient = IdentityTokenVerifier(secret: TestTokens.secret, leeway: .seconds(300))
        _ = try lenient.verify(token(["exp": "\(nowSeconds - 299)"]), now: now)
    }

    // MARK: Claims

    @Test(arguments: ["sub", "plan", "role", "exp"])
    func requiredClaimMissing(name: String) {
        expectRefused(token([name: nil]), .missingClaim(name), "without \(name)")
        expectRefused(token([name: "null"]), .missingClaim(name), "\(name): null")
    }

    /// Unknown plans and roles are refused rather than mapped: a typo never grants, or silently loses, support.
    @Test(arguments: [
        ("plan", #""platinum""#), ("plan", #""Pro""#), ("plan", #""pro ""#), ("plan", #""""#), ("plan", "1"),
        ("role", #""superuser""#), ("role", #""Owner""#), ("role", #"["owner"]"#), ("sub", #""""#), ("sub", "42"),
        ("exp", #""1800003600""#), ("exp", "true"), ("exp", "{}"), ("nbf", #""0""#), ("account", "7"), ("account", "{}"),
    ])
    func invalidClaimIsRefused(name: String, json: String) {
        expectRefused(token([name: json]), .invalidClaim(name), "\(name): \(json)")
    }

    // MARK: Shape

    /// Tokens that are not three base64url parts of JSON objects. Those past the signature check
    /// are signed correctly, so the check under test is the one that refuses them.
    enum Malformed: String, CaseIterable, Sendable {
        case empty, onlyDots, twoParts, fourParts, standardBase64Character, padding, whitespace
        case nonCanonicalLastCharacter, impossibleLength, nonJSONHeader, arrayHeader, typNotJWT, critHeader
        case arrayPayload, stringPayload, nonJSONPayload

        var token: String {
            let valid = makeToken(claims: TestTokens.claims())
            let parts = valid.split(separator: ".").map(String.init)
            let payload = String(decoding: try! JSONSerialization.data(withJSONObject: TestTokens.claims()), as: UTF8.self)
            switch self {
            case .empty: return ""
            case .onlyDots: return ".."
            case .twoParts: return parts[0] + "." + parts[1]
            case .fourParts: return valid + "." + parts[2]
            case .standardBase64Character: return parts[0] + "." + parts[1] + ".+" + parts[2].dropFirst()
            case .padding: return valid + "="
            case .whitespace: return valid + "\n"
            case .nonCanonicalLastCharacter:
                // 32 bytes take 43 characters; the last one's two low bits are padding and must be zero.
                let last = parts[2].last!, alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                return String(valid.dropLast()) + String(alphabet[alphabet.firstIndex(of: last)! | 1])
            case .impossibleLength: return parts[0] + "." + parts[1] + "." + parts[2] + "AA"
            case .nonJSONHeader: return makeToken(headerJSON: "alg=HS256", payloadJSON: payload)
            case .arrayHeader: return makeToken(headerJSON: #"["HS256"]"#, payloadJSON: payload)
            case .typNotJWT: return makeToken(claims: TestTokens.claims(), header: ["typ": "JWS"])
            case .critHeader: return makeToken(claims: TestTokens.claims(), header: ["crit": ["exp"], "exp": 1])
            case .arrayPayload: return makeToken(headerJSON: #"{"alg":"HS256"}"#, payloadJSON: #"[{"sub":"user-42"}]"#)
            case .stringPayload: return makeToken(headerJSON: #"{"alg":"HS256"}"#, payloadJSON: #""user-42""#)
            case .nonJSONPayload: return makeToken(headerJSON: #"{"alg":"HS256"}"#, payloadJSON: "sub=user-42")
            }
        }
    }

    @Test(arguments: Malformed.allCases)
    func malformedTokenIsRefused(shape: Malformed) {
        expectRefused(shape.token, .malformed, "\(shape)")
    }

    /// Length is checked before decoding, so a peer cannot make us decode megabytes.
    @Test func tokenLongerThan8KiBIsRefused() throws {
        expectRefused(String(repeating: "a", count: 8193), .tooLong)
        expectRefused(makeToken(claims: TestTokens.claims(account: String(repeating: "a", count: 9000))), .tooLong)

        // The limit itself is allowed: the longest valid token of at most 8192 bytes verifies.
        var padding = 6100
        func padded() -> String { makeToken(claims: TestTokens.claims(account: String(repeating: "a", count: padding))) }
        try #require(padded().utf8.count > IdentityTokenVerifier.maxTokenLength, "start above the limit, then shrink")
        while padded().utf8.count > IdentityTokenVerifier.maxTokenLength { padding -= 1 }
        #expect(padded().utf8.count > IdentityTokenVerifier.maxTokenLength - 4)
        _ = try verifier.verify(padded(), now: now)
        padding += 3
        expectRefused(padded(), .tooLong)
    }

    // MARK: Errors

    /// A token is a bearer credential and messages get logged and shown: none may quote it or its claims.
    @Test func errorsNeverEchoTheToken() {
        let refused = Malformed.allCases.map(\.token).filter { !$0.isEmpty && $0 != ".." } + [
            makeToken(claims: TestTokens.claims(), secret: Array("another-secret".utf8)),
            makeToken(claims: TestTokens.claims(), alg: "none", signature: .empty),
            token(["exp": "\(nowSeconds - 3600)"]), token(["plan": #""platinum""#]), token(["sub": nil]),
            makeToken(claims: TestTokens.claims(account: String(repeating: "secret", count: 2000))),
        ]
        for token in refused {
            do {
                _ = try verifier.verify(token, now: now)
                Issue.record("accepted \(token)")
            } catch {
                let text = error.description
                #expect(!text.contains(token) && !text.contains("platinum") && !text.contains("user-42"), "\(error.reason)")
                for part in token.split(separator: ".") where part.count >= 4 {
                    #expect(!text.contains(part), "\(error.reason) quotes a part of the token")
                }
            }
        }
    }

    @Test func expiredTokensTellTheHostToRefresh() {
        #expect(IdentityTokenError(.expired).code == "token_expired")
        #expect(IdentityTokenError(.badSignature).code == "invalid_token")
        #expect(IdentityTokenError(.invalidClaim("plan")).description
            == "invalid_token: The identity token's 'plan' must be one of: free, pro, business, education, enterprise, api.")
    }
}
