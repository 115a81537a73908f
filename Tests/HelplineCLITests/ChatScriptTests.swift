import Foundation
import Testing

/// `helpline chat` driven by a script: JSON replies on standard output, the chat's own notes on
/// standard error, so a script can parse every line it reads.
@Suite(.serialized)
struct ChatScriptTests {
    @Test(.timeLimit(.minutes(2)))
    func commandsWithoutRepliesKeepStandardOutputJSON() throws {
        let server = try BackgroundServer()
        let output = try HelplineProcess.run(
            ["chat", "--server", "ws://127.0.0.1:\(server.port)/chat"],
            input: "I forgot my password\n/helpful\n/weather\n\nI forgot my password\n/unhelpful\n/quit\nnever sent\n")
        #expect(output.status == 0, "\(output.standardError)")
        let replies = try output.standardOutput.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
        }
        // /helpful gets no reply; /unhelpful escalates the second answer, by its id.
        #expect(replies.map { $0["type"] as? String } == ["answer", "answer", "escalation"])
        #expect(replies.map { $0["replyTo"] as? String } == ["1", "2", "2"])
        #expect(output.standardError.contains("thanks, noted"), "\(output.standardError)")
        #expect(output.standardError.contains("unknown command /weather"), "\(output.standardError)")
    }

    @Test(.timeLimit(.minutes(2)))
    func aRefusedTokenIsAnErrorLineAndTheChatGoesOnAnonymous() throws {
        let server = try BackgroundServer()
        let output = try HelplineProcess.run(
            ["chat", "--server", "ws://127.0.0.1:\(server.port)/chat", "--token", "not-a-token"],
            input: "What is the capital of France?\n")
        #expect(output.status == 0, "\(output.standardError)")
        let replies = try output.standardOutput.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
        }
        #expect(replies.first?["type"] as? String == "error")
        #expect(replies.first?["code"] as? String == "invalid_token")
        #expect(replies.last?["outcome"] as? String == "self_service", "never a silent upgrade")
    }
}
