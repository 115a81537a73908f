import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 client over a POSIX socket: any method, headers and a body, for the API tests.
///
/// One request per connection (`Connection: close`), read until the announced body is in or the
/// server closes; `SO_RCVTIMEO` is the deadline, so a server that never answers fails the test
/// instead of hanging it. ``HTTPGet`` is this with GET and no headers.
enum HTTPClient {
    struct Response {
        var status: Int
        /// The status line and headers, as received.
        var head: String
        var body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }

        /// A header's value (the name in any case); nil when absent.
        func header(_ name: String) -> String? {
            for line in head.split(separator: "\r\n").dropFirst() {
                let parts = line.split(separator: ":", maxSplits: 1)
                if parts.count == 2, parts[0].lowercased() == name.lowercased() {
                    return parts[1].trimmingCharacters(in: .whitespaces)
                }
            }
            return nil
        }

        /// The API error's `code`, if the body is `{"error": {"code": ...}}`.
        var errorCode: String? {
            ((try? json())?["error"] as? [String: Any])?["code"] as? String
        }

        /// The body as a JSON object.
        ///
        /// - Throws: ``TestFailure`` when it is not one.
        func json() throws -> [String: Any] {
            guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
                throw TestFailure("status \(status), not a JSON object: \(text.prefix(500).debugDescription)")
            }
            return object
        }
    }

    /// Sends one request to 127.0.0.1:`port` and reads the response.
    ///
    /// - Parameters:
    ///   - bearer: a token for `Authorization: Bearer`.
    ///   - body: sent with its `Content-Length`; nil sends neither.
    /// - Throws: ``TestFailure`` when connecting, sending or reading fails or times out.
    static func send(
        port: Int, method: String = "GET", path: String, bearer: String? = nil, headers: [String: String] = [:],
        body: [UInt8]? = nil, timeoutSeconds: Int = 10
    ) throws -> Response {
        let fd = try connect(port: port, timeoutSeconds: timeoutSeconds)
        defer { close(fd) }
        try write(fd, request(port: port, method: method, path: path, bearer: bearer, headers: headers, body: body))
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            guard count > 0 else { throw TestFailure("reading the response to \(method) \(path) failed: errno \(errno)") }
            received += chunk[..<count]
            // Enough once the headers and the body they announce are in, in case the server
            // keeps the connection open despite `Connection: close`.
            if let response = parse(received), response.body.count >= contentLength(response) ?? .max { return response }
        }
        guard let response = parse(received) else {
            throw TestFailure("not an HTTP response: \(String(decoding: received, as: UTF8.self).debugDescription)")
        }
        return response
    }

    /// Sends a request and hangs up without reading the answer: a client that gave up.
    static func sendAndHangUp(port: Int, method: String, path: String, bearer: String? = nil, body: [UInt8]? = nil) throws {
        let fd = try connect(port: port, timeoutSeconds: 10)
        defer { close(fd) }
        try write(fd, request(port: port, method: method, path: path, bearer: bearer, headers: [:], body: body))
    }

    private static func request(
        port: Int, method: String, path: String, bearer: String?, headers: [String: String], body: [UInt8]?
    ) -> [UInt8] {
        var lines = ["\(method) \(path) HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: close"]
        if let bearer { lines.append("Authorization: Bearer \(bearer)") }
        if let body { lines.append("Content-Length: \(body.count)") }
        lines += headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8) + (body ?? [])
    }

    private static func connect(port: Int, timeoutSeconds: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket() failed: errno \(errno)") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connectSocket(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            throw TestFailure("connect to port \(port) failed: errno \(errno)")
        }
        return fd
    }

    private static func write(_ fd: Int32, _ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { sendBytes(fd, $0) }
            guard count > 0 else { throw TestFailure("sending the request failed: errno \(errno)") }
            sent += count
        }
    }

    private static func parse(_ bytes: [UInt8]) -> Response? {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = bytes.indices.dropLast(3).first(where: { Array(bytes[$0..<($0 + 4)]) == separator }) else { return nil }
        let head = String(decoding: bytes[..<end], as: UTF8.self)
        let statusLine = head.prefix { $0 != "\r" }.split(separator: " ")
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/"), let status = Int(statusLine[1]) else { return nil }
        return Response(status: status, head: head, body: Array(bytes[(end + 4)...]))
    }

    private static func contentLength(_ response: Response) -> Int? {
        response.header("content-length").flatMap { Int($0) }
    }
}

// The C calls, outside the enum: inside it, `connect` and `send` name its own methods.
private func connectSocket(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    connect(fd, address, length)
}

private func sendBytes(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    // A server that closed early (413) must fail the send, not kill the test process with SIGPIPE.
    #if canImport(Glibc)
    send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
    #else
    send(fd, bytes.baseAddress, bytes.count, 0)
    #endif
}
