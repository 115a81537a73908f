/// A problem with one file of the knowledge folder, located by path and line.
///
/// Loading goes on past an issue: the file is skipped and the rest loads.
public struct KnowledgeIssue: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path relative to the knowledge folder.
    public var path: String
    /// 1-based line in the file.
    public var line: Int
    public var message: String

    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String { "\(path):\(line): \(message)" }
}
