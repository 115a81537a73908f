import Foundation
import HelplineCore
import HelplineStore

/// Re-indexes the knowledge folder on a thread of its own, with its own connection to the
/// database file, and hands back the report and the index's new in-memory state.
///
/// The serving index keeps answering from the same file meanwhile: SQLite's WAL lets it read the
/// old index until the update's one transaction commits, and then the new one. The synonyms are
/// read again too, so a changed `synonyms.yaml` takes effect (it rebuilds every article);
/// `policy.yaml` is read at start only.
struct KnowledgeReloader: Sendable {
    /// What one reload produced.
    struct Reloaded: Sendable {
        var report: IndexReport
        /// The re-indexed state, for ``KnowledgeIndex/install(_:)`` on the service thread.
        var snapshot: KnowledgeIndex.Snapshot
    }

    let databasePath: String
    let folder: KnowledgeFolder

    /// Starts a reload on a new thread; `finished` is called on that thread when it is done.
    func start(then finished: @escaping @Sendable (Result<Reloaded, any Error>) -> Void) {
        let thread = Thread { [self] in
            finished(Result { try reload() })
        }
        thread.name = "helpline-reload"
        thread.start()
    }

    /// Re-indexes on the calling thread.
    func reload() throws -> Reloaded {
        let database = try Database(path: databasePath)
        let index = try KnowledgeIndex(database: database, analyzer: Analyzer(synonyms: try folder.loadSynonyms()))
        let report = try index.update(from: folder)
        return Reloaded(report: report, snapshot: index.snapshot)
    }
}
