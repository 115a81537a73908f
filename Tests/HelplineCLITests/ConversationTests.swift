import Foundation
import Testing
@testable import helpline

/// The chat's protocol side, step by step, without sockets: hello, questions, feedback,
/// clarify picks, and resuming after a dropped connection.
struct ConversationTests {
    let now = Date(timeIntervalSince1970: 1_000_000)

    private func welcome(_ session: String) -> ServerFrame {
        ServerFrame(type: "welcome", session: session, user: .init(plan: "pro", role: "owner", entitled: true))
    }

    private func ready(token: String? = nil) -> Conversation {
        var conversation = Conversation(token: token)
        _ = conversation.connected()
        _ = conversation.receive(welcome("s-1"), now: now)
        return conversation
    }

    @Test func helloCarriesTokenAndLocaleThenTheSessionOnceKnown() {
        var conversation = Conversation(token: "t", locale: "da")
        #expect(conversation.connected() == .hello(token: "t", session: nil, locale: "da"))
        let step = conversation.receive(welcome("s-1"), now: now)
        #expect(step.show == [.welcome(.init(plan: "pro", role: "owner", entitled: true), resumed: nil, resent: 0)])
        #expect(conversation.phase == .ready)
        conversation.disconnected()
        #expect(conversation.connected() == .hello(token: "t", session: "s-1", locale: "da"))
    }

    @Test func aQuestionIsSentWithANewIDAndAwaitsItsReply() {
        var conversation = ready()
        let first = conversation.submit(.ask("How do I reset my password?"), now: now)
        #expect(first.send == [.ask(id: "1", text: "How do I reset my password?")])
        #expect(conversation.isWaitingForReply)
        let second = conversation.submit(.ask("and my email?"), now: now)
        #expect(second.send == [.ask(id: "2", text: "and my email?")])
        let answer = ServerFrame(type: "answer", replyTo: "1", text: "Click Forgot password?")
        #expect(conversation.receive(answer, now: now).show == [.reply(answer)])
        #expect(conversation.pending.map(\.frame) == [.ask(id: "2", text: "and my email?")])
        #expect(conversation.lastAnswerID == "1")
    }

    @Test func feedbackRatesTheLastAnswerOnce() {
        var conversation = ready()
        #expect(conversation.submit(.helpful, now: now).show == [.note(.nothingToRate)])
        _ = conversation.submit(.ask("q"), now: now)
        _ = conversation.receive(ServerFrame(type: "answer", replyTo: "1"), now: now)
        let helpful = conversation.submit(.helpful, now: now)
        #expect(helpful.send == [.feedback(replyTo: "1", helpful: true)])
        #expect(helpful.show == [.note(.thanks)])
        #expect(!conversation.isWaitingForReply, "helpful feedback gets no reply")
        #expect(conversation.submit(.unhelpful, now: now).show == [.note(.nothingToRate)])
    }

    @Test func unhelpfulFeedbackAwaitsTheEscalationForTheAnswersID() {
        var conversation = ready()
        _ = conversation.submit(.ask("q"), now: now)
        _ = conversation.receive(ServerFrame(type: "answer", replyTo: "1"), now: now)
        #expect(conversation.submit(.unhelpful, now: now).send == [.feedback(replyTo: "1", helpful: false)])
        #expect(conversation.isWaitingForReply)
        _ = conversation.receive(ServerFrame(type: "escalation", replyTo: "1", outcome: "ticket"), now: now)
        #expect(!conversation.isWaitingForReply)
        #expect(conversation.lastAnswerID == nil)
    }

    @Test func humanSendsTheLastQuestionAlongOrAsksForOne() {
        var conversation = ready()
        #expect(conversation.submit(.human(nil), now: now).show == [.note(.askFirst)])
        _ = conversation.submit(.ask("my camera is black"), now: now)
        #expect(conversation.submit(.human(nil), now: now).send == [.escalate(id: "2", text: "my camera is black")])
        #expect(conversation.submit(.human("billing"), now: now).send == [.escalate(id: "3", text: "billing")])
    }

    @Test(arguments: [("1", "Where are my recordings?"), ("2", "Record a meeting")])
    func aNumberPicksAClarifySuggestion(number: String, title: String) {
        var conversation = ready()
        _ = conversation.submit(.ask("recording"), now: now)
        let clarify = ServerFrame(
            type: "clarify", replyTo: "1", suggestions: [.init(id: "a", title: "Where are my recordings?"), .init(id: "b", title: "Record a meeting")])
        _ = conversation.receive(clarify, now: now)
        let step = conversation.submit(.ask(number), now: now)
        #expect(step.send == [.ask(id: "2", text: title)])
        #expect(step.show == [.note(.choosing(title))])
    }

    @Test func aNumberOutOfRangeOrWithoutSuggestionsIsAQuestion() {
        var conversation = ready()
        #expect(conversation.submit(.ask("1"), now: now).send == [.ask(id: "1", text: "1")])
        _ = conversation.receive(ServerFrame(type: "clarify", replyTo: "1", suggestions: [.init(id: "a", title: "A")]), now: now)
        #expect(conversation.submit(.ask("2"), now: now).send == [.ask(id: "2", text: "2")])
    }

    /// The connection drops with a question unanswered and another typed while offline: both go
    /// out again, in order, once the resumed session is welcomed.
    @Test func resumingSendsUnansweredQuestionsAgain() {
        var conversation = ready()
        _ = conversation.submit(.ask("first"), now: now)
        conversation.disconnected()
        #expect(!conversation.isWaitingForReply, "no reply is awaited on a dead connection")
        let offline = conversation.submit(.ask("second"), now: now)
        #expect(offline.send.isEmpty)
        #expect(offline.show == [.note(.willSend)])
        #expect(conversation.connected() == .hello(token: nil, session: "s-1", locale: nil))
        let welcomed = conversation.receive(welcome("s-1"), now: now)
        #expect(welcomed.send == [.ask(id: "1", text: "first"), .ask(id: "2", text: "second")])
        #expect(welcomed.show.first == .welcome(.init(plan: "pro", role: "owner", entitled: true), resumed: true, resent: 2))
        #expect(conversation.isWaitingForReply)
    }

    @Test func aLostSessionStartsANewConversation() {
        var conversation = ready()
        conversation.disconnected()
        _ = conversation.connected()
        let lost = conversation.receive(ServerFrame(type: "error", code: "session_not_found", message: "no conversation"), now: now)
        #expect(lost.send == [.hello(token: nil, session: nil, locale: nil)])
        #expect(lost.show == [.note(.conversationLost)])
        #expect(conversation.receive(welcome("s-2"), now: now).show.first == .welcome(
            .init(plan: "pro", role: "owner", entitled: true), resumed: nil, resent: 0))
        #expect(conversation.session == "s-2")
    }

    @Test func aRefusedTokenIsShownAndTheChatGoesOnAnonymous() {
        var conversation = Conversation(token: "forged")
        _ = conversation.connected()
        let refusal = ServerFrame(type: "error", code: "invalid_token", message: "bad signature")
        #expect(conversation.receive(refusal, now: now).show == [.refused(refusal)])
        #expect(conversation.phase == .ready)
    }

    @Test func repliesThatDoNotComeInTimeExpire() {
        var conversation = ready()
        _ = conversation.submit(.ask("q"), now: now)
        #expect(conversation.replyDeadline(timeout: 15) == now.addingTimeInterval(15))
        #expect(conversation.expire(now: now.addingTimeInterval(14), timeout: 15).show.isEmpty)
        #expect(conversation.expire(now: now.addingTimeInterval(15), timeout: 15).show == [.note(.noReply("1"))])
        #expect(conversation.pending.isEmpty)
    }

    @Test(arguments: [
        (ClientFrame.hello(token: nil, session: nil, locale: nil), #"{"type":"hello"}"#),
        (.hello(token: "t", session: "s", locale: "da"), #"{"locale":"da","session":"s","token":"t","type":"hello"}"#),
        (.ask(id: "1", text: "Hvor er mine optagelser?"), #"{"id":"1","text":"Hvor er mine optagelser?","type":"ask"}"#),
        (.feedback(replyTo: "3", helpful: false), #"{"helpful":false,"replyTo":"3","type":"feedback"}"#),
        (.escalate(id: "4", text: "a/b"), #"{"id":"4","text":"a/b","type":"escalate"}"#),
    ])
    func framesEncodeAsTheProtocolSays(frame: ClientFrame, json: String) {
        #expect(frame.json == json)
    }

    @Test func unreadableFramesAreKeptForShowing() {
        let frame = ServerFrame.read("not json")
        #expect(frame.type == "unreadable")
        #expect(frame.raw == "not json")
        let answer = ServerFrame.read(#"{"type":"answer","replyTo":"1","articles":[{"title":"T","url":"https://x/y"}],"extra":1}"#)
        #expect(answer.articles?.first?.url == "https://x/y")
    }
}
