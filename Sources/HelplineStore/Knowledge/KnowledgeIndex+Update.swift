import Foundation
import HelplineCore

/// What one update of the index did.
public struct IndexReport: Sendable, Equatable {
    /// Article files found in the knowledge folder.
    public var files = 0
    public var added = 0
    public var updated = 0
    public var removed = 0
    /// Files skipped because neither their size, time nor content changed.
    public var unchanged = 0
    /// Whether every article was analysed anew (first run, or the analyzer or synonyms changed).
    public var rebuilt = false
    /// Files that could not be loaded, this time or before and unchanged since.
    public var issues: [KnowledgeIssue] = []
}

/// How far an update has got, for progress output on large help centers.
public struct IndexProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int
}

extension KnowledgeIndex {
    /// Brings the index in line with `folder`: new and changed files are analysed, deleted ones
    /// removed, unchanged ones skipped without being read.
    ///
    /// Changed files are read and analysed before the write transaction, which then only writes:
    /// analysis is nearly all of an update's time, and while the transaction lasts every other
    /// writer of the database (a server recording its chats) waits. The one transaction means a
    /// reader sees the old index or the new one, never a mix.
    /// - Parameter progress: called every few hundred files and once at the end.
    @discardableResult
    public func update(from folder: KnowledgeFolder, progress: (IndexProgress) -> Void = { _ in }) throws -> IndexReport {
        let files = try folder.articleFiles()
        let rebuilding = try !isCurrent
        let known = rebuilding ? [:] : try knownFiles()
        var prepared: [String: PreparedFile] = [:]
        for (done, file) in files.enumerated() {
            if !Self.isUnchanged(file, known: known[file.path]) {
                prepared[file.path] = try prepare(file, known: known[file.path])
            }
            if (done + 1) % 500 == 0 { progress(IndexProgress(done: done + 1, total: files.count)) }
        }
        var report = IndexReport(files: files.count)
        do {
            try database.transaction {
                if try !isCurrent {
                    try database.execute("""
                        DELETE FROM articles; DELETE FROM article_terms; DELETE FROM knowledge_issues; DELETE FROM surface_words;
                        """)
                    recordedSurfaces.removeAll()
                    try database.cachedStatement("INSERT OR REPLACE INTO meta(key, value) VALUES ('analyzer', ?)")
                        .run([analyzer.fingerprint])
                    report.rebuilt = true
                }
                let current = try knownFiles()
                // Another writer may have changed the index since it was read (two updates at
                // once); then what was prepared may not fit, and files are prepared again here.
                let fits = report.rebuilt == rebuilding && current == known
                let onDisk = Set(files.map(\.path))
                for path in current.keys where !onDisk.contains(path) {
                    try removeArticle(path: path)
                    report.removed += 1
                }
                for file in files {
                    try apply(file, known: current[file.path], prepared: fits ? prepared[file.path] : nil, report: &report)
                }
                let remaining = try issues().filter { onDisk.contains($0.path) }
                report.issues = remaining
            }
        } catch {
            // After a rollback, what this object remembers of the tables must come from them again.
            try? reloadVocabulary()
            throw error
        }
        progress(IndexProgress(done: files.count, total: files.count))
        try reloadVocabulary()
        return report
    }

    /// What the index remembers of a file: its row (nil for a file that failed), size, time and hash.
    struct KnownFile: Equatable {
        var row: Int64?
        var size: Int
        var modified: Int64
        var hash: String?
    }

    private func knownFiles() throws -> [String: KnownFile] {
        var known: [String: KnownFile] = [:]
        let articles = try database.prepare("SELECT path, row, file_size, file_modified, content_hash FROM articles")
        while try articles.step() {
            known[articles.string(at: 0) ?? ""] = KnownFile(
                row: articles.int64(at: 1), size: Int(articles.int64(at: 2)), modified: articles.int64(at: 3),
                hash: articles.string(at: 4))
        }
        let failed = try database.prepare("SELECT path, file_size, file_modified FROM knowledge_issues")
        while try failed.step() {
            known[failed.string(at: 0) ?? ""] = KnownFile(
                row: nil, size: Int(failed.int64(at: 1)), modified: failed.int64(at: 2), hash: nil)
        }
        return known
    }

    /// Whether a file is indexed with the same size and time, so it need not be read.
    ///
    /// A file that failed is read again every time: its problem may lie in another file (a
    /// duplicate id) that has since changed.
    private static func isUnchanged(_ file: KnowledgeFolder.ArticleFile, known: KnownFile?) -> Bool {
        guard let known, known.row != nil else { return false }
        return known.size == file.size && known.modified == file.modified
    }

    /// A changed file, read and hashed and, unless its content is what the index holds, parsed and analysed.
    enum PreparedFile {
        /// Only the file's time changed; the index holds its content at `row`.
        case sameContent(row: Int64)
        case changed(hash: String, content: Result<AnalysedArticle, KnowledgeIssue>)
    }

    private func prepare(_ file: KnowledgeFolder.ArticleFile, known: KnownFile?) throws -> PreparedFile {
        let data = try Data(contentsOf: file.url)
        var hasher = StableHash()
        hasher.combine(bytes: data)
        let hash = hasher.hexDigest
        if let known, let row = known.row, known.hash == hash { return .sameContent(row: row) }
        return .changed(hash: hash, content: parse(data, path: file.path).map(analyse))
    }

    /// Writes what `prepared` says about `file`; prepares it here when nothing was prepared.
    private func apply(
        _ file: KnowledgeFolder.ArticleFile, known: KnownFile?, prepared: PreparedFile?, report: inout IndexReport
    ) throws {
        if Self.isUnchanged(file, known: known) {
            report.unchanged += 1
            return
        }
        switch try prepared ?? prepare(file, known: known) {
        case .sameContent(let row):
            try database.cachedStatement("UPDATE articles SET file_size = ?, file_modified = ? WHERE row = ?")
                .run([file.size, file.modified, row])
            report.unchanged += 1
        case .changed(let hash, let content):
            if known != nil { try removeArticle(path: file.path) }
            do {
                let analysed = try content.get()
                let article = analysed.article
                if let other = try pathOfArticle(id: article.id, locale: article.locale) {
                    throw KnowledgeIssue(
                        path: file.path, line: 2,
                        message: "id '\(article.id)' is already used in locale '\(article.locale)' by \(other)")
                }
                try insert(analysed, file: file, hash: hash)
                if known?.row == nil { report.added += 1 } else { report.updated += 1 }
            } catch let issue as KnowledgeIssue {
                try database.cachedStatement(
                    "INSERT OR REPLACE INTO knowledge_issues(path, line, message, file_size, file_modified) VALUES (?, ?, ?, ?, ?)"
                ).run([issue.path, issue.line, issue.message, file.size, file.modified])
                if known?.row != nil { report.removed += 1 }
            }
        }
    }

    private func parse(_ data: Data, path: String) -> Result<Article, KnowledgeIssue> {
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(KnowledgeIssue(path: path, line: 1, message: "the file is not valid UTF-8"))
        }
        return Result { () throws(KnowledgeIssue) in try ArticleParser().parse(text, path: path) }
    }

    private func pathOfArticle(id: String, locale: String) throws -> String? {
        let statement = try database.cachedStatement("SELECT path FROM articles WHERE article_id = ? AND locale = ?")
        try statement.bind([id, locale])
        return try statement.firstRow { $0.string(at: 0) } ?? nil
    }

    /// The slot of a locale's row range, allotted on first use.
    func localeSlot(_ locale: String) throws -> Int64 {
        let find = try database.cachedStatement("SELECT slot FROM locales WHERE locale = ?")
        try find.bind([locale])
        if let slot = try find.firstRow({ $0.int64(at: 0) }) { return slot }
        try database.cachedStatement("INSERT INTO locales(slot, locale) VALUES ((SELECT coalesce(max(slot), 0) + 1 FROM locales), ?)")
            .run([locale])
        return database.lastInsertedRow
    }

    private func insert(_ analysed: AnalysedArticle, file: KnowledgeFolder.ArticleFile, hash: String) throws {
        let article = analysed.article
        let range = KnowledgeSchema.rowRange(slot: try localeSlot(article.locale))
        try database.cachedStatement("""
            INSERT INTO articles(row, path, file_size, file_modified, content_hash, article_id, locale, section, kind,
                                 audience, title, url, short_answer, body, sentences, sentence_terms)
            VALUES ((SELECT coalesce(max(row), ?) + 1 FROM articles WHERE row BETWEEN ? AND ?),
                    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run([
                range.lowerBound, range.lowerBound, range.upperBound,
                file.path, file.size, file.modified, hash, article.id, article.locale, article.section,
                article.kind.rawValue, article.audience.rawValue, article.title, article.url, article.shortAnswer,
                article.body, analysed.sentences, analysed.sentenceTerms,
            ])
        let row = database.lastInsertedRow
        // Learned aliases are read here, inside the transaction, so one learned meanwhile is kept;
        // they are a few short phrasings.
        var learned = AnalysedFields(analyzer: analyzer, language: Language(locale: article.locale))
        let learnedAliases = try learnedAliases(of: article).map { learned.analyse($0) }
        let recordSurface = try database.cachedStatement("INSERT OR IGNORE INTO surface_words(word, term) VALUES (?, ?)")
        for (word, term) in analysed.surfaces + learned.surfaces where recordedSurfaces.insert(word).inserted {
            try recordSurface.run([word, term])
        }
        try database.cachedStatement(
            "INSERT INTO article_terms(rowid, title, aliases, tags, body) VALUES (?, ?, ?, ?, ?)"
        ).run([row, analysed.title, (analysed.aliases + learnedAliases).joined(separator: "\n"), analysed.tags, analysed.body])
    }

    /// The phrasings leads attached to this article with `helpline review resolve`.
    func learnedAliases(of article: Article) throws -> [String] {
        let statement = try database.cachedStatement(
            "SELECT phrasing FROM learned_aliases WHERE article_id = ? AND locale = ? ORDER BY created_at, phrasing")
        try statement.bind([article.id, article.locale])
        var phrasings: [String] = []
        while try statement.step() { phrasings.append(statement.string(at: 0) ?? "") }
        return phrasings
    }

    private func removeArticle(path: String) throws {
        try database.cachedStatement("DELETE FROM article_terms WHERE rowid IN (SELECT row FROM articles WHERE path = ?)")
            .run([path])
        try database.cachedStatement("DELETE FROM articles WHERE path = ?").run([path])
        try database.cachedStatement("DELETE FROM knowledge_issues WHERE path = ?").run([path])
    }
}
