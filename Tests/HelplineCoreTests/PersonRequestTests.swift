import HelplineCore
import Testing

/// Requests for a person, in English and Danish, and questions that only mention people or tickets.
struct PersonRequestTests {
    static let detector = PersonRequest()

    @Test(arguments: [
        "Can I talk to a human please",
        "I want to speak to a real person",
        "let me talk to someone at Parlo",
        "get me a live agent",
        "please open a ticket for this",
        "Can you create a ticket?",
        "escalate this",
        "I'd like to speak to support now",
        "Jeg vil gerne tale med et menneske",
        "kan jeg snakke med en person",
        "opret en sag til mig",
        "Kan i oprette en sag?",
        "jeg vil tale med en rigtig person",
    ])
    func asksForAPerson(text: String) {
        #expect(Self.detector.matches(text), "\(text)")
    }

    @Test(arguments: [
        "How do I add a person to a meeting?",
        "How do I check the status of my ticket?",
        "Can I talk in a meeting without video?",
        "How many people can join a webinar?",
        "Hvordan tilføjer jeg en person til et møde?",
        "human resources wants a usage report",
    ])
    func doesNotAskForAPerson(text: String) {
        #expect(!Self.detector.matches(text), "\(text)")
    }
}
