import Foundation
// Crypto's types stay inside this file: the API takes and returns bytes, strings and dates.
internal import Crypto

/// Checks the identity token that a host application puts in the chat `hello`, and turns it into an
/// ``Identity``.
///
/// The token is a JWT in compact form, `header.payload.signature`, each part base64url without
/// padding, signed with HMAC-SHA256 (`HS256`) under the secret the host application shares with
/// Helpline (`HELPLINE_IDENTITY_SECRET`). Only `HS256` is accepted: the header that names the
/// algorithm is written by whoever sent the token, and honouring `none` or another algorithm there is
/// the classic way JWT checks are bypassed. The signature is checked before any claim is read, so
/// nothing in an unsigned payload decides what happens next.
///
/// The claims are `sub` (the user id), `plan` (one of ``plans``), `role` (one of ``roles``), `exp`
/// (seconds since 1970), and optionally `account` and `nbf`. A `null` claim counts as absent.
///
/// ```swift
/// let verifier = IdentityTokenVerifier(secret: Array("s3cret".utf8))
/// try verifier.verify(token, now: Date())
/// // Identity(userID: "u-42", account: "acme", plan: "pro", role: "owner")
/// ```
public struct IdentityTokenVerifier: Sendable {
    /// The plans a token may name, as DESIGN.md lists them.
    public static let plans = ["free", "pro", "business", "education", "enterprise", "api"]
    /// The roles a token may name; `lead` is a support lead.
    public static let roles = ["owner", "admin", "member", "lead"]
    /// The longest token accepted, in UTF-8 bytes (8 KiB); a real one is a few hundred bytes.
    public static let maxTokenLength = 8 * 1024

    private let secret: [UInt8]
    /// ``init(secret:leeway:)``'s leeway in seconds, never negative.
    private let leewaySeconds: Double

    /// Creates a verifier for tokens signed with `secret`.
    ///
    /// - Parameters:
    ///   - secret: The HMAC key shared with the host application, as bytes. An empty secret rejects
    ///     every token, because anyone can compute an HMAC under an empty key.
    ///   - leeway: How far the host application's clock and ours may disagree: a token is still
    ///     accepted this long after its `exp`, and already this long before its `nbf`. A negative
    ///     leeway counts as zero.
    public init(secret: [UInt8], leeway: Duration = .seconds(60)) {
        self.secret = secret
        let (seconds, attoseconds) = leeway.components
        self.leewaySeconds = max(0, Double(seconds) + Double(attoseconds) * 1e-18)
    }

    /// Verifies `token` and returns the identity it vouches for.
    ///
    /// Checks, in order: the length, the three base64url parts, the header (`alg` exactly `HS256`,
    /// `typ` `JWT` if present, no `crit`), the signature (compared in constant time), then the claims.
    ///
    /// - Parameters:
    ///   - token: The compact JWT from `hello.token`, at most ``maxTokenLength`` bytes; longer input
    ///     is refused before any decoding, so a peer cannot make us decode megabytes.
    ///   - now: The current time; a parameter so tests and replays decide it.
    /// - Returns: The identity of the token's `sub`, `account`, `plan` and `role`.
    /// - Throws: ``IdentityTokenError`` naming the first check that failed. Its message is safe to
    ///   show the user and never contains the token.
    public func verify(_ token: String, now: Date) throws(IdentityTokenError) -> Identity {
        guard token.utf8.count <= Self.maxTokenLength else { throw IdentityTokenError(.tooLong) }
        let bytes = Array(token.utf8)
        let parts = bytes.split(separator: UInt8(ascii: "."), maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 3,
              let headerBytes = Base64URL.decode(parts[0]),
              let payloadBytes = Base64URL.decode(parts[1]),
              let signature = Base64URL.decode(parts[2])
        else { throw IdentityTokenError(.malformed) }

        let header = try Self.jsonObject(headerBytes)
        guard case .string("HS256") = header["alg"] else { throw IdentityTokenError(.unsupportedAlgorithm) }
        if let typ = header["typ"], typ != .string("JWT") { throw IdentityTokenError(.malformed) }
        // RFC 7515 §4.1.11: extensions listed in `crit` must be understood, and we understand none.
        if header["crit"] != nil { throw IdentityTokenError(.malformed) }

        // The signature covers the encoded text "header.payload" exactly as sent, not the decoded JSON.
        let signingInput = bytes[..<(parts[0].count + 1 + parts[1].count)]
        guard !secret.isEmpty,
              HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: signingInput, using: SymmetricKey(data: secret))
        else { throw IdentityTokenError(.badSignature) }

        return try identity(from: Self.jsonObject(payloadBytes), now: now)
    }

    /// Reads the claims of a payload whose signature has been checked.
    private func identity(from claims: [String: JSONValue], now: Date) throws(IdentityTokenError) -> Identity {
        let time = now.timeIntervalSince1970
        guard let exp = try Self.number("exp", in: claims) else { throw IdentityTokenError(.missingClaim("exp")) }
        guard time <= exp + leewaySeconds else { throw IdentityTokenError(.expired) }
        if let nbf = try Self.number("nbf", in: claims), time < nbf - leewaySeconds {
            throw IdentityTokenError(.notYetValid)
        }

        guard let sub = try Self.string("sub", in: claims) else { throw IdentityTokenError(.missingClaim("sub")) }
        guard !sub.isEmpty else { throw IdentityTokenError(.invalidClaim("sub")) }
        guard let plan = try Self.string("plan", in: claims) else { throw IdentityTokenError(.missingClaim("plan")) }
        guard Self.plans.contains(plan) else { throw IdentityTokenError(.invalidClaim("plan")) }
        guard let role = try Self.string("role", in: claims) else { throw IdentityTokenError(.missingClaim("role")) }
        guard Self.roles.contains(role) else { throw IdentityTokenError(.invalidClaim("role")) }
        let account = try Self.string("account", in: claims)

        return Identity(userID: sub, account: account, plan: plan, role: role)
    }

    /// The claim as a number; nil when absent or `null`.
    private static func number(_ name: String, in claims: [String: JSONValue]) throws(IdentityTokenError) -> Double? {
        switch claims[name] {
        case nil, .null?: return nil
        case .number(let value)?: return value
        default: throw IdentityTokenError(.invalidClaim(name))
        }
    }

    /// The claim as a string; nil when absent or `null`.
    private static func string(_ name: String, in claims: [String: JSONValue]) throws(IdentityTokenError) -> String? {
        switch claims[name] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        default: throw IdentityTokenError(.invalidClaim(name))
        }
    }

    /// Decodes a JSON object; anything else (an array, a bare value, invalid JSON) is malformed.
    private static func jsonObject(_ bytes: [UInt8]) throws(IdentityTokenError) -> [String: JSONValue] {
        do {
            return try JSONDecoder().decode([String: JSONValue].self, from: Data(bytes))
        } catch {
            throw IdentityTokenError(.malformed)
        }
    }
}

/// Why a token was refused, with a message for the user that never repeats the token.
///
/// ``code`` and ``message`` fill the chat's `error` frame. The token is a bearer credential, and the
/// message may be logged or shown in a browser, so neither the token nor any claim value is quoted.
public struct IdentityTokenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The check that failed.
    public enum Reason: Sendable, Equatable {
        /// Not three base64url parts of JSON objects, or a header Helpline cannot honour.
        case malformed
        /// The header's `alg` is not `HS256` (`none`, `HS512`, `RS256`, missing, ...).
        case unsupportedAlgorithm
        /// The signature is not HMAC-SHA256 of the token under the shared secret.
        case badSignature
        /// Now is later than `exp` plus the leeway.
        case expired
        /// Now is earlier than `nbf` minus the leeway.
        case notYetValid
        /// A required claim is absent or `null`.
        case missingClaim(String)
        /// A claim has the wrong type, or a value outside its allowed set.
        case invalidClaim(String)
        /// The token is longer than ``IdentityTokenVerifier/maxTokenLength``.
        case tooLong
    }

    public var reason: Reason

    public init(_ reason: Reason) {
        self.reason = reason
    }

    /// The `error` frame's code: `token_expired` tells the host application to fetch a fresh token;
    /// every other failure is `invalid_token`.
    public var code: String {
        reason == .expired ? "token_expired" : "invalid_token"
    }

    /// What went wrong, in words a user can be shown.
    public var message: String {
        switch reason {
        case .malformed:
            return "The identity token is not a well-formed JWT."
        case .unsupportedAlgorithm:
            return "The identity token must be signed with HS256."
        case .badSignature:
            return "The identity token's signature is not valid for this server's secret."
        case .expired:
            return "The identity token has expired; sign in again to get a new one."
        case .notYetValid:
            return "The identity token is not valid yet; check the clocks of the application and the server."
        case .missingClaim(let name):
            return "The identity token has no '\(name)' claim."
        case .invalidClaim("plan"):
            return "The identity token's 'plan' must be one of: \(IdentityTokenVerifier.plans.joined(separator: ", "))."
        case .invalidClaim("role"):
            return "The identity token's 'role' must be one of: \(IdentityTokenVerifier.roles.joined(separator: ", "))."
        case .invalidClaim("sub"):
            return "The identity token's 'sub' must be a non-empty string."
        case .invalidClaim(let name):
            return "The identity token's '\(name)' claim has the wrong type."
        case .tooLong:
            return "The identity token is longer than \(IdentityTokenVerifier.maxTokenLength) bytes."
        }
    }

    public var description: String { "\(code): \(message)" }
}

/// A JSON value, just typed enough to tell a claim's kind: numbers and booleans stay apart, so
/// `"exp": true` is an invalid claim rather than the time 1.
private enum JSONValue: Sendable, Equatable, Decodable {
    case null, bool(Bool), number(Double), string(String), array, object

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if (try? container.decode([JSONValue].self)) != nil {
            self = .array
        } else {
            _ = try container.decode([String: JSONValue].self)
            self = .object
        }
    }
}

/// Strict base64url without padding (RFC 7515 §2).
private enum Base64URL {
    /// The bytes of `text`, or nil for padding, a character outside the alphabet, an impossible
    /// length, or non-zero leftover bits; the last two would let several spellings mean one value.
    static func decode(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        guard text.count % 4 != 1 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count * 3 / 4)
        var buffer: UInt32 = 0
        var bitCount = 0
        for character in text {
            guard let sextet = sextet(character) else { return nil }
            buffer = buffer << 6 | UInt32(sextet)
            bitCount += 6
            if bitCount >= 8 {
                bitCount -= 8
                bytes.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bitCount)))
                buffer &= (1 << UInt32(bitCount)) - 1
            }
        }
        return buffer == 0 ? bytes : nil
    }

    private static func sextet(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "-"): return 62
        case UInt8(ascii: "_"): return 63
        default: return nil
        }
    }
}
