import Foundation
import HelplineCore

/// Which plan each account is on, in SQLite: imported from CSV, set one by one, listed.
///
/// Like its ``Database``, a directory belongs to one thread at a time.
public final class AccountDirectory {
    /// One account and its plan.
    public struct Entry: Sendable, Equatable {
        public var account: String
        public var plan: String

        public init(account: String, plan: String) {
            self.account = account
            self.plan = plan
        }
    }

    let database: Database
    /// The plans the policy knows; anything else is refused.
    let plans: Set<String>

    public init(database: Database, policy: Policy) throws {
        self.database = database
        plans = Set(policy.plans.map(\.id))
        try database.migrate(StoreSchema.migrations)
    }

    /// The plan of `account`, or nil when the directory does not know it.
    public func plan(of account: String) throws -> String? {
        let statement = try database.cachedStatement("SELECT plan FROM accounts WHERE account = ?")
        try statement.bind([account])
        return try statement.firstRow { $0.string(at: 0) } ?? nil
    }

    /// The identity with the directory's plan for its account, when the directory knows it.
    public func applying(to identity: Identity) throws -> Identity {
        guard let account = identity.account, let plan = try plan(of: account) else { return identity }
        var updated = identity
        updated.plan = plan
        return updated
    }

    /// Sets one account's plan.
    ///
    /// - Throws: ``AccountDirectoryError`` for an empty account or an unknown plan.
    public func set(_ entry: Entry, now: Date = Date()) throws {
        try validate(entry, line: nil)
        try upsert(entry, now: now)
    }

    /// Sets every entry in one transaction: all of them, or none when any is invalid.
    public func importEntries(_ entries: [(line: Int, entry: Entry)], now: Date = Date()) throws {
        for (line, entry) in entries { try validate(entry, line: line) }
        try database.transaction {
            for (_, entry) in entries { try upsert(entry, now: now) }
        }
    }

    public func list() throws -> [Entry] {
        let statement = try database.prepare("SELECT account, plan FROM accounts ORDER BY account")
        var entries: [Entry] = []
        while try statement.step() {
            entries.append(Entry(account: statement.string(at: 0) ?? "", plan: statement.string(at: 1) ?? ""))
        }
        return entries
    }

    private func validate(_ entry: Entry, line: Int?) throws {
        guard !entry.account.isEmpty else { throw AccountDirectoryError(line: line, message: "the account is empty") }
        guard plans.contains(entry.plan) else {
            throw AccountDirectoryError(
                line: line, message: "unknown plan '\(entry.plan)'; the policy has: \(plans.sorted().joined(separator: ", "))")
        }
    }

    private func upsert(_ entry: Entry, now: Date) throws {
        try database.cachedStatement("""
            INSERT INTO accounts(account, plan, updated_at) VALUES (?, ?, ?)
            ON CONFLICT(account) DO UPDATE SET plan = excluded.plan, updated_at = excluded.updated_at
            """).run([entry.account, entry.plan, now.timeIntervalSince1970])
    }
}

/// An account entry that cannot be stored, with the CSV line when it came from a file.
public struct AccountDirectoryError: Error, CustomStringConvertible {
    public var line: Int?
    public var message: String

    public var description: String { line.map { "line \($0): \(message)" } ?? message }
}
