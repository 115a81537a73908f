/// Indexes for ``StatisticsStore``: its queries count rows per day over a window of time, so
/// each table it reads is indexed by creation time (`messages` with the columns it counts, so the
/// index alone answers).
enum StatisticsSchema {
    static let migrations: [String] = [
        """
        CREATE INDEX messages_by_time ON messages(created_at, kind, reply_type);
        CREATE INDEX tickets_by_created ON tickets(created_at);
        CREATE INDEX ticket_follow_ups_by_time ON ticket_follow_ups(created_at);
        """,
    ]
}
