import Foundation
import HelplineCore

extension KnowledgeIndex {
    /// Attaches `phrasings` to an article as aliases, at once and for every later re-index.
    ///
    /// The article's indexed aliases are rewritten in place in the same transaction, so a
    /// server reading the same database answers those phrasings with this article from its next
    /// question on.
    /// - Throws: ``ReviewError`` when the article does not exist in that locale.
    public func learnAliases(_ phrasings: [String], articleID: String, locale: String, group: Int64?, now: Date) throws {
        try database.transaction {
            let find = try database.cachedStatement("SELECT row FROM articles WHERE article_id = ? AND locale = ?")
            try find.bind([articleID, locale])
            guard let row = try find.firstRow({ $0.int64(at: 0) }) else {
                throw ReviewError(.articleNotFound, "no article '\(articleID)' in locale '\(locale)'")
            }
            let insert = try database.cachedStatement("""
                INSERT OR IGNORE INTO learned_aliases(article_id, locale, phrasing, group_id, created_at) VALUES (?, ?, ?, ?, ?)
                """)
            for phrasing in phrasings { try insert.run([articleID, locale, phrasing, group, now.timeIntervalSince1970]) }
            let language = Language(locale: locale)
            let current = try database.cachedStatement("SELECT aliases FROM article_terms WHERE rowid = ?")
            try current.bind([row])
            let existing = try current.firstRow { $0.string(at: 0) ?? "" } ?? ""
            let added = phrasings.map { analyzer.terms($0, language: language).joined(separator: " ") }.filter { !$0.isEmpty }
            let aliases = ([existing].filter { !$0.isEmpty } + added).joined(separator: "\n")
            try database.cachedStatement("UPDATE article_terms SET aliases = ? WHERE rowid = ?").run([aliases, row])
        }
        try reloadVocabulary()
    }
}
