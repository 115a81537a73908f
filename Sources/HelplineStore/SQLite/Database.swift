internal import CSQLite

/// One SQLite connection: opened in init, closed in deinit.
///
/// Not thread-safe: a connection belongs to one thread at a time (the server's service thread,
/// or a command's main thread). Statements that run per question are prepared once and cached.
public final class Database {
    private let connection: OpaquePointer
    private var statementCache: [String: Statement] = [:]
    public let path: String

    /// Opens (creating if needed) the database at `path` in WAL mode.
    ///
    /// - Parameter busyTimeout: how long to wait for another process's write lock, in
    ///   milliseconds. Several server processes may share one file, so waiting beats failing.
    public init(path: String, busyTimeout: Int32 = 5_000) throws(SQLiteError) {
        self.path = path
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let error = SQLiteError(code: code, connection: handle)
            // sqlite3_open_v2 may allocate a handle even when it fails; it must still be closed.
            sqlite3_close_v2(handle)
            throw error
        }
        connection = handle
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeout)
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
        try execute("PRAGMA foreign_keys = ON")
        // Searches touch the FTS5 index all over; keeping it in memory saves a read() per page.
        try execute("PRAGMA cache_size = -65536")
        try execute("PRAGMA mmap_size = 268435456")
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(connection)
    }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws(SQLiteError) {
        let code = sqlite3_exec(connection, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: connection, sql: sql) }
    }

    /// A new prepared statement.
    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        try Statement(connection: connection, sql: sql)
    }

    /// A prepared statement reused across calls, reset and cleared of bindings.
    public func cachedStatement(_ sql: String) throws(SQLiteError) -> Statement {
        if let statement = statementCache[sql] {
            statement.reset()
            return statement
        }
        let statement = try prepare(sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs `body` in a transaction: committed if it returns, rolled back if it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// How many cached statements are on a row, holding a read transaction open; 0 between
    /// calls into the stores (see ``Statement/firstRow(_:)``).
    var activeStatementCount: Int { statementCache.values.filter(\.isActive).count }

    /// The rowid of the last inserted row.
    public var lastInsertedRow: Int64 { sqlite3_last_insert_rowid(connection) }
}
