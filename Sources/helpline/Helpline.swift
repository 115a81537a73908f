import ArgumentParser

/// The `helpline` command: the server and the tools around it.
@main
struct Helpline: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helpline",
        abstract: "A chat support assistant that answers from a help center and escalates by plan.",
        discussion: """
            Serve the chat:                    helpline serve --port 8080
            Try a question without a server:  helpline ask "How do I reset my password?"
            Measure answer quality:            helpline eval --cases cases.jsonl
            """,
        subcommands: [Serve.self, Chat.self, Index.self, Ask.self, Accounts.self, Tickets.self, Review.self, Token.self, Eval.self, Bench.self]
    )
}
