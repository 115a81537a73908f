import Foundation
import HelplineCore
import HelplineStore
import Logging

/// Answers the HTTP API under `/api/v1/` (docs/API.md) and, in development mode, `/dev/token`.
///
/// Every API request is authorized first (a support lead's token), so an unknown path tells a
/// stranger nothing; then routed (404, 405), then its query or body is checked (400). Failures
/// are ``APIError``s; anything else is logged and answered with a bare 500.
///
/// Confined to the service thread: its stores use the service thread's SQLite connection, and the
/// index it resolves groups into is the one that answers the chats, so a resolved phrasing is
/// answered from the next question on.
final class APIRouter {
    /// What the server does with a request.
    enum Outcome {
        case response(HTTPResponse)
        /// Re-index the knowledge folder, then answer with ``reloaded(_:)``.
        case reloadKnowledge
        /// Rebuild the index's in-memory state on the reload thread, then answer with this
        /// response: the request changed what the index knows (a resolved group's aliases).
        case afterReload(HTTPResponse)
    }

    /// The largest request body read, in bytes; a larger one is refused with 413 before it is
    /// buffered. Every API body is a small JSON object.
    static let maximumBodyBytes = 64 * 1024
    /// The most questions a group's detail lists.
    static let maximumQuestions = 50

    let authorization: APIAuthorization
    let index: KnowledgeIndex
    let review: ReviewLog?
    let tickets: TicketStore?
    let statistics: StatisticsStore?
    let policy: Policy
    /// Where drafts are written and what a reload re-indexes; nil on a server started without one.
    let knowledge: KnowledgeFolder?
    /// Mints `/dev/token`'s tokens; nil unless the server runs in development mode.
    let devTokens: IdentityTokenSigner?
    let logger: Logger

    init(
        authorization: APIAuthorization, index: KnowledgeIndex, review: ReviewLog?, tickets: TicketStore?,
        statistics: StatisticsStore?, policy: Policy, knowledge: KnowledgeFolder?, devTokens: IdentityTokenSigner?,
        logger: Logger
    ) {
        self.authorization = authorization
        self.index = index
        self.review = review
        self.tickets = tickets
        self.statistics = statistics
        self.policy = policy
        self.knowledge = knowledge
        self.devTokens = devTokens
        self.logger = logger
    }

    /// What to do with `request`; nil when its path is neither the API's nor `/dev/token` in
    /// development mode, for the plain routes to answer.
    func route(_ request: HTTPRequest, now: Date) -> Outcome? {
        if request.path == DevTokenRoute.path, let devTokens {
            return outcome { .response(try DevTokenRoute.token(for: request, signer: devTokens, now: now)) }
        }
        guard APIRoute.owns(request.path) else { return nil }
        return outcome {
            let lead = try authorization.lead(authorization: request.authorization, now: now)
            guard let route = APIRoute(path: request.path) else {
                throw APIError.notFound("no API route \(request.path.prefix(120)); see docs/API.md")
            }
            guard request.method == route.method || (route.method == .get && request.method == .head) else {
                throw APIError.methodNotAllowed(route.method == .get ? [.get, .head] : [route.method])
            }
            return try handle(route, request, lead: lead, now: now)
        }
    }

    private func handle(_ route: APIRoute, _ request: HTTPRequest, lead: Identity, now: Date) throws -> Outcome {
        switch route {
        case .groups: return .response(try groups(request, now: now))
        case .group(let id): return .response(try group(id))
        case .resolve(let id): return try resolve(id, request, lead: lead, now: now)
        case .draft(let id): return .response(try draft(id, lead: lead))
        case .dismiss(let id): return .response(try dismiss(id, lead: lead))
        case .tickets: return .response(try tickets(request, now: now))
        case .statistics: return .response(try statistics(request, now: now))
        case .reloadKnowledge:
            guard knowledge != nil else { throw APIError.notFound("this server was started without a knowledge folder") }
            logger.info("knowledge reload requested", metadata: ["lead": "\(lead.userID ?? "")"])
            return .reloadKnowledge
        }
    }

    /// Runs a handler and turns what it throws into the error's response.
    private func outcome(_ handler: () throws -> Outcome) -> Outcome {
        do {
            return try handler()
        } catch let error as APIError {
            return .response(error.response)
        } catch let error as ReviewError {
            switch error.kind {
            case .groupNotFound, .articleNotFound: return .response(APIError.notFound(error.message).response)
            case .draftExists, .groupClosed: return .response(APIError.conflict(error.message).response)
            }
        } catch {
            logger.error("API request failed: \(error)")
            return .response(APIError.internal().response)
        }
    }

    /// The answer to `POST /api/v1/knowledge/reload` once the re-index is done.
    static func reloaded(_ result: Result<IndexReport, any Error>) -> HTTPResponse {
        switch result {
        case .success(let report):
            return .json(200, ReloadReport(report))
        case .failure(let error):
            return APIError.internal("the knowledge folder could not be re-indexed: \(error)").response
        }
    }

    /// A store the server may run without; its routes are 404 then.
    func required<Store>(_ store: Store?, _ what: String) throws(APIError) -> Store {
        guard let store else { throw .notFound("this server keeps no \(what)") }
        return store
    }
}

/// `POST /api/v1/knowledge/reload`'s answer: what the re-index did.
struct ReloadReport: Encodable {
    var files: Int
    var added: Int
    var updated: Int
    var removed: Int
    var unchanged: Int
    /// `path:line: message` for each file that could not be loaded.
    var issues: [String]

    init(_ report: IndexReport) {
        files = report.files
        added = report.added
        updated = report.updated
        removed = report.removed
        unchanged = report.unchanged
        issues = report.issues.map(\.description)
    }
}
