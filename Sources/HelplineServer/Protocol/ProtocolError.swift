/// Bad input from a client, answered with an `error` frame; the connection stays open.
struct ProtocolError: Error, Equatable {
    enum Code: String {
        case badJSON = "bad_json"
        case unknownType = "unknown_type"
        case badRequest = "bad_request"
        case invalidToken = "invalid_token"
        case sessionNotFound = "session_not_found"
        case internalError = "internal"
    }

    var code: Code
    /// Safe to show the user: never echoes a token or the whole message.
    var message: String
    var replyTo: String?

    init(code: Code, message: String, replyTo: String? = nil) {
        self.code = code
        self.message = message
        self.replyTo = replyTo
    }
}
