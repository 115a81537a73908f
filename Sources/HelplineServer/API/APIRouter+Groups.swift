import Foundation
import HelplineCore
import HelplineStore
import Logging

/// The review routes: groups of questions the help center could not answer, and what a lead
/// does with them. Resolve, draft and dismiss are ``ReviewLog``'s, as for `helpline review`.
extension APIRouter {
    /// `GET /api/v1/groups?since=7d&locale=da&status=open|all`: largest first.
    func groups(_ request: HTTPRequest, now: Date) throws -> HTTPResponse {
        let review = try required(review, "review log")
        let since = try APIQuery.since(request.query("since"), now: now)
        let locale = try APIQuery.locale(request.query("locale"))
        let status = try APIQuery.choice("status", request.query("status"), of: ["open", "all"]) ?? "open"
        return .json(200, GroupList(groups: try review.groups(since: since, locale: locale, includeClosed: status == "all")))
    }

    /// `GET /api/v1/groups/{id}`: the group, all its phrasings and its latest questions.
    func group(_ id: Int64) throws -> HTTPResponse {
        let review = try required(review, "review log")
        guard let group = try review.group(id), let (_, phrasings) = try review.phrasings(of: id) else {
            throw APIError.notFound("no group #\(id)")
        }
        let questions = try review.questions(of: id, limit: Self.maximumQuestions)
        return .json(200, GroupDetail(group, phrasings: phrasings, questions: questions))
    }

    /// `POST /api/v1/groups/{id}/resolve` with `{"article": "<id>"}`.
    ///
    /// The aliases are written here; the vocabulary that knows their words is rebuilt on the
    /// reload thread (slow on a large help center), and the answer waits for it, so a lead who
    /// gets it can ask the phrasing and get the article.
    func resolve(_ id: Int64, _ request: HTTPRequest, lead: Identity, now: Date) throws -> Outcome {
        let review = try required(review, "review log")
        let body = try Self.decode(ResolveBody.self, from: request.body)
        guard !body.article.isEmpty, body.article.utf8.count <= 200 else {
            throw APIError.badRequest("'article' must be an article id such as record-a-meeting")
        }
        let resolution = try review.resolve(id, article: body.article, in: index, now: now, refreshingVocabulary: false)
        logger.info(
            "group resolved", metadata: ["group": "\(id)", "article": "\(body.article)", "lead": "\(lead.userID ?? "")"])
        return .afterReload(.json(200, Resolved(group: resolution.group, article: resolution.article, aliases: resolution.aliases)))
    }

    /// `POST /api/v1/groups/{id}/draft`: a new article draft under `<knowledge>/drafts/`.
    func draft(_ id: Int64, lead: Identity) throws -> HTTPResponse {
        let review = try required(review, "review log")
        guard let knowledge else { throw APIError.notFound("this server was started without a knowledge folder") }
        let draft = try review.writeDraft(for: id, in: knowledge)
        logger.info("draft written", metadata: ["group": "\(id)", "file": "\(draft.file.path)", "lead": "\(lead.userID ?? "")"])
        return .json(200, Drafted(group: draft.group, path: Self.displayPath(of: draft.file)))
    }

    /// `POST /api/v1/groups/{id}/dismiss`.
    func dismiss(_ id: Int64, lead: Identity) throws -> HTTPResponse {
        let group = try required(review, "review log").dismissGroup(id)
        logger.info("group dismissed", metadata: ["group": "\(id)", "lead": "\(lead.userID ?? "")"])
        return .json(200, Dismissed(group: group))
    }

    /// A JSON body as `type`; any problem is a 400 that says what was expected.
    static func decode<Body: Decodable>(_ type: Body.Type, from bytes: [UInt8]) throws(APIError) -> Body {
        do {
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch DecodingError.keyNotFound(let key, _) {
            throw .badRequest("the body needs '\(key.stringValue)'")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            throw .badRequest("'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type")
        } catch {
            throw .badRequest("the body must be a JSON object such as {\"article\": \"record-a-meeting\"}")
        }
    }

    /// A file's path relative to the server's working folder when it lies inside it
    /// (`knowledge/drafts/draft-4.md`), else absolute.
    static func displayPath(of file: URL) -> String {
        let path = file.standardizedFileURL.path
        let here = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
    }
}

private struct GroupList: Encodable {
    var groups: [ReviewLog.Group]
}

private struct ResolveBody: Decodable {
    var article: String
}

private struct Resolved: Encodable {
    var group: ReviewLog.Group
    var article: String
    var aliases: Int
}

private struct Drafted: Encodable {
    var group: ReviewLog.Group
    var path: String
}

private struct Dismissed: Encodable {
    var group: ReviewLog.Group
}

/// A group with its phrasings and latest questions: ``ReviewLog/Group``'s fields, then two more.
private struct GroupDetail: Encodable {
    var group: ReviewLog.Group
    var phrasings: [String]
    var questions: [Question]

    init(_ group: ReviewLog.Group, phrasings: [String], questions: [ReviewLog.Question]) {
        self.group = group
        self.phrasings = phrasings
        self.questions = questions.map(Question.init)
    }

    private enum CodingKeys: String, CodingKey { case phrasings, questions }

    /// One flat object: the group encodes its own fields, and the two lists join them.
    func encode(to encoder: any Encoder) throws {
        try group.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(phrasings, forKey: .phrasings)
        try container.encode(questions, forKey: .questions)
    }

    struct Question: Encodable {
        var question: String
        var at: Date
        var plan: String
        var role: String
        var outcome: String
        /// The ticket's reference (`HL-3`).
        @NullWhenAbsent var ticket: String?
        @NullWhenAbsent var conversation: String?

        init(_ question: ReviewLog.Question) {
            self.question = question.question
            at = question.at
            plan = question.plan
            role = question.role
            outcome = question.outcome
            ticket = question.ticketID.map(TicketRecord.reference)
            conversation = question.conversation
        }
    }
}
