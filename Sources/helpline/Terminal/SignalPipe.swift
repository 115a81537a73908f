import Foundation

/// Turns signals into bytes on a pipe, so the chat's poll loop handles them like input.
///
/// A signal handler may do almost nothing safely; writing one byte to a pipe is one of the
/// few things it may do. Only one pipe exists per process.
final class SignalPipe {
    let readDescriptor: Int32
    private let writeDescriptor: Int32

    /// Installs handlers for `signals`; their numbers then arrive through ``drain()``.
    init(signals: [Int32]) throws {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { throw CommandFailure("cannot create a pipe: \(String(cString: strerror(errno)))") }
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        signalPipeWriteDescriptor = writeDescriptor
        for number in signals {
            signal(number) { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(signalPipeWriteDescriptor, &byte, 1)
            }
        }
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }

    /// The signals that arrived since the last call, oldest first.
    func drain() -> [Int32] {
        var received: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(readDescriptor, &buffer, buffer.count)
            guard count > 0 else { return received }
            received += buffer[..<count].map(Int32.init)
        }
    }
}

/// Written once, before any handler is installed; signal handlers cannot capture context.
nonisolated(unsafe) private var signalPipeWriteDescriptor: Int32 = -1
