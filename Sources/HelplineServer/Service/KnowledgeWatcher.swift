import Dispatch
import Foundation
import HelplineCore

/// Notices changes to a knowledge folder's articles and synonyms, for `helpline serve --watch`.
///
/// It polls: every interval it lists `articles/` with each file's size and modification time,
/// plus `synonyms.yaml`'s, and calls back when the listing differs from the last one. Listing
/// costs a `stat` per file and no reads, works the same on every file system (including mounted
/// folders, where change notifications often miss edits), and sees files in new subfolders,
/// which a watch on one folder would not. Drafts and `policy.yaml` are not watched: drafts are
/// not published, and the policy is read at start only.
public final class KnowledgeWatcher: @unchecked Sendable {
    // @unchecked Sendable: `last` and `timer` are touched only on `queue`.
    private let folder: KnowledgeFolder
    private let interval: DispatchTimeInterval
    private let changed: @Sendable () -> Void
    private let queue = DispatchQueue(label: "helpline.knowledge-watcher")
    private var timer: (any DispatchSourceTimer)?
    private var last: Listing?

    /// What the folder looked like: the article files with sizes and times, and the synonyms file's.
    struct Listing: Equatable {
        var articles: [KnowledgeFolder.ArticleFile]
        var synonyms: [FileAttributeKey: String]
    }

    /// Takes the first look at the folder now; later changes are measured against it.
    ///
    /// - Parameters:
    ///   - interval: how often to look, in milliseconds.
    ///   - changed: called on the watcher's own queue after a look that found a change; must not block.
    public init(folder: KnowledgeFolder, intervalMilliseconds: Int = 1000, changed: @escaping @Sendable () -> Void) {
        self.folder = folder
        interval = .milliseconds(intervalMilliseconds)
        self.changed = changed
        last = Self.listing(of: folder)
    }

    deinit {
        timer?.cancel()
    }

    /// Starts looking every interval.
    public func start() {
        queue.sync {
            guard timer == nil else { return }
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(100))
            timer.setEventHandler { [weak self] in
                guard let self, look() else { return }
                changed()
            }
            timer.resume()
            self.timer = timer
        }
    }

    /// Stops looking; no callback starts after this returns.
    public func stop() {
        queue.sync {
            timer?.cancel()
            timer = nil
        }
    }

    /// Looks at the folder once: true when it changed since the last look.
    ///
    /// A folder that cannot be listed (gone for a moment during a checkout) is no change; the look
    /// after it compares with the last listing that worked.
    func poll() -> Bool {
        dispatchPrecondition(condition: .notOnQueue(queue))
        return queue.sync { look() }
    }

    private func look() -> Bool {
        guard let listing = Self.listing(of: folder) else { return false }
        defer { last = listing }
        return listing != last
    }

    static func listing(of folder: KnowledgeFolder) -> Listing? {
        guard let articles = try? folder.articleFiles() else { return nil }
        let attributes = (try? FileManager.default.attributesOfItem(atPath: folder.root.appendingPathComponent("synonyms.yaml").path)) ?? [:]
        let synonyms = attributes.filter { [.size, .modificationDate].contains($0.key) }.mapValues { "\($0)" }
        return Listing(articles: articles, synonyms: synonyms)
    }
}
