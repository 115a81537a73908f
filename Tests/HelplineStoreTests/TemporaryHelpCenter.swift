import Foundation
import HelplineCore
import HelplineStore

/// A knowledge folder and a database in a temporary directory of one test's own, removed with it.
///
/// Swift Testing runs tests in parallel, so no two tests may share a folder or a database path.
/// The directory goes when the value does, and an index does not keep its help center alive:
/// tests hold it to their end with `defer { withExtendedLifetime(center) {} }`, so the database
/// file is never unlinked under an open connection.
final class TemporaryHelpCenter {
    /// The temporary directory: `knowledge/` and `index.sqlite` live inside.
    let root: URL
    /// The knowledge folder the index reads: `root/knowledge`, or the shipped one.
    let knowledge: URL
    private var database: Database?
    private var index: KnowledgeIndex?
    /// The modification time the next write gets.
    ///
    /// File systems stamp files from a coarse kernel clock, so two writes in quick succession can
    /// share a modification time; the index's cheap "unchanged" check compares size and time. Every
    /// write therefore gets a time of its own, one second after the previous one.
    private var nextModified = Date(timeIntervalSince1970: 1_700_000_000)

    /// `<repo>/knowledge`, found from this file: `<repo>/Tests/HelplineStoreTests/TemporaryHelpCenter.swift`.
    static let shippedKnowledge = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("knowledge", isDirectory: true)

    /// - Parameter knowledge: a knowledge folder to index instead of an empty one of its own.
    init(knowledge: URL? = nil) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("helpline-store-\(UUID().uuidString)", isDirectory: true)
        self.knowledge = knowledge ?? root.appendingPathComponent("knowledge", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if knowledge == nil {
            try FileManager.default.createDirectory(
                at: self.knowledge.appendingPathComponent("articles"), withIntermediateDirectories: true)
        }
    }

    deinit {
        // Close the connection before its files go.
        index = nil
        database = nil
        try? FileManager.default.removeItem(at: root)
    }

    var folder: KnowledgeFolder { KnowledgeFolder(root: knowledge) }

    /// The database at `root/index.sqlite`, opened on first use.
    func openDatabase() throws -> Database {
        if let database { return database }
        let opened = try Database(path: root.appendingPathComponent("index.sqlite").path)
        database = opened
        return opened
    }

    /// A knowledge index over the database; a new analyzer opens a new index on the same file.
    ///
    /// - Parameter wordRelations: compound parts only by default, so results do not depend on
    ///   which thesauri the machine has installed.
    func openIndex(analyzer: Analyzer = Analyzer(), wordRelations: WordRelations = WordRelations()) throws -> KnowledgeIndex {
        let opened = try KnowledgeIndex(database: try openDatabase(), analyzer: analyzer, wordRelations: wordRelations)
        index = opened
        return opened
    }

    // MARK: - Files

    /// The text of an article file.
    static func article(
        id: String, title: String, body: String, locale: String? = nil, aliases: [String] = [], tags: [String] = []
    ) -> String {
        var lines = ["---", "id: \(id)", "title: \(title)"]
        if let locale { lines.append("locale: \(locale)") }
        if !tags.isEmpty { lines.append("tags: [\(tags.joined(separator: ", "))]") }
        if !aliases.isEmpty {
            lines.append("aliases:")
            lines += aliases.map { "  - \($0)" }
        }
        lines += ["---", body, ""]
        return lines.joined(separator: "\n")
    }

    /// Writes `text` to `path` (relative to the knowledge folder) with a modification time of its own.
    func write(_ text: String, to path: String) throws {
        let url = knowledge.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        try touch(path)
    }

    /// Gives the file a new modification time without changing its content.
    func touch(_ path: String) throws {
        nextModified += 1
        try FileManager.default.setAttributes(
            [.modificationDate: nextModified], ofItemAtPath: knowledge.appendingPathComponent(path).path)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: knowledge.appendingPathComponent(path))
    }

    /// How many articles the database holds in each locale.
    func articleCounts() throws -> [String: Int] {
        let statement = try openDatabase().prepare("SELECT locale, count(*) FROM articles GROUP BY locale")
        var counts: [String: Int] = [:]
        while try statement.step() {
            counts[statement.string(at: 0) ?? ""] = Int(statement.int64(at: 1))
        }
        return counts
    }
}
