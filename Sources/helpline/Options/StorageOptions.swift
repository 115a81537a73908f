import ArgumentParser
import Foundation
import HelplineCore
import HelplineStore

/// Where the help center and the data live: shared by every command that searches.
///
/// `HELPLINE_KNOWLEDGE` and `HELPLINE_DATA` in the environment replace the defaults.
struct StorageOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The help center: articles/<locale>/<section>/<id>.md, policy.yaml, synonyms.yaml.", valueName: "dir"))
    var knowledge = ProcessInfo.processInfo.environment["HELPLINE_KNOWLEDGE"] ?? "./knowledge"

    @Option(name: .long, help: ArgumentHelp("Where Helpline keeps its SQLite database (created if missing).", valueName: "dir"))
    var data = ProcessInfo.processInfo.environment["HELPLINE_DATA"] ?? "./data"

    var knowledgeFolder: KnowledgeFolder {
        KnowledgeFolder(root: URL(fileURLWithPath: knowledge, isDirectory: true))
    }

    /// The database file inside the data folder.
    var databasePath: String {
        URL(fileURLWithPath: data, isDirectory: true).appendingPathComponent("helpline.sqlite").path
    }

    /// Opens the index and brings it up to date with the knowledge folder.
    ///
    /// - Parameter progress: where to report progress on large help centers (stderr for humans).
    func openIndex(progress: @escaping (IndexProgress) -> Void = { _ in }) throws -> OpenedIndex {
        let folder = knowledgeFolder
        guard FileManager.default.fileExists(atPath: folder.root.path) else {
            throw CommandFailure("knowledge folder '\(knowledge)' does not exist (set it with --knowledge DIR)")
        }
        do {
            try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("cannot create the data folder '\(data)': \(error.localizedDescription)")
        }
        let policy = try folder.loadPolicy()
        let synonyms = try folder.loadSynonyms()
        let database = try Database(path: databasePath)
        let index = try KnowledgeIndex(database: database, analyzer: Analyzer(synonyms: synonyms))
        let report = try index.update(from: folder, progress: progress)
        return OpenedIndex(database: database, index: index, policy: policy, report: report)
    }
}

/// An index ready to search, with the policy that goes with it and what opening it changed.
struct OpenedIndex {
    /// The connection the index uses; the server keeps its conversations there too.
    var database: Database
    var index: KnowledgeIndex
    var policy: Policy
    var report: IndexReport
}

/// A run-time failure with a message that says what to do; printed without a stack of types.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
