import ArgumentParser
import Foundation
import HelplineCore
import HelplineStore

extension Helpline {
    /// `helpline review`: what the assistant could not answer, grouped, for support leads.
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Review the questions Helpline could not answer, grouped by similarity, largest first.",
            discussion: """
                Recorded: every question that got no match, an unhelpful answer, or a request for a \
                person, with its outcome (ticket or self-service) and the closest articles. With \
                --server URL --token JWT (or HELPLINE_SERVER and HELPLINE_TOKEN), every subcommand \
                works on that server's HTTP API with a support lead's token instead of the local database.
                """,
            subcommands: [List.self, Resolve.self, Draft.self, Dismiss.self],
            defaultSubcommand: List.self
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case table, json, csv
        }

        static func openLog(_ storage: StorageOptions) throws -> ReviewLog {
            try FileManager.default.createDirectory(atPath: storage.data, withIntermediateDirectories: true)
            return try ReviewLog(database: try Database(path: storage.databasePath))
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the groups (the default).")

            @Option(help: ArgumentHelp("How far back: 24h, 7d, 30d.", valueName: "age")) var since = "7d"
            @Option(help: ArgumentHelp("Only this locale (en, da).", valueName: "code")) var locale: String?
            @Option(help: "table, json or csv.") var format = Format.table

            @OptionGroup(title: "Storage") var storage: StorageOptions
            @OptionGroup(title: "Remote server") var remote: ReviewServerOptions

            func validate() throws {
                guard Self.seconds(since) != nil else { throw ValidationError("--since takes an age such as 24h, 7d or 30d, not '\(since)'") }
            }

            static func seconds(_ age: String) -> TimeInterval? {
                guard let unit = age.last, let value = Double(age.dropLast()), value >= 0 else { return nil }
                switch unit {
                case "h": return value * 3600
                case "d": return value * 86_400
                default: return nil
                }
            }

            func run() throws {
                let since = Date().addingTimeInterval(-(Self.seconds(since) ?? 0))
                let groups = if let client = try remote.client() {
                    try client.groups(since: self.since, locale: locale)
                } else {
                    try Review.openLog(storage).groups(since: since, locale: locale)
                }
                switch format {
                case .json:
                    let encoder = makeJSONEncoder(pretty: true)
                    encoder.dateEncodingStrategy = .iso8601
                    print(String(decoding: try encoder.encode(groups), as: UTF8.self))
                case .csv:
                    print("group,locale,count,first_seen,last_seen,outcomes,closest_articles,examples")
                    for group in groups {
                        let fields = [
                            "\(group.id)", group.locale, "\(group.count)", group.firstSeen.formatted(.iso8601),
                            group.lastSeen.formatted(.iso8601), Self.outcomes(group), group.closestArticles.joined(separator: " "),
                            group.examples.joined(separator: " | "),
                        ]
                        print(fields.map(Self.csvField).joined(separator: ","))
                    }
                case .table:
                    if groups.isEmpty { print("nothing unanswered since \(since.formatted(.iso8601))") }
                    for group in groups {
                        print("#\(group.id) [\(group.locale)] \(group.count)× \(Self.outcomes(group))  last \(group.lastSeen.formatted(.iso8601))")
                        for example in group.examples { print("    “\(example)”") }
                        if !group.closestArticles.isEmpty { print("    closest: \(group.closestArticles.joined(separator: ", "))") }
                    }
                }
            }

            static func outcomes(_ group: ReviewLog.Group) -> String {
                group.outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            }

            static func csvField(_ text: String) -> String {
                text.contains(where: { ",\"\n".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
            }
        }

        struct Resolve: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Make a group's phrasings aliases of an article: answered at once, and kept across re-indexing.")

            @Argument(help: "The group number from the list.") var group: Int64
            @Option(help: ArgumentHelp("The article that answers the group's questions.", valueName: "id")) var article: String
            @OptionGroup(title: "Storage") var storage: StorageOptions
            @OptionGroup(title: "Remote server") var remote: ReviewServerOptions

            func run() throws {
                if let client = try remote.client() {
                    let resolved = try client.resolve(group, article: article)
                    print("group #\(group): \(resolved.aliases) phrasings are now aliases of \(resolved.article) [\(resolved.group.locale)]")
                    return
                }
                let log = try Review.openLog(storage)
                guard try log.group(group) != nil else { throw CommandFailure("no group #\(group)") }
                do {
                    let resolved = try log.resolve(group, article: article, in: try storage.openIndex().index, now: Date())
                    print("group #\(group): \(resolved.aliases) phrasings are now aliases of \(article) [\(resolved.group.locale)]")
                } catch let error as ReviewError {
                    throw CommandFailure("\(error)")
                }
            }
        }

        struct Draft: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Write a new article draft for a group to knowledge/drafts/, with its phrasings as aliases.")

            @Argument(help: "The group number from the list.") var group: Int64
            @OptionGroup(title: "Storage") var storage: StorageOptions
            @OptionGroup(title: "Remote server") var remote: ReviewServerOptions

            func run() throws {
                if let client = try remote.client() {
                    let written = try client.draft(group)
                    let first = written.group.examples.first.map { " for “\($0)”" } ?? ""
                    print("wrote \(written.path) on the server\(first); move it under articles/\(written.group.locale)/<section>/ when done")
                    return
                }
                do {
                    let draft = try Review.openLog(storage).writeDraft(for: group, in: storage.knowledgeFolder)
                    print("wrote \(draft.file.path) (“\(draft.firstPhrasing)” and \(draft.phrasings - 1) more); "
                          + "move it under articles/\(draft.group.locale)/<section>/ when done")
                } catch let error as ReviewError {
                    throw CommandFailure("\(error)")
                }
            }
        }

        struct Dismiss: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Dismiss a group (spam, off-topic): it leaves the list.")

            @Argument(help: "The group number from the list.") var group: Int64
            @OptionGroup(title: "Storage") var storage: StorageOptions
            @OptionGroup(title: "Remote server") var remote: ReviewServerOptions

            func run() throws {
                if let client = try remote.client() {
                    _ = try client.dismiss(group)
                    print("dismissed group #\(group)")
                    return
                }
                guard try Review.openLog(storage).dismiss(group) else { throw CommandFailure("no group #\(group)") }
                print("dismissed group #\(group)")
            }
        }
    }
}
