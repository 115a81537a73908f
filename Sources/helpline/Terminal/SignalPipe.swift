import Foundation

/// Turns signals into bytes on a pipe, so the chat's poll loop handles them like input.
///
/// A signal handler may do almost nothing safely; writing one byte to a pipe is one of the
/// few things it may do. Only one pipe exists per process.
final class SignalPipe {
    private let pipe: WakePipe

    /// Readable when signals are waiting in ``drain()``.
    var readDescriptor: Int32 { pipe.readDescriptor }

    /// Installs handlers for `signals`; their numbers then arrive through ``drain()``.
    init(signals: [Int32]) throws {
        pipe = try WakePipe()
        signalPipeWriteDescriptor = pipe.writeDescriptor
        for number in signals {
            signal(number) { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(signalPipeWriteDescriptor, &byte, 1)
            }
        }
    }

    /// The signals that arrived since the last call, oldest first.
    func drain() -> [Int32] {
        pipe.drain().map(Int32.init)
    }
}

/// Written once, before any handler is installed; signal handlers cannot capture context.
nonisolated(unsafe) private var signalPipeWriteDescriptor: Int32 = -1
