extension Database {
    /// Brings the schema up to the latest version, one migration at a time.
    ///
    /// `PRAGMA user_version` records how many migrations have run; each runs in its own
    /// transaction, so a crash leaves the database at a version, never between two.
    public func migrate(_ migrations: [String]) throws {
        let applied = try prepare("PRAGMA user_version").firstRow { Int($0.int64(at: 0)) } ?? 0
        guard applied < migrations.count else { return }
        for (version, sql) in migrations.enumerated().dropFirst(applied) {
            try transaction {
                try execute(sql)
                try execute("PRAGMA user_version = \(version + 1)")
            }
        }
    }
}
