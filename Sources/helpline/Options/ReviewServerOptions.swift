import ArgumentParser
import Foundation

/// Where `helpline review` works: the local database by default, or a server's HTTP API.
///
/// `HELPLINE_SERVER` and `HELPLINE_TOKEN` in the environment stand in for the options, so a
/// lead can point every review command at production once per shell.
struct ReviewServerOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Review on this Helpline server's HTTP API instead of the local database (or HELPLINE_SERVER).", valueName: "url"))
    var server: String?

    @Option(help: ArgumentHelp("A support lead's identity token for --server (or HELPLINE_TOKEN).", valueName: "jwt"))
    var token: String?

    func validate() throws {
        _ = try client()
    }

    /// The API client when a server is named, nil for the local database.
    ///
    /// - Throws: `ValidationError` for an address that is not http(s) or a server without a token.
    func client(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ReviewAPIClient? {
        guard let server = server ?? environment["HELPLINE_SERVER"], !server.isEmpty else { return nil }
        guard let url = URL(string: server), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            throw ValidationError("--server takes the server's http(s) address, such as http://127.0.0.1:8080, not '\(server)'")
        }
        guard let token = token ?? environment["HELPLINE_TOKEN"], !token.isEmpty else {
            throw ValidationError("--server needs a support lead's identity token: --token JWT, or HELPLINE_TOKEN")
        }
        return ReviewAPIClient(server: url, token: token)
    }
}
