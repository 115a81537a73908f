import Foundation

/// Runs the built `helpline` executable, as a user or a script would, and captures its output.
struct HelplineProcess {
    struct Output {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The executable next to the test bundle: SwiftPM builds both into the same folder.
    static var executable: URL {
        URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("helpline")
    }

    /// The shipped help center, found from this file's place in the repository.
    static var shippedKnowledge: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("knowledge")
    }

    /// - Parameter environment: replaces the child's environment when given (PATH and HOME are kept).
    static func run(_ arguments: [String], environment: [String: String]? = nil, input: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment {
            let inherited = ProcessInfo.processInfo.environment.filter { ["PATH", "HOME"].contains($0.key) }
            process.environment = inherited.merging(environment) { $1 }
        }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        // Read before waiting: a full pipe would block the child.
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }
}

/// A temporary folder that removes itself.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("helpline-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func write(_ text: String, to path: String) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }
}

/// `helpline serve` running in the background on a free port, stopped with SIGTERM.
final class BackgroundServer {
    let process = Process()
    let port: Int
    /// What the server writes to standard error, line by line.
    let log = ServerLog()
    private let data: TemporaryDirectory

    /// - Parameters:
    ///   - environment: added to the server's environment (e.g. `HELPLINE_IDENTITY_SECRET`).
    ///   - knowledge: the knowledge folder to serve.
    ///   - arguments: more options for `serve` (`--dev`, `--watch`).
    init(
        environment: [String: String] = [:], knowledge: URL = HelplineProcess.shippedKnowledge, arguments: [String] = []
    ) throws {
        data = try TemporaryDirectory()
        process.executableURL = HelplineProcess.executable
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.arguments = [
            "serve", "--port", "0", "--knowledge", knowledge.path, "--data", data.url.path,
        ] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = log.pipe
        try process.run()
        log.startReading()
        // The first line names the port; read it on another thread so a silent server fails
        // the test at the deadline instead of hanging it.
        let announced = DispatchSemaphore(value: 0)
        let line = LineBox()
        Thread.detachNewThread {
            var bytes: [UInt8] = []
            while let byte = try? output.fileHandleForReading.read(upToCount: 1), let first = byte.first, first != 0x0A {
                bytes.append(first)
            }
            line.value = String(decoding: bytes, as: UTF8.self)
            announced.signal()
        }
        guard announced.wait(timeout: .now() + 60) == .success,
              let range = line.value.range(of: "on port "),
              let port = Int(line.value[range.upperBound...].prefix { $0.isNumber }) else {
            process.terminate()
            throw HelplineProcessError(message: "the server announced no port: \(line.value)")
        }
        self.port = port
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }

    private final class LineBox: @unchecked Sendable {
        // @unchecked Sendable: written once before the semaphore is signalled, read after.
        var value = ""
    }
}

struct HelplineProcessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
