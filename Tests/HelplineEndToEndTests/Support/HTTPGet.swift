import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plain HTTP/1.1 GET over a POSIX socket, enough to read `/healthz`.
///
/// URLSession on Linux lives in FoundationNetworking and pulls in libcurl; a socket, one
/// request and reading until the server closes is all a status check needs, and has a deadline
/// of its own (`SO_RCVTIMEO`), so a server that never answers fails the test instead of hanging it.
enum HTTPGet {
    struct Response {
        var status: Int
        var headers: String
        var body: String
    }

    /// GETs `path` from 127.0.0.1:`port` with `Connection: close`.
    ///
    /// - Throws: ``TestFailure`` when connecting, sending or reading fails or times out.
    static func get(port: Int, path: String, timeoutSeconds: Int = 10) throws -> Response {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket() failed: errno \(errno)") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw TestFailure("connect to port \(port) failed: errno \(errno)") }

        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == request.count else {
            throw TestFailure("sending the request failed: errno \(errno)")
        }

        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            guard count > 0 else { throw TestFailure("reading the response failed: errno \(errno)") }
            received += chunk[..<count]
            // Enough once the headers and the body they announce are in, in case the server
            // keeps the connection open despite `Connection: close`.
            if let response = parse(received), response.body.utf8.count >= contentLength(response.headers) ?? .max {
                return response
            }
        }
        guard let response = parse(received) else {
            throw TestFailure("not an HTTP response: \(String(decoding: received, as: UTF8.self).debugDescription)")
        }
        return response
    }

    private static func parse(_ bytes: [UInt8]) -> Response? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return nil }
        let head = String(text[..<split.lowerBound])
        let statusLine = head.prefix { $0 != "\r" }.split(separator: " ")
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/"), let status = Int(statusLine[1]) else { return nil }
        return Response(status: status, headers: head, body: String(text[split.upperBound...]))
    }

    private static func contentLength(_ headers: String) -> Int? {
        for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
            return Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }
}
