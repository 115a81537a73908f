import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `helpline serve`'s knowledge reloads (SIGHUP, `--watch`) and development mode (`--dev`), run
/// as an operator runs them.
struct ServeReloadTests {
    static let article = """
        ---
        id: feed-the-office-llama
        title: Feed the office llama
        ---
        The office llama eats hay twice a day.
        """

    /// A copy of the shipped help center that the test may change.
    static func knowledgeCopy(in folder: TemporaryDirectory) throws -> URL {
        let knowledge = folder.url.appendingPathComponent("knowledge")
        try FileManager.default.copyItem(at: HelplineProcess.shippedKnowledge, to: knowledge)
        return knowledge
    }

    @Test(.timeLimit(.minutes(2)))
    func sighupReindexesTheKnowledgeFolderAndKeepsServing() throws {
        let folder = try TemporaryDirectory()
        let server = try BackgroundServer(knowledge: try Self.knowledgeCopy(in: folder))
        try folder.write(Self.article, to: "knowledge/articles/en/office/feed-the-office-llama.md")
        let before = server.log.count
        kill(server.process.processIdentifier, SIGHUP)
        let line = server.log.waitForLine(containing: ["knowledge reloaded", "added=1"], skipping: before)
        #expect(line?.contains("removed=0") == true, "\(line ?? "no reload logged")")
        #expect(server.process.isRunning, "SIGHUP reloads; it does not stop the server")
        #expect(try Self.get("http://127.0.0.1:\(server.port)/healthz").status == 200)
    }

    @Test(.timeLimit(.minutes(2)))
    func watchReloadsWhenAnArticleIsAdded() throws {
        let folder = try TemporaryDirectory()
        let server = try BackgroundServer(knowledge: try Self.knowledgeCopy(in: folder), arguments: ["--watch"])
        let before = server.log.count
        try folder.write(Self.article, to: "knowledge/articles/en/office/feed-the-office-llama.md")
        let line = server.log.waitForLine(containing: ["knowledge reloaded", "added=1"], skipping: before)
        #expect(line != nil, "the watcher looks every second")
    }

    @Test(.timeLimit(.minutes(2)))
    func devModeMintsTokensWithARandomSecretAndSaysSo() throws {
        let development = try BackgroundServer(arguments: ["--dev"])
        #expect(development.log.waitForLine(containing: ["warning: --dev", "never use --dev in production"]) != nil)
        let minted = try Self.get("http://127.0.0.1:\(development.port)/dev/token?role=lead")
        #expect(minted.status == 200)
        let token = try #require(minted.json["token"] as? String)
        let groups = try Self.get("http://127.0.0.1:\(development.port)/api/v1/groups", bearer: token)
        #expect(groups.status == 200, "the server checks tokens with the secret it made: \(groups.json)")

        let production = try BackgroundServer()
        #expect(try Self.get("http://127.0.0.1:\(production.port)/dev/token").status == 404)
        #expect(try Self.get("http://127.0.0.1:\(production.port)/api/v1/groups", bearer: token).status == 401, "another server's token")
    }

    /// A GET with URLSession, waited for.
    static func get(_ address: String, bearer: String? = nil) throws -> (status: Int, json: [String: Any]) {
        var request = URLRequest(url: try #require(URL(string: address)), timeoutInterval: 30)
        if let bearer { request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization") }
        let done = DispatchSemaphore(value: 0)
        let result = ResultBox()
        URLSession.shared.dataTask(with: request) { data, response, error in
            result.value = (response as? HTTPURLResponse).map { ($0.statusCode, data ?? Data()) }
            result.error = error
            done.signal()
        }.resume()
        done.wait()
        guard let (status, data) = result.value else { throw HelplineProcessError(message: "no answer from \(address): \(String(describing: result.error))") }
        return (status, (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:])
    }

    private final class ResultBox: @unchecked Sendable {
        // @unchecked Sendable: written once before the semaphore is signalled, read after.
        var value: (Int, Data)?
        var error: (any Error)?
    }
}
