import Testing

@testable import HelplineServer

/// One HTTP request's way through the server: the body up to its limit, then headers and body
/// written in two steps.
struct HTTPExchangeTests {
    static func exchange(_ method: HTTPRequest.Method = .post, limit: Int = 8) -> HTTPExchange {
        HTTPExchange(request: HTTPRequest(method: method, path: "/api/v1/groups/1/resolve"), maximumBodyBytes: limit)
    }

    @Test(arguments: [
        ([3, 5], true, 8), ([8], true, 8), ([0, 0], true, 0), ([9], false, 0), ([4, 4, 1], false, 8), ([1, 20], false, 1),
    ])
    func theBodyIsKeptUpToItsLimit(pieces: [Int], fits: Bool, kept: Int) {
        var exchange = Self.exchange()
        var accepted = true
        for size in pieces where accepted {
            accepted = [UInt8](repeating: 7, count: size).withUnsafeBytes { exchange.append($0) }
        }
        #expect(accepted == fits, "\(pieces)")
        #expect(exchange.request.body.count == kept, "bytes past the limit are never kept: \(pieces)")
    }

    @Test func anAnswerGoesOutHeadersFirstThenTheBody() {
        var exchange = Self.exchange()
        #expect(exchange.stage == .readingBody)
        exchange.wait()
        #expect(exchange.stage == .waiting)
        exchange.answer(.text(200, "ok"))
        #expect(exchange.stage == .writingHeaders)
        let bodyFollows = exchange.headersWritten()
        #expect(bodyFollows)
        #expect(exchange.stage == .writingBody)
        #expect([UInt8](repeating: 1, count: 3).withUnsafeBytes { exchange.append($0) }, "late body bytes are ignored, not an error")
        #expect(exchange.request.body.isEmpty)
    }

    @Test(arguments: [(HTTPRequest.Method.head, "ok"), (.get, "")])
    func noBodyFollowsTheHeadersForHEADOrAnEmptyBody(method: HTTPRequest.Method, body: String) {
        var exchange = Self.exchange(method)
        exchange.answer(.text(200, body))
        let bodyFollows = exchange.headersWritten()
        #expect(!bodyFollows, "\(method)")
    }
}
