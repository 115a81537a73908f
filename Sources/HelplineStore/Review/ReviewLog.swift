import Foundation
import HelplineCore

/// Records questions that ended without a helpful answer and groups similar ones, for leads.
///
/// Grouping is incremental and in one locale: a new question joins the open group whose
/// signature it overlaps most (weighted by term rarity, ``SameProblem``), or starts a group.
/// Like its ``Database``, a log belongs to one thread at a time.
public final class ReviewLog {
    /// One question to record.
    public struct Entry: Sendable {
        public var question: String
        public var terms: [String]
        public var locale: String
        public var identity: Identity
        public var conversation: String?
        /// `no_match`, `unhelpful`, `person`, or `clarify` (the user moved on without choosing).
        public var reason: String
        /// `ticket`, `self_service`, or `clarify` when nothing was escalated.
        public var outcome: String
        public var ticketID: Int64?
        public var closestArticles: [String]

        public init(
            question: String, terms: [String], locale: String, identity: Identity, conversation: String?, reason: String,
            outcome: String, ticketID: Int64?, closestArticles: [String]
        ) {
            self.question = question
            self.terms = terms
            self.locale = locale
            self.identity = identity
            self.conversation = conversation
            self.reason = reason
            self.outcome = outcome
            self.ticketID = ticketID
            self.closestArticles = closestArticles
        }
    }

    /// A group as `helpline review` lists it.
    public struct Group: Sendable, Equatable, Codable {
        public var id: Int64
        public var locale: String
        public var status: String
        public var count: Int
        public var firstSeen: Date
        public var lastSeen: Date
        public var examples: [String]
        /// Outcome to how many questions had it.
        public var outcomes: [String: Int]
        /// The articles that came closest, most often first.
        public var closestArticles: [String]
    }

    let database: Database
    let sameProblem = SameProblem()

    public init(database: Database) throws {
        self.database = database
        try database.migrate(StoreSchema.migrations)
    }

    /// Records `entry` in the group it belongs to; returns the group's id.
    @discardableResult
    public func record(_ entry: Entry, weight: (String) -> Double, now: Date) throws -> Int64 {
        try database.transaction {
            let groupID = try group(for: entry, weight: weight, now: now)
            try database.cachedStatement("""
                INSERT INTO unanswered(group_id, created_at, conversation_id, locale, plan, role, question, reason, outcome,
                                       ticket_id, closest)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).run([
                    groupID, now.timeIntervalSince1970, entry.conversation, entry.locale, entry.identity.plan,
                    entry.identity.role, entry.question, entry.reason, entry.outcome, entry.ticketID,
                    entry.closestArticles.joined(separator: ","),
                ])
            try database.cachedStatement("UPDATE question_groups SET count = count + 1, last_seen = ? WHERE id = ?")
                .run([now.timeIntervalSince1970, groupID])
            return groupID
        }
    }

    private func group(for entry: Entry, weight: (String) -> Double, now: Date) throws -> Int64 {
        let candidates = try database.cachedStatement(
            "SELECT id, terms FROM question_groups WHERE locale = ? AND status = 'open' ORDER BY last_seen DESC LIMIT 500")
        try candidates.bind([entry.locale])
        var best: (id: Int64, score: Double)?
        while try candidates.step() {
            let signature = (candidates.string(at: 1) ?? "").split(separator: " ").map(String.init)
            guard sameProblem.matches(entry.terms, signature, weight: weight) else { continue }
            let score = Double(Set(signature).intersection(entry.terms).count)
            if score > (best?.score ?? -1) { best = (candidates.int64(at: 0), score) }
        }
        if let best { return best.id }
        try database.cachedStatement(
            "INSERT INTO question_groups(locale, terms, first_seen, last_seen) VALUES (?, ?, ?, ?)"
        ).run([entry.locale, entry.terms.joined(separator: " "), now.timeIntervalSince1970, now.timeIntervalSince1970])
        return database.lastInsertedRow
    }

    /// The groups with questions since `since`, largest first.
    public func groups(since: Date, locale: String? = nil, includeClosed: Bool = false) throws -> [Group] {
        let statement = try database.prepare("""
            SELECT g.id, g.locale, g.status, count(u.id), min(u.created_at), max(u.created_at)
            FROM question_groups g JOIN unanswered u ON u.group_id = g.id
            WHERE u.created_at >= ? AND (? IS NULL OR g.locale = ?) AND (? OR g.status = 'open')
            GROUP BY g.id ORDER BY count(u.id) DESC, max(u.created_at) DESC
            """)
        try statement.bind([since.timeIntervalSince1970, locale, locale, includeClosed ? 1 : 0])
        var groups: [Group] = []
        while try statement.step() {
            groups.append(Group(
                id: statement.int64(at: 0), locale: statement.string(at: 1) ?? "", status: statement.string(at: 2) ?? "",
                count: Int(statement.int64(at: 3)), firstSeen: Date(timeIntervalSince1970: statement.double(at: 4)),
                lastSeen: Date(timeIntervalSince1970: statement.double(at: 5)), examples: [], outcomes: [:], closestArticles: []))
        }
        return try groups.map { try detailed($0, since: since) }
    }

    func detailed(_ group: Group, since: Date) throws -> Group {
        var group = group
        let rows = try database.cachedStatement(
            "SELECT question, outcome, closest FROM unanswered WHERE group_id = ? AND created_at >= ? ORDER BY id")
        try rows.bind([group.id, since.timeIntervalSince1970])
        var closest: [String: Int] = [:]
        while try rows.step() {
            let question = rows.string(at: 0) ?? ""
            if group.examples.count < 3, !group.examples.contains(question) { group.examples.append(question) }
            group.outcomes[rows.string(at: 1) ?? "", default: 0] += 1
            for article in (rows.string(at: 2) ?? "").split(separator: ",") { closest[String(article), default: 0] += 1 }
        }
        group.closestArticles = closest.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).map(\.key)
        return group
    }

    /// The group's locale and its distinct phrasings, oldest first.
    public func phrasings(of id: Int64) throws -> (locale: String, phrasings: [String])? {
        let group = try database.cachedStatement("SELECT locale FROM question_groups WHERE id = ?")
        try group.bind([id])
        guard let locale = try group.firstRow({ $0.string(at: 0) }) ?? nil else { return nil }
        let rows = try database.cachedStatement("SELECT DISTINCT question FROM unanswered WHERE group_id = ? ORDER BY id")
        try rows.bind([id])
        var phrasings: [String] = []
        while try rows.step() { phrasings.append(rows.string(at: 0) ?? "") }
        return (locale, phrasings)
    }

    /// Marks a group resolved: its questions now have an article.
    public func markResolved(_ id: Int64) throws {
        try database.cachedStatement("UPDATE question_groups SET status = 'resolved' WHERE id = ?").run([id])
    }

    /// Marks a group dismissed (spam, off-topic): it leaves the list, and new questions start a new group.
    public func dismiss(_ id: Int64) throws -> Bool {
        try database.cachedStatement("UPDATE question_groups SET status = 'dismissed' WHERE id = ?").run([id])
        return try exists(id)
    }

    private func exists(_ id: Int64) throws -> Bool {
        let statement = try database.cachedStatement("SELECT 1 FROM question_groups WHERE id = ?")
        try statement.bind([id])
        return try statement.firstRow { _ in true } ?? false
    }
}
