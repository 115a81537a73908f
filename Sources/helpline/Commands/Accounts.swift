import ArgumentParser
import Foundation
import HelplineCore
import HelplineStore

extension Helpline {
    /// `helpline accounts`: the account directory, whose plans override identity tokens.
    struct Accounts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Keep the account directory: which plan each customer account is on.",
            discussion: """
                When the directory knows a user's account, its plan wins over the plan in the user's \
                identity token, so a downgrade takes effect at once.
                """,
            subcommands: [Import.self, Set.self, List.self]
        )

        /// Opens the directory in the data folder, with the plans of the knowledge folder's policy.
        static func openDirectory(_ storage: StorageOptions) throws -> AccountDirectory {
            try FileManager.default.createDirectory(atPath: storage.data, withIntermediateDirectories: true)
            let policy = FileManager.default.fileExists(atPath: storage.knowledge)
                ? try storage.knowledgeFolder.loadPolicy() : Policy.builtIn
            return try AccountDirectory(database: try Database(path: storage.databasePath), policy: policy)
        }

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Import accounts from a CSV file of account,plan lines (all or nothing).")

            @Argument(help: ArgumentHelp("CSV with account,plan per line; a header line and # comments are allowed.", valueName: "file.csv"))
            var file: String

            @OptionGroup(title: "Storage") var storage: StorageOptions

            func run() throws {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw CommandFailure("cannot read '\(file)'")
                }
                do {
                    let entries = try AccountCSV.entries(in: String(decoding: data, as: UTF8.self))
                    try Accounts.openDirectory(storage).importEntries(entries)
                    print("imported \(entries.count) accounts from \(file)")
                } catch let error as AccountDirectoryError {
                    throw CommandFailure("\(file): \(error); nothing was imported")
                }
            }
        }

        struct Set: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Set one account's plan.")

            @Argument(help: "The account id, as in identity tokens' 'account' claim.")
            var account: String

            @Option(help: ArgumentHelp("The plan: free, pro, business, education, enterprise or api.", valueName: "plan"))
            var plan: String

            @OptionGroup(title: "Storage") var storage: StorageOptions

            func run() throws {
                do {
                    try Accounts.openDirectory(storage).set(.init(account: account, plan: plan.lowercased()))
                    print("\(account): \(plan.lowercased())")
                } catch let error as AccountDirectoryError {
                    throw CommandFailure("\(error)")
                }
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the accounts and their plans.")

            @OptionGroup(title: "Storage") var storage: StorageOptions

            func run() throws {
                let entries = try Accounts.openDirectory(storage).list()
                if entries.isEmpty { print("no accounts; add some with 'helpline accounts import FILE.csv'") }
                for entry in entries { print("\(entry.account)\t\(entry.plan)") }
            }
        }
    }
}
