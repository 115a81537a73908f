import Foundation
@testable import HelplineClient
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The test client itself: if it lied about what it sent or saw, every test above would too.
struct ChatClientTests {
    @Test func textIsSplitIntoFlaggedFragments() {
        let frames = OutgoingFrame.text(Array("abcdefg".utf8), fragments: 3)
        #expect(frames.map { String(decoding: $0.bytes, as: UTF8.self) } == ["ab", "cd", "efg"])
        #expect(frames.map(\.flags) == [
            WriteFlag.text | WriteFlag.noFin, WriteFlag.continuation | WriteFlag.noFin, WriteFlag.continuation,
        ])
    }

    @Test func oneFragmentIsOneFinalTextFrame() {
        #expect(OutgoingFrame.text(Array("hi".utf8), fragments: 1) == [OutgoingFrame(bytes: Array("hi".utf8), flags: 0)])
    }

    /// Never an empty fragment: a 2-byte message asked for in 5 goes out as 2.
    @Test func shortMessageGetsAtMostOneFragmentPerByte() {
        #expect(OutgoingFrame.text(Array("hi".utf8), fragments: 5).map(\.bytes) == [[0x68], [0x69]])
        #expect(OutgoingFrame.text([], fragments: 3) == [OutgoingFrame(bytes: [], flags: 0)])
    }

    /// A port that is bound but not listening refuses connections, and stays ours for the test.
    @Test func refusedConnectionFails() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        try #require(bound)

        let pool = try ChatClientPool()
        defer { pool.shutdown() }
        let chat = pool.connect(port: Int(UInt16(bigEndian: address.sin_port)))
        chat.send(json: ["type": "hello"])
        guard case .failed = try chat.next(timeout: eventTimeout) else {
            Issue.record("expected the connection to fail")
            return
        }
        #expect(throws: ChatClientError.self) { try chat.waitUntilOpen(timeout: .seconds(1)) }
        // The terminal event is sticky.
        guard case .failed = try chat.next(timeout: .milliseconds(1)) else {
            Issue.record("expected the failure again")
            return
        }
    }

    @Test func waitingForNothingTimesOut() throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let chat = fixture.connect()
        try chat.waitUntilOpen(timeout: eventTimeout)
        #expect(throws: ChatClientError.timedOut(after: .milliseconds(50))) { try chat.next(timeout: .milliseconds(50)) }
    }

    /// Shutting the pool down ends every chat at once, and later connects fail instead of hanging.
    @Test func poolShutdownEndsOpenChats() throws {
        let fixture = try ChatFixture()
        defer { fixture.shutDown() }
        let chats = (0..<3).map { _ in fixture.connect() }
        for chat in chats { try chat.waitUntilOpen(timeout: eventTimeout) }

        fixture.pool.shutdown()
        for chat in chats {
            #expect(try chat.nextTerminalEvent() == .closed(code: nil))
        }
        let late = fixture.pool.connect(port: fixture.server.port)
        guard case .failed = try late.next(timeout: eventTimeout) else {
            Issue.record("expected a connect after shutdown to fail")
            return
        }
        fixture.pool.shutdown()  // twice is fine
    }
}

/// The `lws_write_protocol` values from lws-write.h, spelled out so the test does not restate
/// the code under test.
private enum WriteFlag {
    static let text: UInt32 = 0
    static let continuation: UInt32 = 2
    static let noFin: UInt32 = 0x40
}
