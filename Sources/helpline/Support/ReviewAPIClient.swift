import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HelplineStore

/// The review routes of a Helpline server's HTTP API (docs/API.md), for `helpline review --server`.
///
/// Each call sends one request with the lead's token and waits for the answer: a command does
/// one thing at a time, so blocking is what it wants.
struct ReviewAPIClient {
    /// The server's address, e.g. `http://127.0.0.1:8080`; the API lives under its `api/v1/`.
    var server: URL
    /// A support lead's identity token (JWT), sent as `Authorization: Bearer`.
    var token: String
    /// Seconds to wait for each answer.
    var timeout: TimeInterval = 30

    /// What went wrong, with the API's error code: printed as `message (code)`.
    struct Failure: Error, CustomStringConvertible {
        /// The HTTP status, nil when no answer arrived.
        var status: Int?
        var code: String
        var message: String
        var description: String { "\(message) (\(code))" }
    }

    /// `POST groups/{id}/resolve`'s answer.
    struct Resolution: Decodable {
        var group: ReviewLog.Group
        var article: String
        var aliases: Int
    }

    /// `POST groups/{id}/draft`'s answer.
    struct DraftWritten: Decodable {
        var group: ReviewLog.Group
        var path: String
    }

    /// Open groups seen since `since` (`24h`, `7d`), largest first.
    func groups(since: String, locale: String?) throws -> [ReviewLog.Group] {
        struct List: Decodable { var groups: [ReviewLog.Group] }
        var query = [URLQueryItem(name: "since", value: since)]
        if let locale { query.append(URLQueryItem(name: "locale", value: locale)) }
        return try send("GET", "groups", query: query, as: List.self).groups
    }

    func resolve(_ group: Int64, article: String) throws -> Resolution {
        try send("POST", "groups/\(group)/resolve", body: ["article": article], as: Resolution.self)
    }

    func draft(_ group: Int64) throws -> DraftWritten {
        try send("POST", "groups/\(group)/draft", as: DraftWritten.self)
    }

    func dismiss(_ group: Int64) throws -> ReviewLog.Group {
        struct Dismissed: Decodable { var group: ReviewLog.Group }
        return try send("POST", "groups/\(group)/dismiss", as: Dismissed.self).group
    }

    private func send<Answer: Decodable>(
        _ method: String, _ path: String, query: [URLQueryItem] = [], body: [String: String]? = nil, as: Answer.Type
    ) throws -> Answer {
        var components = URLComponents(url: server.appendingPathComponent("api/v1/" + path), resolvingAgainstBaseURL: false)
        if !query.isEmpty { components?.queryItems = query }
        guard let url = components?.url else {
            throw Failure(status: nil, code: "bad_request", message: "cannot build a request to \(server) for \(path)")
        }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let body {
            request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONEncoder().encode(body)
        }
        let (data, response) = try exchange(request)
        guard (200..<300).contains(response.statusCode) else {
            throw Self.failure(status: response.statusCode, body: data)
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(Answer.self, from: data)
        } catch {
            throw Failure(status: response.statusCode, code: "bad_response",
                          message: "\(server) answered \(method) \(path) with something other than the API's JSON")
        }
    }

    /// The API's `{"error": {"code", "message"}}`, or the bare status when the body is not one.
    static func failure(status: Int, body: Data) -> Failure {
        struct Body: Decodable {
            struct Problem: Decodable { var code: String; var message: String }
            var error: Problem
        }
        if let problem = try? JSONDecoder().decode(Body.self, from: body).error {
            return Failure(status: status, code: problem.code, message: problem.message)
        }
        return Failure(status: status, code: "http_\(status)", message: "the server answered HTTP \(status)")
    }

    /// Sends `request` and blocks until the answer (or the timeout) arrives.
    private func exchange(_ request: URLRequest) throws -> (Data, HTTPURLResponse) {
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        session.dataTask(with: request) { data, response, error in
            outcome.data = data
            outcome.response = response as? HTTPURLResponse
            outcome.error = error
            done.signal()
        }.resume()
        done.wait()
        guard let response = outcome.response, outcome.error == nil else {
            let reason = outcome.error?.localizedDescription ?? "no HTTP answer"
            throw Failure(status: nil, code: "unreachable", message: "cannot reach \(server): \(reason)")
        }
        return (outcome.data ?? Data(), response)
    }

    private final class Outcome: @unchecked Sendable {
        // @unchecked Sendable: the session's queue writes these before signalling the
        // semaphore, and the waiting thread reads them only after the wait returns.
        var data: Data?
        var response: HTTPURLResponse?
        var error: (any Error)?
    }
}
