import Foundation

/// The files served under `/`, read into memory once when the server starts.
///
/// The widget's page and assets are small; holding them avoids disk reads on the service
/// thread, and a request can only ever name a file that was there at start, never `..`.
struct StaticFiles {
    struct File {
        var contentType: String
        var bytes: [UInt8]
    }

    /// All files together may not exceed this many bytes: it is a widget, not a file server.
    static let maximumTotalBytes = 32 * 1024 * 1024

    private(set) var files: [String: File] = [:]

    init() {}

    /// Reads every regular file under `root`, keyed by its URL path (`/index.html`).
    ///
    /// - Throws: ``ServerError`` when the folder cannot be read or is too large.
    init(root: URL) throws {
        let base = root.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            throw ServerError(message: "cannot read the static folder \(root.path)")
        }
        var total = 0
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            let bytes = Array(try Data(contentsOf: url))
            total += bytes.count
            guard total <= Self.maximumTotalBytes else {
                throw ServerError(message: "the static folder \(root.path) holds more than \(Self.maximumTotalBytes / 1_048_576) MiB")
            }
            let path = String(url.standardizedFileURL.path.dropFirst(base.count))
            files[path] = File(contentType: Self.contentType(of: url.pathExtension), bytes: bytes)
        }
    }

    /// The file for a request path; `/` and folders mean their `index.html`.
    func file(for path: String) -> File? {
        let clean = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        return files[clean] ?? files[(clean.hasSuffix("/") ? clean : clean + "/") + "index.html"]
    }

    static func contentType(of pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "ico": "image/x-icon"
        case "txt": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
