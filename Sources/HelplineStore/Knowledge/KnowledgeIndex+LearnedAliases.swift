import Foundation
import HelplineCore

extension KnowledgeIndex {
    /// Attaches `phrasings` to an article as aliases, at once and for every later re-index.
    ///
    /// The article's indexed aliases are rewritten in place in the same transaction, so a
    /// server reading the same database answers those phrasings with this article from its next
    /// question on. A phrasing the article has learned before is not added twice.
    /// - Parameter refreshingVocabulary: whether to rebuild this index's vocabulary now (slow on
    ///   a large help center); a server passes false and rebuilds it on its reload thread.
    /// - Throws: ``ReviewError`` when the article does not exist in that locale.
    public func learnAliases(
        _ phrasings: [String], articleID: String, locale: String, group: Int64?, now: Date, refreshingVocabulary: Bool = true
    ) throws {
        try database.transaction {
            let find = try database.cachedStatement("SELECT row FROM articles WHERE article_id = ? AND locale = ?")
            try find.bind([articleID, locale])
            guard let row = try find.firstRow({ $0.int64(at: 0) }) else {
                throw ReviewError(.articleNotFound, "no article '\(articleID)' in locale '\(locale)'")
            }
            let known = try database.cachedStatement(
                "SELECT 1 FROM learned_aliases WHERE article_id = ? AND locale = ? AND phrasing = ?")
            let insert = try database.cachedStatement("""
                INSERT INTO learned_aliases(article_id, locale, phrasing, group_id, created_at) VALUES (?, ?, ?, ?, ?)
                """)
            var learned: [String] = []
            for phrasing in Set(phrasings).sorted() {
                try known.bind([articleID, locale, phrasing])
                guard try known.firstRow({ _ in true }) == nil else { continue }
                try insert.run([articleID, locale, phrasing, group, now.timeIntervalSince1970])
                learned.append(phrasing)
            }
            let language = Language(locale: locale)
            let current = try database.cachedStatement("SELECT aliases FROM article_terms WHERE rowid = ?")
            try current.bind([row])
            let existing = try current.firstRow { $0.string(at: 0) ?? "" } ?? ""
            // Phrasings that analyse alike ("pay by cheque", "paying by cheques") are one alias.
            var lines = existing.split(separator: "\n").map(String.init)
            var seen = Set(lines)
            for phrasing in learned {
                let terms = analyzer.terms(phrasing, language: language).joined(separator: " ")
                if !terms.isEmpty, seen.insert(terms).inserted { lines.append(terms) }
            }
            let aliases = lines.joined(separator: "\n")
            try database.cachedStatement("UPDATE article_terms SET aliases = ? WHERE rowid = ?").run([aliases, row])
        }
        if refreshingVocabulary { try reloadVocabulary() }
    }
}
