import Foundation

/// The terminal in raw mode for the line editor, restored on ``restore()`` or deinit.
///
/// Raw here means: no line buffering, no echo, and Ctrl-C, Ctrl-Z and Ctrl-S arrive as bytes
/// for the editor instead of signals. Output processing stays on, so `\n` still starts a new line.
final class RawTerminal {
    private let descriptor: Int32
    private var original: termios
    private var isRaw = true

    /// Enters raw mode; nil when `descriptor` is not a terminal.
    init?(descriptor: Int32 = STDIN_FILENO) {
        var settings = termios()
        guard isatty(descriptor) == 1, tcgetattr(descriptor, &settings) == 0 else { return nil }
        self.descriptor = descriptor
        original = settings
        settings.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        settings.c_iflag &= ~tcflag_t(IXON | ICRNL | INLCR | ISTRIP)
        // VMIN 1, VTIME 0: a read returns as soon as one byte is there.
        withUnsafeMutableBytes(of: &settings.c_cc) { bytes in
            bytes[Int(VMIN)] = 1
            bytes[Int(VTIME)] = 0
        }
        guard tcsetattr(descriptor, TCSAFLUSH, &settings) == 0 else { return nil }
    }

    deinit {
        restore()
    }

    func restore() {
        guard isRaw else { return }
        isRaw = false
        tcsetattr(descriptor, TCSAFLUSH, &original)
    }

    /// The width of the terminal on `descriptor`, else `COLUMNS`, else 80.
    static func columns(of descriptor: Int32 = STDOUT_FILENO) -> Int {
        var size = winsize()
        if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }
}
