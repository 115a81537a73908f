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
                person, with its outcome (ticket or self-service) and the closest articles.
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
                let groups = try Review.openLog(storage).groups(since: since, locale: locale)
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

            func run() throws {
                let log = try Review.openLog(storage)
                guard let (locale, phrasings) = try log.phrasings(of: group) else { throw CommandFailure("no group #\(group)") }
                let opened = try storage.openIndex()
                do {
                    try opened.index.learnAliases(phrasings, articleID: article, locale: locale, group: group, now: Date())
                } catch let error as ReviewError {
                    throw CommandFailure("\(error)")
                }
                try log.markResolved(group)
                print("group #\(group): \(phrasings.count) phrasings are now aliases of \(article) [\(locale)]")
            }
        }

        struct Draft: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Write a new article draft for a group to knowledge/drafts/, with its phrasings as aliases.")

            @Argument(help: "The group number from the list.") var group: Int64
            @OptionGroup(title: "Storage") var storage: StorageOptions

            func run() throws {
                guard let (locale, phrasings) = try Review.openLog(storage).phrasings(of: group), let first = phrasings.first else {
                    throw CommandFailure("no group #\(group)")
                }
                let draft = ArticleDraft(id: "draft-\(group)", locale: locale, phrasings: phrasings)
                let folder = URL(fileURLWithPath: storage.knowledge).appendingPathComponent("drafts", isDirectory: true)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let file = folder.appendingPathComponent("\(draft.id).md")
                guard !FileManager.default.fileExists(atPath: file.path) else {
                    throw CommandFailure("\(file.path) exists already; finish or remove it first")
                }
                try Data(draft.markdown.utf8).write(to: file)
                print("wrote \(file.path) (“\(first)” and \(phrasings.count - 1) more); move it under articles/\(locale)/<section>/ when done")
            }
        }

        struct Dismiss: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Dismiss a group (spam, off-topic): it leaves the list.")

            @Argument(help: "The group number from the list.") var group: Int64
            @OptionGroup(title: "Storage") var storage: StorageOptions

            func run() throws {
                guard try Review.openLog(storage).dismiss(group) else { throw CommandFailure("no group #\(group)") }
                print("dismissed group #\(group)")
            }
        }
    }
}
