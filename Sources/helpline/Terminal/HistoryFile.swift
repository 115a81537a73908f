import Foundation

/// Where the chat's history lives between runs: `$HELPLINE_HISTORY`, else `~/.helpline_history`.
///
/// One line per entry, appended as lines are entered, readable only by the user (questions can
/// be private). An empty `HELPLINE_HISTORY` keeps no file. A file that cannot be read or written
/// costs the history, never the chat.
struct HistoryFile {
    let url: URL

    /// The file the environment names, or nil when history is not to be kept.
    static func configured(environment: [String: String]) -> HistoryFile? {
        if let path = environment["HELPLINE_HISTORY"] {
            return path.isEmpty ? nil : HistoryFile(url: URL(fileURLWithPath: path))
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return HistoryFile(url: URL(fileURLWithPath: home).appendingPathComponent(".helpline_history"))
    }

    /// The newest `limit` entries; a file that has grown past twice that is cut back.
    func load(limit: Int) -> [String] {
        guard let data = try? Data(contentsOf: url) else { return [] }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        if lines.count > 2 * limit { rewrite(Array(lines.suffix(limit))) }
        return Array(lines.suffix(limit))
    }

    func append(_ line: String) {
        guard !line.contains(where: \.isNewline) else { return }
        let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    private func rewrite(_ lines: [String]) {
        let text = lines.map { $0 + "\n" }.joined()
        try? Data(text.utf8).write(to: url, options: .atomic)
        chmod(url.path, 0o600)
    }
}
