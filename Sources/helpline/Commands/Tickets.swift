import ArgumentParser
import Foundation
import HelplineCore
import HelplineStore

extension Helpline {
    /// `helpline tickets`: a helpdesk for teams without one.
    struct Tickets: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List, show, respond to and solve support tickets, with their SLA state.",
            discussion: """
                SLA state: 'due' until the first-response time passes, 'met' when the first response \
                came in time, 'breached' otherwise. Targets are wall-clock hours (support runs 24/7).
                """,
            subcommands: [List.self, Show.self, Respond.self, Solve.self]
        )

        static func openStore(_ storage: StorageOptions) throws -> TicketStore {
            try FileManager.default.createDirectory(atPath: storage.data, withIntermediateDirectories: true)
            let policy = FileManager.default.fileExists(atPath: storage.knowledge)
                ? try storage.knowledgeFolder.loadPolicy() : Policy.builtIn
            return try TicketStore(database: try Database(path: storage.databasePath), policy: policy)
        }

        /// Accepts `42` or `HL-42`.
        static func parseID(_ text: String) throws -> Int64 {
            let digits = text.uppercased().hasPrefix("HL-") ? String(text.dropFirst(3)) : text
            guard let id = Int64(digits), id > 0 else { throw ValidationError("'\(text)' is not a ticket id such as HL-42") }
            return id
        }

        static func line(_ ticket: TicketRecord, now: Date) -> String {
            let question = ticket.question.count > 60 ? ticket.question.prefix(59) + "…" : Substring(ticket.question)
            return [ticket.reference, "P\(ticket.priority)", ticket.status.rawValue, ticket.sla(now: now).rawValue,
                    "due \(ticket.dueAt.formatted(.iso8601))", ticket.account ?? "-", String(question)].joined(separator: "\t")
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List tickets, newest first.")

            @Flag(help: "Only tickets whose first response is late.")
            var breaching = false

            @OptionGroup(title: "Storage") var storage: StorageOptions

            func run() throws {
                let now = Date()
                let tickets = try Tickets.openStore(storage).list(breachingAt: breaching ? now : nil)
                if tickets.isEmpty { print(breaching ? "no breaching tickets" : "no tickets") }
                for ticket in tickets { print(Tickets.line(ticket, now: now)) }
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Show one ticket.")

            @Argument(help: "The ticket id, e.g. HL-42.") var id: String
            @OptionGroup(title: "Storage") var storage: StorageOptions

            func run() throws {
                guard let ticket = try Tickets.openStore(storage).ticket(try Tickets.parseID(id)) else {
                    throw CommandFailure("no ticket \(id)")
                }
                let now = Date()
                print("""
                    \(ticket.reference)  priority \(ticket.priority)  \(ticket.status.rawValue)  SLA \(ticket.sla(now: now).rawValue)
                    user:      \(ticket.userKey)  account \(ticket.account ?? "-")  plan \(ticket.plan)  role \(ticket.role)
                    opened:    \(ticket.createdAt.formatted(.iso8601))
                    due:       \(ticket.dueAt.formatted(.iso8601))
                    responded: \(ticket.respondedAt?.formatted(.iso8601) ?? "-")
                    solved:    \(ticket.solvedAt?.formatted(.iso8601) ?? "-")
                    channels:  \(ticket.channels.map(\.rawValue).joined(separator: ", "))
                    reason:    \(ticket.reason)
                    chat:      \(ticket.conversation ?? "-")
                    question:  \(ticket.question)
                    """)
            }
        }

        struct Respond: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Record the first response to a ticket.")

            @Argument(help: "The ticket id, e.g. HL-42.") var id: String
            @OptionGroup(title: "Storage") var storage: StorageOptions

            func run() throws {
                guard let ticket = try Tickets.openStore(storage).respond(try Tickets.parseID(id), now: Date()) else {
                    throw CommandFailure("no ticket \(id)")
                }
                print(Tickets.line(ticket, now: Date()))
            }
        }

        struct Solve: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Mark a ticket solved.")

            @Argument(help: "The ticket id, e.g. HL-42.") var id: String
            @OptionGroup(title: "Storage") var storage: StorageOptions

            func run() throws {
                guard let ticket = try Tickets.openStore(storage).solve(try Tickets.parseID(id), now: Date()) else {
                    throw CommandFailure("no ticket \(id)")
                }
                print(Tickets.line(ticket, now: Date()))
            }
        }
    }
}
