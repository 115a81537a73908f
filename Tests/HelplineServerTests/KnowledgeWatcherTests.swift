import Foundation
import HelplineCore
import Testing

@testable import HelplineServer

/// `serve --watch`: each look at the folder says whether articles or synonyms changed since the
/// last; drafts and the policy do not count.
struct KnowledgeWatcherTests {
    final class Folder {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("helpline-watch-\(UUID().uuidString)")
        /// File systems stamp files from a coarse clock: every write gets a time a second after the last.
        private var nextModified = Date(timeIntervalSince1970: 1_700_000_000)

        init() throws {
            try FileManager.default.createDirectory(at: root.appendingPathComponent("articles/en/a"), withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func write(_ text: String, to path: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            nextModified += 1
            try FileManager.default.setAttributes([.modificationDate: nextModified], ofItemAtPath: url.path)
        }
    }

    @Test func changesToArticlesAndSynonymsAreSeenOnce() throws {
        let folder = try Folder()
        try folder.write("---\nid: a\ntitle: A\n---\nA.\n", to: "articles/en/a/a.md")
        let watcher = KnowledgeWatcher(folder: KnowledgeFolder(root: folder.root)) {}
        let steps: [(String, () throws -> Void, Bool)] = [
            ("nothing", {}, false),
            ("a new article", { try folder.write("---\nid: b\ntitle: B\n---\nB.\n", to: "articles/en/new/b.md") }, true),
            ("looked again", {}, false),
            ("an edit", { try folder.write("---\nid: a\ntitle: A2\n---\nA.\n", to: "articles/en/a/a.md") }, true),
            ("a draft", { try folder.write("---\nid: d\ntitle: D\n---\nD.\n", to: "drafts/d.md") }, false),
            ("the policy", { try folder.write("plans: {}\n", to: "policy.yaml") }, false),
            ("a note that is not an article", { try folder.write("notes", to: "articles/en/a/README.txt") }, false),
            ("synonyms", { try folder.write("en:\n  - [a, b]\n", to: "synonyms.yaml") }, true),
            ("a removal", { try FileManager.default.removeItem(at: folder.root.appendingPathComponent("articles/en/new/b.md")) }, true),
        ]
        for (name, change, changed) in steps {
            try change()
            #expect(watcher.poll() == changed, "\(name)")
        }
    }

    @Test func aFolderThatIsGoneForAMomentIsNoChange() throws {
        let folder = try Folder()
        try folder.write("---\nid: a\ntitle: A\n---\nA.\n", to: "articles/en/a/a.md")
        let moved = folder.root.deletingLastPathComponent().appendingPathComponent("moved-\(UUID().uuidString)")
        let watcher = KnowledgeWatcher(folder: KnowledgeFolder(root: folder.root)) {}
        try FileManager.default.moveItem(at: folder.root, to: moved)
        #expect(!watcher.poll(), "mid-checkout")
        try FileManager.default.moveItem(at: moved, to: folder.root)
        #expect(!watcher.poll(), "back as it was")
    }
}
