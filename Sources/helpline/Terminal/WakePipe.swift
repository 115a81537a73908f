import Foundation

/// A pipe whose read end the chat's poll loop watches: a byte written to it wakes the loop.
///
/// Both ends are non-blocking, so a full pipe never stalls a writer (it will wake the loop
/// anyway) and draining stops when it is empty; and close-on-exec, so no child inherits them.
/// The descriptors are set once in init and closed in deinit.
final class WakePipe: Sendable {
    let readDescriptor: Int32
    let writeDescriptor: Int32

    init() throws {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { throw CommandFailure("cannot create a pipe: \(String(cString: strerror(errno)))") }
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }

    /// Writes one byte; a failed write loses nothing, since a full pipe wakes the loop already.
    func post(_ byte: UInt8) {
        var byte = byte
        _ = write(writeDescriptor, &byte, 1)
    }

    /// The bytes written since the last call, oldest first.
    func drain() -> [UInt8] {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        while true {
            let count = read(readDescriptor, &buffer, buffer.count)
            guard count > 0 else { return received }
            received += buffer[..<count]
        }
    }
}
