import Foundation
import Yams

/// Reads one article file: a YAML front matter block between `---` lines, then a Markdown body.
///
/// ```
/// ---
/// id: reset-password
/// title: Reset your password
/// ---
/// Choose **Forgot password?** on the sign-in page ...
/// ```
/// Missing values come from the file's place: `locale` from the `<locale>` folder, `section`
/// from the `<section>` folder.
public struct ArticleParser: Sendable {
    public init() {}

    /// Parses `text`, the contents of the file at `path` (relative to the knowledge folder).
    ///
    /// - Throws: ``KnowledgeIssue`` naming the line of the first problem.
    public func parse(_ text: String, path: String) throws(KnowledgeIssue) -> Article {
        // Swift reads "\r\n" as one Character, so Windows line ends are made plain first.
        let text = text.contains("\r\n") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingWhitespace() == "---" else {
            throw KnowledgeIssue(path: path, line: 1, message: "expected front matter: the file must start with a '---' line")
        }
        guard let closing = lines.indices.dropFirst().first(where: { lines[$0].trimmingWhitespace() == "---" }) else {
            throw KnowledgeIssue(path: path, line: 1, message: "front matter is not closed: no second '---' line")
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        // Lines inside the front matter are numbered from the line after the opening '---'.
        let frontMatter = try FrontMatter(yaml: yaml, path: path, firstLine: 2)

        let folders = path.split(separator: "/").map(String.init)
        let folderLocale = folders.count >= 3 ? folders[folders.count - 3] : nil
        let folderSection = folders.count >= 2 ? folders[folders.count - 2] : nil

        let id = try frontMatter.requiredString("id")
        guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw frontMatter.issue(at: "id", "id '\(id)' may contain only letters, digits, '-' and '_'")
        }
        let title = try frontMatter.requiredString("title")
        guard let locale = try frontMatter.string("locale") ?? folderLocale else {
            throw frontMatter.issue(at: nil, "no locale: give 'locale' or put the file under articles/<locale>/")
        }
        let kind = try frontMatter.choice("kind", default: Article.Kind.topic)
        let audience = try frontMatter.choice("audience", default: Article.Audience.everyone)
        let article = Article(
            id: id,
            title: title,
            locale: locale.lowercased(),
            section: try frontMatter.string("section") ?? folderSection ?? "general",
            kind: kind,
            audience: audience,
            tags: try frontMatter.strings("tags"),
            aliases: try frontMatter.strings("aliases"),
            url: try frontMatter.string("url"),
            body: body.trimmingWhitespace().description,
            path: path
        )
        guard !article.shortAnswer.isEmpty else {
            throw KnowledgeIssue(path: path, line: closing + 2, message: "the body is empty: its first paragraph is the short answer")
        }
        return article
    }
}

/// The parsed front matter of one file, with errors that point at the offending key's line.
private struct FrontMatter {
    let mapping: Node.Mapping?
    let path: String
    let firstLine: Int

    init(yaml: String, path: String, firstLine: Int) throws(KnowledgeIssue) {
        self.path = path
        self.firstLine = firstLine
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw KnowledgeIssue(path: path, line: firstLine - 1 + error.line, message: "invalid YAML: \(error.problem)")
        } catch {
            throw KnowledgeIssue(path: path, line: firstLine, message: "invalid YAML: \(error)")
        }
        guard let node else {
            throw KnowledgeIssue(path: path, line: firstLine, message: "the front matter is empty: 'id' and 'title' are required")
        }
        guard let mapping = node.mapping else {
            throw KnowledgeIssue(path: path, line: firstLine, message: "the front matter must be a mapping of keys to values")
        }
        self.mapping = mapping
    }

    /// An issue at the line of `key` (the key itself, not its value, which may start a line later).
    func issue(at key: String?, _ message: String) -> KnowledgeIssue {
        let keyNode = key.flatMap { key in mapping?.first { $0.key.string == key }?.key }
        let line = keyNode?.mark.map { firstLine - 1 + $0.line } ?? firstLine - 1
        return KnowledgeIssue(path: path, line: line, message: message)
    }

    func string(_ key: String) throws(KnowledgeIssue) -> String? {
        guard let node = mapping?[key], node.null == nil else { return nil }
        guard node.scalar != nil, let value = node.string else {
            throw issue(at: key, "'\(key)' must be text")
        }
        let trimmed = value.trimmingWhitespace()
        return trimmed.isEmpty ? nil : String(trimmed)
    }

    func requiredString(_ key: String) throws(KnowledgeIssue) -> String {
        guard let value = try string(key) else { throw issue(at: nil, "missing required key '\(key)'") }
        return value
    }

    /// A list of strings; a single string counts as a list of one.
    func strings(_ key: String) throws(KnowledgeIssue) -> [String] {
        guard let node = mapping?[key], node.null == nil else { return [] }
        if node.scalar != nil, let value = node.string { return [value] }
        guard let sequence = node.sequence else { throw issue(at: key, "'\(key)' must be a list") }
        return try sequence.map { (element: Node) throws(KnowledgeIssue) -> String in
            guard element.scalar != nil, let value = element.string else {
                throw issue(at: key, "every entry of '\(key)' must be text")
            }
            return value
        }
    }

    func choice<Value: RawRepresentable & CaseIterable>(_ key: String, default fallback: Value) throws(KnowledgeIssue) -> Value
    where Value.RawValue == String {
        guard let raw = try string(key) else { return fallback }
        guard let value = Value(rawValue: raw.lowercased()) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw issue(at: key, "'\(key)' is '\(raw)'; expected one of: \(allowed)")
        }
        return value
    }
}

extension YamlError {
    /// The 1-based line of the problem within the YAML text.
    var line: Int {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        case .duplicatedKeysInMapping(_, let context): context.mark.line
        default: 1
        }
    }

    /// The problem in a few words, without the YAML text the error carries.
    var problem: String {
        switch self {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        case .duplicatedKeysInMapping(let duplicates, _): "duplicated keys: \(duplicates.joined(separator: ", "))"
        default: "\(self)"
        }
    }
}
