import HelplineClient
import HelplineCore
import HelplineServer
import HelplineStore

/// A test's server and the client pool that talks to it, shut down together.
///
/// Tests write `let fixture = try ChatFixture()` then `defer { fixture.shutDown() }`: the defer
/// also keeps the fixture alive to the end of the test, which a bare local would not be (Swift
/// may release a value after its last use, and the server would stop mid-test).
final class ChatFixture {
    let server: TestServer
    let pool: ChatClientPool

    init(
        verifier: IdentityTokenVerifier? = nil, configuration: ServerConfiguration = ServerConfiguration(),
        accounts: [AccountDirectory.Entry] = [], devTokens: IdentityTokenSigner? = nil, copiesKnowledge: Bool = false
    ) throws {
        server = try TestServer(
            verifier: verifier, configuration: configuration, accounts: accounts, devTokens: devTokens,
            copiesKnowledge: copiesKnowledge)
        pool = try ChatClientPool()
    }

    /// A chat with the server at `/chat`, offering `helpline.v1`, unless told otherwise.
    func connect(path: String = "/chat", subprotocol: String? = "helpline.v1") -> ChatClient {
        pool.connect(port: server.port, path: path, subprotocol: subprotocol)
    }

    /// Drops the clients, then stops the server and waits for its `run()` to return.
    func shutDown() {
        pool.shutdown()
        server.shutDown()
    }
}
