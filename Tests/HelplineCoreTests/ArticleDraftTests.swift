import Foundation
import HelplineCore
import Testing

/// Drafts made from unanswered questions load as valid articles, whatever the questions hold.
struct ArticleDraftTests {
    @Test(arguments: [
        ["Can I pin a video?"],
        [#"What does "spotlight: on" mean?"#, "key: value # not a comment", "- dash first", "line\nbreak"],
        ["<script>alert(1)</script>", "kan jeg fastgøre en video \\ backslash", "[brackets], {braces}"],
    ])
    func draftsParse(phrasings: [String]) throws {
        let draft = ArticleDraft(id: "draft-7", locale: "en", phrasings: phrasings)
        let article = try ArticleParser().parse(draft.markdown, path: "drafts/draft-7.md")
        #expect(article.id == "draft-7")
        #expect(article.locale == "en")
        #expect(article.aliases.count == phrasings.count)
        #expect(article.aliases.first == phrasings.first?.replacingOccurrences(of: "\n", with: " "))
        #expect(!article.shortAnswer.isEmpty)
    }
}
