import HelplineCore

extension KnowledgeIndex {
    /// What an index holds in memory besides its tables: the analyzer, the vocabulary (weights and
    /// typo correction) and the locales that have articles.
    ///
    /// Building the vocabulary reads every term of the help center and indexes every word for typo
    /// correction, which takes a while on a large one. A server re-indexes on a thread of its own,
    /// with an index of its own on the same database file; that index's snapshot then replaces
    /// the serving index's state in one assignment, so the service thread never builds it.
    public struct Snapshot: Sendable {
        let analyzer: Analyzer
        let vocabulary: Vocabulary
        let locales: [String: Int]
        let recordedSurfaces: Set<String>
    }

    /// The in-memory state as it is now.
    public var snapshot: Snapshot {
        Snapshot(analyzer: analyzer, vocabulary: vocabulary, locales: locales, recordedSurfaces: recordedSurfaces)
    }

    /// Replaces the in-memory state with `snapshot`, taken from another index of the same database
    /// after its update committed.
    public func install(_ snapshot: Snapshot) {
        analyzer = snapshot.analyzer
        vocabulary = snapshot.vocabulary
        locales = snapshot.locales
        recordedSurfaces = snapshot.recordedSurfaces
        generation += 1
    }

    /// Reads the in-memory state from the tables again, on the calling thread.
    public func refresh() throws {
        try reloadVocabulary()
    }

    /// The database file the index lives in, for opening another connection to it.
    public var databasePath: String { database.path }
}
