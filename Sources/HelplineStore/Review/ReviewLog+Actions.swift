import Foundation
import HelplineCore

extension ReviewLog {
    /// What resolving a group did.
    public struct Resolution: Sendable, Equatable {
        /// The group as it is now (status `resolved`).
        public var group: Group
        public var article: String
        /// How many phrasings became aliases of the article.
        public var aliases: Int
    }

    /// The draft written for a group.
    public struct Draft: Sendable, Equatable {
        public var group: Group
        /// The new file, `<knowledge>/drafts/draft-<group>.md`.
        public var file: URL
        /// The group's first phrasing, the draft's working title.
        public var firstPhrasing: String
        /// How many phrasings became the draft's aliases.
        public var phrasings: Int
    }

    /// Makes a group's phrasings aliases of `article` in the group's locale and marks the group
    /// resolved: those questions are answered with the article from the next one on, and after
    /// every re-index (``KnowledgeIndex/learnAliases(_:articleID:locale:group:now:)``).
    ///
    /// `helpline review resolve` and `POST /api/v1/groups/{id}/resolve` both come here.
    /// - Parameters:
    ///   - index: the index the aliases go into; a server passes the one that answers its chats.
    ///   - refreshingVocabulary: whether `index` rebuilds its vocabulary now; a server passes
    ///     false and rebuilds it on its reload thread instead of the service thread.
    /// - Throws: ``ReviewError`` when there is no such group, no such article in its locale, or
    ///   the group is resolved or dismissed already.
    public func resolve(
        _ id: Int64, article: String, in index: KnowledgeIndex, now: Date, refreshingVocabulary: Bool = true
    ) throws -> Resolution {
        guard let current = try group(id), let (locale, phrasings) = try phrasings(of: id) else {
            throw ReviewError(.groupNotFound, "no group #\(id)")
        }
        guard current.status == "open" else { throw ReviewError(.groupClosed, "group #\(id) is \(current.status) already") }
        try index.learnAliases(
            phrasings, articleID: article, locale: locale, group: id, now: now, refreshingVocabulary: refreshingVocabulary)
        try markResolved(id)
        guard let group = try group(id) else { throw ReviewError(.groupNotFound, "no group #\(id)") }
        return Resolution(group: group, article: article, aliases: phrasings.count)
    }

    /// Writes a new article draft for a group to `<knowledge>/drafts/draft-<id>.md`, its phrasings
    /// as aliases (``ArticleDraft``); `articles/` is not touched, so nothing is published.
    ///
    /// `helpline review draft` and `POST /api/v1/groups/{id}/draft` both come here.
    /// - Throws: ``ReviewError`` when there is no such group or the draft exists already (a
    ///   writer may be working on it); file system errors as they are.
    public func writeDraft(for id: Int64, in folder: KnowledgeFolder) throws -> Draft {
        guard let (locale, phrasings) = try phrasings(of: id), let first = phrasings.first,
              let group = try group(id) else {
            throw ReviewError(.groupNotFound, "no group #\(id)")
        }
        let draft = ArticleDraft(id: "draft-\(id)", locale: locale, phrasings: phrasings)
        let drafts = folder.root.appendingPathComponent("drafts", isDirectory: true)
        try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
        let file = drafts.appendingPathComponent("\(draft.id).md")
        guard !FileManager.default.fileExists(atPath: file.path) else {
            throw ReviewError(.draftExists, "\(file.path) exists already; finish or remove it first")
        }
        // withoutOverwriting: two leads drafting the same group at once must not overwrite each other.
        try Data(draft.markdown.utf8).write(to: file, options: .withoutOverwriting)
        return Draft(group: group, file: file, firstPhrasing: first, phrasings: phrasings.count)
    }

    /// Dismisses a group and returns it (status `dismissed`).
    ///
    /// - Throws: ``ReviewError`` when there is no such group.
    public func dismissGroup(_ id: Int64) throws -> Group {
        guard try dismiss(id), let group = try group(id) else { throw ReviewError(.groupNotFound, "no group #\(id)") }
        return group
    }
}
