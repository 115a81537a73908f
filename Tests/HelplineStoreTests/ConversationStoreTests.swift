import Foundation
import HelplineCore
import Testing

@testable import HelplineStore

/// Transcripts and who may resume them.
struct ConversationStoreTests {
    static let alice = Identity(userID: "alice", account: "acme", plan: "pro", role: "owner")
    static let bob = Identity(userID: "bob", account: "acme", plan: "pro", role: "member")
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// A reply as the server makes one: here, self-service for a question without a match.
    static func reply(_ id: String) -> Reply {
        ReplyComposer(policy: .builtIn).reply(
            to: SearchResult(decision: .noMatch, confidence: 0, locale: "en", terms: [], matches: []), replyTo: id)
    }

    @Test func aConversationIsResumedOnlyByItsOwnUser() throws {
        let center = try TemporaryHelpCenter()
        defer { withExtendedLifetime(center) {} }
        let store = try ConversationStore(database: try center.openDatabase())
        try store.begin("s-1", identity: Self.alice, now: Self.now)
        try store.begin("s-2", identity: .anonymous, now: Self.now)

        #expect(try store.canResume("s-1", as: Self.alice))
        #expect(try !store.canResume("s-1", as: Self.bob), "another user's session")
        #expect(try !store.canResume("s-1", as: .anonymous), "an anonymous user cannot take a user's session")
        #expect(try store.canResume("s-2", as: .anonymous))
        #expect(try !store.canResume("s-2", as: Self.alice), "an anonymous chat is not a user's")
        #expect(try !store.canResume("s-missing", as: Self.alice))
    }

    @Test func exchangesAndFeedbackAreKeptInOrder() throws {
        let center = try TemporaryHelpCenter()
        defer { withExtendedLifetime(center) {} }
        let store = try ConversationStore(database: try center.openDatabase())
        try store.begin("s-1", identity: Self.alice, now: Self.now)
        try store.recordExchange(
            "s-1", clientID: "q1", question: "How do I record?", reply: Self.reply("q1"), confidence: 0.9,
            articles: ["record-a-meeting"], now: Self.now)
        try store.recordFeedback("s-1", replyTo: "q1", helpful: false, now: Self.now)

        let transcript = try store.transcript("s-1")
        #expect(transcript.map(\.kind) == ["question", "reply", "feedback"])
        #expect(transcript.map(\.content) == ["How do I record?", "escalation", "not helpful"])
        #expect(try store.question("s-1", clientID: "q1") == "How do I record?")
        #expect(try store.question("s-1", clientID: "q2") == nil)
        #expect(try store.question("s-other", clientID: "q1") == nil, "ids belong to their conversation")
    }

    /// The knowledge index and the conversations share one file and one schema version.
    @Test func bothSchemasLiveInOneDatabase() throws {
        let center = try TemporaryHelpCenter()
        defer { withExtendedLifetime(center) {} }
        let database = try center.openDatabase()
        _ = try ConversationStore(database: database)
        _ = try KnowledgeIndex(database: database, analyzer: Analyzer())
        let version = try database.prepare("PRAGMA user_version")
        #expect(try version.step())
        #expect(Int(version.int64(at: 0)) == StoreSchema.migrations.count)
    }
}
