import Foundation
import HelplineCore
@testable import HelplineStore
import Testing

/// Updating the index from the knowledge folder: only what changed is analysed again, and
/// broken files are reported by path and line while the rest stays searchable.
struct IncrementalIndexTests {
    static let record = "articles/en/recordings/record-a-meeting.md"
    static let reset = "articles/en/sign-in-security/reset-password.md"
    static let echo = "articles/en/audio-video/fix-echo.md"

    /// A help center of three English articles, not yet indexed.
    static func helpCenter() throws -> TemporaryHelpCenter {
        let center = try TemporaryHelpCenter()
        try center.write(TemporaryHelpCenter.article(
            id: "record-a-meeting", title: "Record a meeting",
            body: "Click Record in the meeting toolbar to save the video and audio to the cloud."), to: record)
        try center.write(TemporaryHelpCenter.article(
            id: "reset-password", title: "Reset your password",
            body: "Click Forgot password on the sign-in page and follow the emailed link."), to: reset)
        try center.write(TemporaryHelpCenter.article(
            id: "fix-echo", title: "Fix echo in calls",
            body: "Echo happens when two microphones in one room pick up each other's speakers."), to: echo)
        return center
    }

    static func ids(_ index: KnowledgeIndex, _ question: String) throws -> [String] {
        try index.search(question, locale: "en").matches.map(\.id)
    }

    @Test func firstUpdateAddsEverything() throws {
        let center = try Self.helpCenter()
        defer { withExtendedLifetime(center) {} }
        let index = try center.openIndex()
        #expect(try !index.isCurrent)
        var progress: [IndexProgress] = []

        let report = try index.update(from: center.folder) { progress.append($0) }

        #expect(report == IndexReport(files: 3, added: 3, updated: 0, removed: 0, unchanged: 0, rebuilt: true, issues: []))
        #expect(index.articleCount == 3)
        #expect(try index.isCurrent)
        #expect(progress.last == IndexProgress(done: 3, total: 3))
        #expect(try index.search("how do I record a meeting", locale: "en").matches.first?.id == "record-a-meeting")
    }

    @Test func secondUpdateWithoutChangesSkipsEveryFile() throws {
        let center = try Self.helpCenter()
        defer { withExtendedLifetime(center) {} }
        let index = try center.openIndex()
        try index.update(from: center.folder)

        let report = try index.update(from: center.folder)

        #expect(report == IndexReport(files: 3, added: 0, updated: 0, removed: 0, unchanged: 3, rebuilt: false, issues: []))
        #expect(index.articleCount == 3)
    }

    /// A new modification time alone (a checkout, a copy) costs a hash, not a re-analysis.
    @Test func touchedFileWithTheSameContentIsUnchanged() throws {
        let center = try Self.helpCenter()
        defer { withExtendedLifetime(center) {} }
        let index = try center.openIndex()
        try index.update(from: center.folder)
        try center.touch(Self.echo)

        let report = try index.update(from: center.folder)

        #expect(report.unchanged == 3)
        #expect(report.updated == 0)
        #expect(report.added == 0)
        #expect(report.removed == 0)
        // The new time is remembered, so the next run skips the file without reading it.
        let modified = try #require(try center.folder.articleFiles().first { $0.path == Self.echo }?.modified)
        let stored = try center.openDatabase().prepare("SELECT file_modified FROM articles WHERE path = '\(Self.echo)'")
        #expect(try stored.step())
        #expect(stored.int64(at: 0) == modified)
        #expect(try index.update(from: center.folder).unchanged == 3)
    }

    @Test func editedTitleIsUpdatedAndFound() throws {
        let center = try Self.helpCenter()
        defer { withExtendedLifetime(center) {} }
        let index = try center.openIndex()
        try index.update(from: center.folder)
        #expect(try Self.ids(index, "audio feedback loop").first != "fix-echo")
        try center.write(TemporaryHelpCenter.article(
            id: "fix-echo", title: "Stop audio feedback loops",
            body: "Echo happens when two microphones in one room pick up each other's speakers."), to: Self.echo)

        let report = try index.update(from: center.folder)

        #expect(report.updated == 1)
        #expect(report.unchanged == 2)
        #expect(report.added == 0)
        #expect(report.removed == 0)
        #expect(index.articleCount == 3)
        let match = try #require(try index.search("audio feedback loop", locale: "en").matches.first)
        #expect(match.id == "fix-echo")
        #expect(match.title == "Stop audio feedback loops")
    }

    @Test func deletedFileIsRemovedFromSearch() throws {
        let center = try Self.helpCenter()
        defer { withExtendedLifetime(center) {} }
        let index = try center.openIndex()
        try index.update(from: center.folder)
        #expect(try Self.ids(index, "record a meeting").contains("record-a-meeting"))
        try center.remove(Self.record)

        let report = try index.update(from: center.folder)

        #expect(report.removed == 1)
        #expect(report.files == 2)
        #expect(report.unchanged == 2)
        #expect(index.articleCount == 2)
        #expect(try !Self.ids(index, "record a meeting").contains("record-a-meeting"))
    }

    @Test func malformedFileIsReportedUntilFixed() throws {
        let center = try Self.helpCenter()
        defer { withExtendedLifetime(center) {} }
        let index = try center.openIndex()
        try index.update(from: center.folder)
        let broken = "articles/en/recordings/share-a-recording.md"
        try center.write("---\nid: share-a-recording\ntitle: Share a recording\nkind: video\n---\nCopy the link.\n", to: broken)

        let report = try index.update(from: center.folder)

        #expect(report.added == 0)
        #expect(report.unchanged == 3)
        #expect(report.issues.count == 1)
        let issue = try #require(report.issues.first)
        #expect(issue.path == broken)
        #expect(issue.line == 4)
        #expect(issue.message.contains("'kind'"))
        #expect(try index.issues() == [issue])
        #expect(try Self.ids(index, "reset my password").first == "reset-password", "the others stay searchable")
        // Reported again while the file stays broken: read again (its problem could lie in
        // another file), so only the three good files count as unchanged.
        let again = try index.update(from: center.folder)
        #expect(again.issues == [issue])
        #expect(again.unchanged == 3)

        try center.write("---\nid: share-a-recording\ntitle: Share a recording\nkind: faq\n---\nCopy the link.\n", to: broken)
        let fixed = try index.update(from: center.folder)

        #expect(fixed.added == 1)
        #expect(fixed.issues == [])
        #expect(try index.issues() == [])
        #expect(try Self.ids(index, "share a recording").first == "share-a-recording")
    }

    @Test func articleThatBreaksIsRemovedAndReported() throws {
        let center = try Self.helpCenter()
        defer { withExtendedLifetime(center) {} }
        let index = try center.openIndex()
        try index.update(from: center.folder)
        try center.write("---\nid: reset-password\n---\nNo title.\n", to: Self.reset)

        let report = try index.update(from: center.folder)

        #expect(report.removed == 1)
        #expect(report.issues.map(\.path) == [Self.reset])
        #expect(report.issues.first?.message.contains("'title'") == true)
        #expect(try !Self.ids(index, "reset your password").contains("reset-password"))
        #expect(index.articleCount == 2)
    }

    @Test func issueOfADeletedFileGoesWithIt() throws {
        let center = try Self.helpCenter()
        defer { withExtendedLifetime(center) {} }
        let index = try center.openIndex()
        let broken = "articles/en/general/broken.md"
        try center.write("no front matter\n", to: broken)
        #expect(try index.update(from: center.folder).issues.map(\.path) == [broken])
        try center.remove(broken)

        let report = try index.update(from: center.folder)

        #expect(report.issues == [])
        #expect(try index.issues() == [])
    }

    @Test func otherSynonymsRebuildTheIndex() throws {
        let center = try Self.helpCenter()
        defer { withExtendedLifetime(center) {} }
        try center.openIndex().update(from: center.folder)
        let synonyms = Analyzer(synonyms: SynonymTable(groupsByLocale: ["en": [["record", "capture"]]]))
        let index = try center.openIndex(analyzer: synonyms)
        #expect(try !index.isCurrent)

        let report = try index.update(from: center.folder)

        #expect(report.rebuilt)
        #expect(report.added == 3)
        #expect(report.unchanged == 0)
        #expect(try index.isCurrent)
        #expect(try Self.ids(index, "capture a meeting").first == "record-a-meeting")
        #expect(try !center.openIndex(analyzer: Analyzer()).isCurrent, "the old analyzer no longer fits")
        #expect(try center.openIndex(analyzer: synonyms).update(from: center.folder).rebuilt == false)
    }

    @Test func duplicateIdInOneLocaleIsAnIssueNamingTheOtherFile() throws {
        let center = try Self.helpCenter()
        defer { withExtendedLifetime(center) {} }
        let copy = "articles/en/support/reset-password-copy.md"
        try center.write(TemporaryHelpCenter.article(
            id: "reset-password", title: "Forgot your password?", body: "Another article with the same id."), to: copy)
        // A translation shares the id in another locale: that is no duplicate.
        try center.write(TemporaryHelpCenter.article(
            id: "reset-password", title: "Nulstil din adgangskode", body: "Klik på Glemt adgangskode."),
            to: "articles/da/sign-in-security/reset-password.md")
        let index = try center.openIndex()

        let report = try index.update(from: center.folder)

        #expect(report.added == 4)
        #expect(report.issues.count == 1)
        let issue = try #require(report.issues.first)
        let (first, second) = copy < Self.reset ? (copy, Self.reset) : (Self.reset, copy)
        #expect(issue.path == second)
        #expect(issue.message.contains("'reset-password'"))
        #expect(issue.message.contains(first), "\(issue.message) should name \(first)")
        #expect(try index.search("nulstil adgangskode", locale: "da").matches.first?.id == "reset-password")
    }
}
