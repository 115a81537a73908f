import Foundation
import HelplineServer
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Keep-alive through libwebsockets' retry and idle policy: a peer that stops answering pings
/// is hung up on, so a vanished client does not hold a connection for ever.
struct KeepAliveTests {
    /// A hand-made WebSocket that completes the handshake and then never reads or answers a PING.
    static func silentPeer(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket() failed") }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw TestFailure("connect failed") }
        let request = Array((
            "GET /chat HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        return fd
    }

    @Test(.timeLimit(.minutes(1)))
    func aPeerThatStopsAnsweringIsHungUpOn() throws {
        let server = try TestServer(configuration: ServerConfiguration(pingAfterSeconds: 1, hangUpAfterSeconds: 2))
        let fd = try Self.silentPeer(port: server.port)
        defer { close(fd) }
        let started = ContinuousClock.now
        // Read (and never answer) the handshake response and the PINGs until the server closes the TCP
        // connection: recv returns 0. SO_RCVTIMEO bounds each read, the loop bounds the whole.
        var chunk = [UInt8](repeating: 0, count: 4096)
        var closed = false
        while ContinuousClock.now - started < .seconds(15) {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { closed = true; break }
            guard count > 0 else { break }
        }
        #expect(closed, "the server kept a silent peer's connection")
        #expect(ContinuousClock.now - started >= .seconds(1), "hung up only after the idle time")
    }
}
