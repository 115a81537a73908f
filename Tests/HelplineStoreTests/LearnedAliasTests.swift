import Foundation
import HelplineCore
import Testing

@testable import HelplineStore

/// Resolving a review group: its phrasings answer with the chosen article at once, and after re-indexing.
struct LearnedAliasTests {
    @Test func aResolvedPhrasingIsAnsweredNowAndAfterReindexing() throws {
        let center = try TemporaryHelpCenter()
        defer { withExtendedLifetime(center) {} }
        try center.write(
            TemporaryHelpCenter.article(id: "pin-video", title: "Spotlight a participant", body: "Right-click their video and choose Spotlight."),
            to: "articles/en/meetings/pin-video.md")
        try center.write(
            TemporaryHelpCenter.article(id: "reset-password", title: "Reset your password", body: "Use the link."),
            to: "articles/en/sign-in/reset-password.md")
        let index = try center.openIndex()
        try index.update(from: center.folder)
        let question = "keep the speaker big on everyone's screen"
        #expect(try index.search(question, locale: "en").matches.first?.id != "pin-video" || index.search(question, locale: "en").decision == .noMatch)

        try index.learnAliases([question], articleID: "pin-video", locale: "en", group: 1, now: Date())
        let now = try index.search(question, locale: "en")
        #expect(now.decision == .answer)
        #expect(now.matches.first?.id == "pin-video")

        // Editing the article re-indexes it from its file: the learned alias must survive.
        try center.write(
            TemporaryHelpCenter.article(id: "pin-video", title: "Spotlight a participant", body: "Right-click, then Spotlight."),
            to: "articles/en/meetings/pin-video.md")
        let report = try index.update(from: center.folder)
        #expect(report.updated == 1)
        #expect(try index.search(question, locale: "en").matches.first?.id == "pin-video")

        #expect(throws: ReviewError.self) { try index.learnAliases(["x"], articleID: "missing", locale: "en", group: nil, now: Date()) }
    }
}
