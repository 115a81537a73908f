import Foundation
import Yams

/// The help center on disk: `articles/<locale>/<section>/<id>.md`, an optional `policy.yaml`
/// and an optional `synonyms.yaml`.
///
/// Listing files is separate from parsing them, so an index can skip files it has seen.
public struct KnowledgeFolder: Sendable {
    /// An article file found on disk, not yet read.
    public struct ArticleFile: Sendable, Equatable {
        /// Path relative to the knowledge folder, with `/` separators.
        public var path: String
        public var url: URL
        public var size: Int
        /// Modification time in whole nanoseconds since 1970, for a cheap "unchanged" check.
        public var modified: Int64
    }

    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// Every `*.md` file under `articles/`, sorted by path so runs are repeatable.
    ///
    /// - Throws: when the knowledge folder itself cannot be read.
    public func articleFiles() throws -> [ArticleFile] {
        let articles = root.appendingPathComponent("articles", isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw KnowledgeFolderError(message: "knowledge folder \(root.path) does not exist")
        }
        guard FileManager.default.fileExists(atPath: articles.path) else { return [] }
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        guard let enumerator = FileManager.default.enumerator(at: articles, includingPropertiesForKeys: keys) else {
            throw KnowledgeFolderError(message: "cannot list \(articles.path)")
        }
        let prefix = root.standardizedFileURL.path + "/"
        var files: [ArticleFile] = []
        for case let url as URL in enumerator where url.pathExtension == "md" {
            let values = try url.resourceValues(forKeys: Set(keys))
            guard values.isRegularFile == true else { continue }
            let absolute = url.standardizedFileURL.path
            let relative = absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
            let modified = values.contentModificationDate.map { Int64(($0.timeIntervalSince1970 * 1e9).rounded()) } ?? 0
            files.append(ArticleFile(path: relative, url: url, size: values.fileSize ?? 0, modified: modified))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Reads and parses one article file.
    public func read(_ file: ArticleFile) throws(KnowledgeIssue) -> Article {
        try ArticleParser().parse(try Self.text(of: file.url, path: file.path), path: file.path)
    }

    /// Reads every article, collecting issues instead of stopping at the first.
    public func loadArticles() throws -> (articles: [Article], issues: [KnowledgeIssue]) {
        var articles: [Article] = []
        var issues: [KnowledgeIssue] = []
        for file in try articleFiles() {
            do throws(KnowledgeIssue) {
                articles.append(try read(file))
            } catch {
                issues.append(error)
            }
        }
        return (articles, issues)
    }

    /// The policy from `policy.yaml`, or ``Policy/builtIn`` when there is no such file.
    public func loadPolicy() throws(KnowledgeIssue) -> Policy {
        let url = root.appendingPathComponent("policy.yaml")
        guard FileManager.default.fileExists(atPath: url.path) else { return .builtIn }
        let text = try Self.text(of: url, path: "policy.yaml")
        do {
            return try YAMLDecoder().decode(Policy.self, from: text)
        } catch let error as DecodingError {
            if let yaml = error.yamlError {
                throw KnowledgeIssue(path: "policy.yaml", line: yaml.line, message: "invalid YAML: \(yaml.problem)")
            }
            throw KnowledgeIssue(path: "policy.yaml", line: 1, message: error.summary)
        } catch {
            throw KnowledgeIssue(path: "policy.yaml", line: 1, message: "\(error)")
        }
    }

    /// The synonym groups from `synonyms.yaml`, or none when there is no such file.
    public func loadSynonyms() throws(KnowledgeIssue) -> SynonymTable {
        let url = root.appendingPathComponent("synonyms.yaml")
        guard FileManager.default.fileExists(atPath: url.path) else { return SynonymTable() }
        let text = try Self.text(of: url, path: "synonyms.yaml")
        do {
            return SynonymTable(groupsByLocale: try YAMLDecoder().decode([String: [[String]]].self, from: text))
        } catch {
            if let yaml = (error as? DecodingError)?.yamlError {
                throw KnowledgeIssue(path: "synonyms.yaml", line: yaml.line, message: "invalid YAML: \(yaml.problem)")
            }
            throw KnowledgeIssue(
                path: "synonyms.yaml", line: 1,
                message: "expected a mapping of locale to a list of word groups, e.g. en: [[sign in, log in]]")
        }
    }

    private static func text(of url: URL, path: String) throws(KnowledgeIssue) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw KnowledgeIssue(path: path, line: 1, message: "cannot read the file: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw KnowledgeIssue(path: path, line: 1, message: "the file is not valid UTF-8")
        }
        return text
    }
}

/// The knowledge folder as a whole cannot be used.
public struct KnowledgeFolderError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension DecodingError {
    /// The YAML syntax error Yams' decoder wrapped, if that is what went wrong.
    var yamlError: YamlError? {
        guard case .dataCorrupted(let context) = self else { return nil }
        return context.underlyingError as? YamlError
    }

    /// Which key was wrong and how, in one line.
    var summary: String {
        func at(_ context: Context) -> String {
            let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return path.isEmpty ? "" : " at '\(path)'"
        }
        switch self {
        case .keyNotFound(let key, let context): return "missing key '\(key.stringValue)'\(at(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.debugDescription)\(at(context))"
        @unknown default: return "\(self)"
        }
    }
}
