internal import CSQLite

/// A prepared SQLite statement: prepared in init, finalized in deinit.
///
/// Bind values with ``bind(_:at:)`` (1-based, as in SQLite), then ``step()`` through the rows.
public final class Statement {
    private let statement: OpaquePointer
    private let connection: OpaquePointer
    public let sql: String

    init(connection: OpaquePointer, sql: String) throws(SQLiteError) {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK, let handle else { throw SQLiteError(code: code, connection: connection, sql: sql) }
        self.statement = handle
        self.connection = connection
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(statement)
    }

    /// Makes the statement ready to run again, with no values bound.
    public func reset() {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }

    public func bind(_ value: String?, at index: Int32) throws(SQLiteError) {
        let code: Int32
        if let value {
            // SQLITE_TRANSIENT: SQLite copies the bytes, which live only during this call.
            code = sqlite3_bind_text(statement, index, value, -1, CSQLite_TRANSIENT())
        } else {
            code = sqlite3_bind_null(statement, index)
        }
        guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: connection, sql: sql) }
    }

    public func bind(_ value: Int64?, at index: Int32) throws(SQLiteError) {
        let code = value.map { sqlite3_bind_int64(statement, index, $0) } ?? sqlite3_bind_null(statement, index)
        guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: connection, sql: sql) }
    }

    public func bind(_ value: Double?, at index: Int32) throws(SQLiteError) {
        let code = value.map { sqlite3_bind_double(statement, index, $0) } ?? sqlite3_bind_null(statement, index)
        guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: connection, sql: sql) }
    }

    /// Binds each value in order, starting at 1.
    public func bind(_ values: [any StatementValue]) throws(SQLiteError) {
        for (offset, value) in values.enumerated() {
            try value.bind(to: self, at: Int32(offset + 1))
        }
    }

    /// Advances to the next row: true when there is one, false when the statement is done.
    ///
    /// FTS5 reports a bad MATCH expression here, at the first step, not when preparing.
    @discardableResult
    public func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(statement)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = SQLiteError(code: code, connection: connection, sql: sql)
            sqlite3_reset(statement)
            throw error
        }
    }

    /// The first row as `read` makes it, or nil when there is none; the statement is reset
    /// after, whether `read` throws or not.
    ///
    /// For single-row reads: a statement left on a row keeps its connection's read transaction
    /// open, and in WAL mode the connection then reads an old snapshot, never sees what other
    /// connections commit (a reload's, a command's run beside the server), and its next write
    /// fails with `SQLITE_BUSY_SNAPSHOT`. `read` must copy what it needs; the row is gone after.
    public func firstRow<T>(_ read: (Statement) throws -> T) throws -> T? {
        defer { sqlite3_reset(statement) }
        guard try step() else { return nil }
        return try read(self)
    }

    /// Whether the statement is on a row, holding its connection's read transaction open.
    var isActive: Bool { sqlite3_stmt_busy(statement) != 0 }

    /// Binds `values`, runs the statement to its end, and resets it.
    public func run(_ values: [any StatementValue] = []) throws(SQLiteError) {
        reset()
        try bind(values)
        while try step() {}
        sqlite3_reset(statement)
    }

    public func int64(at column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    public func double(at column: Int32) -> Double { sqlite3_column_double(statement, column) }

    public func string(at column: Int32) -> String? {
        guard let text = sqlite3_column_text(statement, column) else { return nil }
        return String(cString: text)
    }

    public func isNull(at column: Int32) -> Bool {
        sqlite3_column_type(statement, column) == SQLITE_NULL
    }
}

/// A Swift value that can be bound to a statement parameter.
public protocol StatementValue {
    func bind(to statement: Statement, at index: Int32) throws(SQLiteError)
}

extension String: StatementValue {
    public func bind(to statement: Statement, at index: Int32) throws(SQLiteError) { try statement.bind(self, at: index) }
}

extension Int64: StatementValue {
    public func bind(to statement: Statement, at index: Int32) throws(SQLiteError) { try statement.bind(self, at: index) }
}

extension Int: StatementValue {
    public func bind(to statement: Statement, at index: Int32) throws(SQLiteError) { try statement.bind(Int64(self), at: index) }
}

extension Double: StatementValue {
    public func bind(to statement: Statement, at index: Int32) throws(SQLiteError) { try statement.bind(self, at: index) }
}

extension Optional: StatementValue where Wrapped: StatementValue {
    public func bind(to statement: Statement, at index: Int32) throws(SQLiteError) {
        switch self {
        case .some(let value): try value.bind(to: statement, at: index)
        case .none: try statement.bind(nil as Int64?, at: index)
        }
    }
}
