import Foundation
import Testing
@testable import helpline

/// What people see for each reply: titles, links, numbered choices, tickets in local time.
struct ReplyFormatterTests {
    let formatter = ReplyFormatter(style: .plain, columns: 60, timeZone: TimeZone(secondsFromGMT: 7200)!)

    @Test func anAnswerShowsTitleTextSnippetLinkAndTheFeedbackHint() {
        let answer = ServerFrame(
            type: "answer", replyTo: "1", text: "On the sign-in page, click Forgot password?, enter your email address, and follow the link.",
            articles: [.init(id: "reset-password", title: "Reset your password", snippet: "Open the email and click Reset password.",
                             url: "https://help.example.com/en/sign-in-security/reset-password")])
        #expect(formatter.lines(for: .reply(answer)) == [
            "  Reset your password",
            "  On the sign-in page, click Forgot password?, enter your",
            "  email address, and follow the link.",
            "  \"Open the email and click Reset password.\"",
            // 61 columns with the indent: the link goes whole and unindented rather than cut.
            "https://help.example.com/en/sign-in-security/reset-password",
            "  /helpful or /unhelpful?",
        ])
    }

    @Test func aClarifyNumbersItsSuggestions() {
        let clarify = ServerFrame(
            type: "clarify", replyTo: "1", text: "Jeg fandt to artikler. Hvilken mener du?",
            suggestions: [.init(id: "a", title: "Optag et møde"), .init(id: "b", title: "Hvor er mine optagelser?")])
        #expect(formatter.lines(for: .reply(clarify)) == [
            "  Jeg fandt to artikler. Hvilken mener du?",
            "  1. Optag et møde",
            "  2. Hvor er mine optagelser?",
            "  type a number to choose",
        ])
    }

    @Test func aTicketShowsItsPriorityDueTimeInLocalTimeAndChannels() {
        let ticket = ServerFrame(
            type: "escalation", replyTo: "2", text: "I've opened ticket HL-7.", outcome: "ticket",
            ticket: .init(id: "HL-7", priority: 2, priorityName: "High", responseDue: "2026-05-14T14:04:00Z", channels: ["online", "chat", "phone"]))
        #expect(formatter.lines(for: .reply(ticket)) == [
            "  I've opened ticket HL-7.",
            "  Ticket: HL-7 (priority 2 High)",
            "  First response by: Thu 14 May 16:04 GMT+2",
            "  Reach support by: online submission, live chat, phone",
        ])
    }

    @Test func selfServiceListsResourcesWithLinks() {
        let selfService = ServerFrame(
            type: "escalation", replyTo: "3", text: "These resources may help:", outcome: "self_service",
            resources: [.init(title: "Help center", url: "https://help.example.com/", kind: "help_center"),
                        .init(title: "Top 20 resources", url: "https://help.example.com/en/support/top-resources", kind: "top_resources")])
        #expect(formatter.lines(for: .reply(selfService)) == [
            "  These resources may help:",
            "  - Help center: https://help.example.com/",
            "  - Top 20 resources:",
            "    https://help.example.com/en/support/top-resources",
        ])
    }

    @Test func everyLineFitsANarrowTerminalExceptAWholeLink() {
        let narrow = ReplyFormatter(style: .plain, columns: 30)
        let answer = ServerFrame(
            type: "answer", replyTo: "1", text: "Klik på Glemt adgangskode? på login-siden, skriv din e-mailadresse, og følg linket i e-mailen.",
            articles: [.init(title: "Nulstil din adgangskode", url: "https://help.example.com/da/sign-in-security/reset-password")])
        let lines = narrow.lines(for: .reply(answer))
        #expect(lines.contains("https://help.example.com/da/sign-in-security/reset-password"))
        for line in lines where !line.hasPrefix("https://") {
            #expect(line.terminalColumns <= 30, "'\(line)'")
        }
    }

    @Test func coloursWrapLinesButNotTheirWidth() {
        let coloured = ReplyFormatter(style: TerminalStyle(colours: true), columns: 60)
        let answer = ServerFrame(type: "answer", replyTo: "1", text: "Text.", articles: [.init(title: "Title", url: "https://x.dk/a")])
        let lines = coloured.lines(for: .reply(answer))
        #expect(lines.first == "\u{1B}[1m  Title\u{1B}[0m")
        #expect(lines.contains("\u{1B}[4;36m  https://x.dk/a\u{1B}[0m"))
    }

    @Test(arguments: [
        (Conversation.Output.welcome(.init(plan: "free", role: "member"), resumed: nil, resent: 0),
         "  connected (free plan, member); /help lists the commands"),
        (.welcome(nil, resumed: true, resent: 1), "  reconnected; the conversation continues (sent 1 unanswered message again)"),
        (.note(.unknownCommand("/halp", suggestion: "/help")),
         "  unknown command /halp; did you mean /help? (/help lists the commands; // starts a question with a slash)"),
        (.refused(ServerFrame(type: "error", code: "invalid_token", message: "the token has expired")),
         "  the server refused the token: the token has expired"),
    ])
    func notesSayWhatHappened(output: Conversation.Output, expected: String) {
        let wide = ReplyFormatter(style: .plain, columns: 200)
        #expect(wide.lines(for: output) == [expected])
    }
}
