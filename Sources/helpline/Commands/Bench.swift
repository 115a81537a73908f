import ArgumentParser

extension Helpline {
    /// `helpline bench`: benchmarks that print figures.
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure Helpline's speed and print the figures.",
            subcommands: [BenchSearch.self, BenchChat.self]
        )
    }
}
