import ArgumentParser
import Foundation
import HelplineCore
import HelplineStore

extension Helpline {
    /// `helpline bench search`: index a generated help center and time queries against it.
    struct BenchSearch: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Generate a help center of N articles, index it, and print index time and query latency.",
            discussion: """
                Articles are made of pseudo-words drawn with a Zipf distribution, like words in real \
                text; questions mix words of one article's title, aliases and body with common words \
                and unknown ones. Everything is written to a temporary folder and removed afterwards.
                """
        )

        @Option(help: "How many English articles to generate.")
        var articles = 10_000

        @Option(help: "How many questions to time.")
        var queries = 5_000

        @Option(help: "Seed for the generator: the same seed gives the same help center.")
        var seed: UInt64 = 42

        @Option(help: ArgumentHelp("Write the generated help center and its index here and keep them (default: a temporary folder, removed afterwards).", valueName: "dir"))
        var work: String?

        func validate() throws {
            guard articles > 0 else { throw ValidationError("--articles must be at least 1") }
            guard queries > 0 else { throw ValidationError("--queries must be at least 1") }
        }

        func run() throws {
            let root = work.map { URL(fileURLWithPath: $0, isDirectory: true) }
                ?? URL(fileURLWithPath: NSTemporaryDirectory(), isDirectory: true)
                .appendingPathComponent("helpline-bench-\(ProcessInfo.processInfo.processIdentifier)")
            defer { if work == nil { try? FileManager.default.removeItem(at: root) } }
            let knowledge = root.appendingPathComponent("knowledge")
            var generator = SyntheticHelpCenter(seed: seed)

            printToStandardError("generating \(articles) articles in \(knowledge.path)")
            try generator.write(articles: articles, to: knowledge)
            let database = try Database(path: root.appendingPathComponent("bench.sqlite").path)
            let index = try KnowledgeIndex(database: database, analyzer: Analyzer())
            let folder = KnowledgeFolder(root: knowledge)

            let indexTime = try measure {
                try index.update(from: folder) { progress in
                    if progress.done % 10_000 == 0 || progress.done == progress.total {
                        printToStandardError("indexed \(progress.done)/\(progress.total)")
                    }
                }
            }
            let recheckTime = try measure { try index.update(from: folder) }

            let questions = (0..<queries).map { _ in generator.question() }
            for question in questions.prefix(200) { _ = try index.search(question, locale: "en") }
            var latencies: [Duration] = []
            latencies.reserveCapacity(questions.count)
            var decisions: [SearchDecision: Int] = [:]
            for question in questions {
                let started = ContinuousClock.now
                let result = try index.search(question, locale: "en")
                latencies.append(ContinuousClock.now - started)
                decisions[result.decision, default: 0] += 1
            }
            latencies.sort()
            let total = latencies.reduce(Duration.zero, +)
            func ms(_ duration: Duration) -> String { String(format: "%.3f ms", duration.milliseconds) }
            func percentile(_ p: Double) -> Duration { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
            print("articles: \(articles)")
            print("index: \(String(format: "%.2f s", indexTime.milliseconds / 1000)) "
                + "(\(Int(Double(articles) / max(indexTime.milliseconds / 1000, 0.001))) articles/s); "
                + "re-check unchanged: \(String(format: "%.2f s", recheckTime.milliseconds / 1000))")
            print("queries: \(queries), \(Int(Double(queries) / max(total.milliseconds / 1000, 0.000001))) per second on one thread")
            print("latency: p50 \(ms(percentile(0.50)))  p90 \(ms(percentile(0.90)))  p99 \(ms(percentile(0.99)))  max \(ms(latencies.last ?? .zero))")
            print("decisions: " + decisions.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))
        }

        private func measure(_ body: () throws -> Void) rethrows -> Duration {
            let started = ContinuousClock.now
            try body()
            return ContinuousClock.now - started
        }
    }
}

extension Duration {
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
