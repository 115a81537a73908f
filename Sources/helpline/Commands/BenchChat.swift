import ArgumentParser
import Foundation
import HelplineClient
import HelplineCore
import HelplineServer
import HelplineStore
import Logging

extension Helpline {
    /// `helpline bench chat`: questions per second and reply latency over real WebSockets.
    struct BenchChat: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "chat",
            abstract: "Open C chats against an in-process server and ask at a fixed rate; print throughput and latency.",
            discussion: """
                Open loop: each question has a scheduled send time, and its latency runs from that \
                time to its reply, so a server that falls behind shows it instead of slowing the \
                generator down. Server and clients share this process and its cores.
                """
        )

        @Option(help: "How many chats to open.") var connections = 100
        @Option(help: ArgumentHelp("How long to ask, in seconds.", valueName: "seconds")) var duration = 10.0
        @Option(help: ArgumentHelp("Questions per second across all chats (default: 2 per chat per second).", valueName: "rate"))
        var rate: Double?
        @OptionGroup(title: "Storage") var storage: StorageOptions

        static let questions = [
            "How do I reset my password?", "record a meeting", "share my screen with sound", "hvordan optager jeg et møde",
            "my microphone does not work", "cancel my subscription", "breakout rooms", "What's the capital of France?",
        ]

        func validate() throws {
            guard connections > 0, connections <= 5_000 else { throw ValidationError("--connections must be 1 to 5000") }
            guard duration > 0 else { throw ValidationError("--duration must be positive") }
            if let rate, rate <= 0 { throw ValidationError("--rate must be positive") }
        }

        func run() throws {
            let rate = self.rate ?? Double(connections) * 2
            let work = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("helpline-bench-chat-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: work) }
            var options = storage
            options.data = work.path
            let opened = try options.openIndex()
            let server = try ChatServer(
                configuration: ServerConfiguration(port: 0, host: "127.0.0.1", maximumQueuedFrames: 1_024),
                index: opened.index, conversations: try ConversationStore(database: opened.database), policy: opened.policy,
                verifier: nil, logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
            let serverDone = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                server.run()
                serverDone.signal()
            }
            defer {
                server.stop()
                serverDone.wait()
            }

            let pool = try ChatClientPool()
            let chats = (0..<connections).map { _ in pool.connect(port: server.port) }
            for chat in chats { try chat.waitUntilOpen(timeout: .seconds(30)) }
            printToStandardError("\(connections) chats open; asking \(Int(rate)) questions/s for \(duration) s")

            let result = try LoadRun(chats: chats, rate: rate, duration: duration, questions: Self.questions).run()
            pool.shutdown()
            result.print(connections: connections, rate: rate, duration: duration)
        }
    }
}
