/// The account directory: which plan each customer account is on, kept by the operator.
///
/// When it knows an account, its plan overrides the plan in a user's identity token, so a
/// downgrade takes effect at once instead of when tokens expire.
enum AccountSchema {
    static let migrations: [String] = [
        """
        CREATE TABLE accounts(
            account TEXT PRIMARY KEY,
            plan TEXT NOT NULL,
            updated_at REAL NOT NULL
        ) WITHOUT ROWID;
        """,
    ]
}
