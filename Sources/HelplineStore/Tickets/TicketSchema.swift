/// Support tickets opened when the help center had no answer for an entitled user.
///
/// `due_at` is the first-response target (created + the priority's hours, 24/7);
/// `responded_at` and `solved_at` move the status on, and the SLA state follows from the times.
/// `ticket_follow_ups` holds the same problem asked again while the ticket was open.
/// `webhook_outbox` holds each new ticket's webhook delivery, written in the ticket's own
/// transaction, so a ticket is never opened without its delivery, whatever crashes when.
enum TicketSchema {
    static let migrations: [String] = [
        """
        CREATE TABLE tickets(
            id INTEGER PRIMARY KEY,
            user_key TEXT NOT NULL,
            account TEXT,
            plan TEXT NOT NULL,
            role TEXT NOT NULL,
            conversation_id TEXT,
            question TEXT NOT NULL,
            priority INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 4),
            reason TEXT NOT NULL,
            channels TEXT NOT NULL,
            created_at REAL NOT NULL,
            due_at REAL NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'responded', 'solved')),
            responded_at REAL,
            solved_at REAL
        );
        CREATE INDEX tickets_by_user_status ON tickets(user_key, status);
        CREATE INDEX tickets_by_due ON tickets(status, due_at);
        CREATE TABLE webhook_outbox(
            id INTEGER PRIMARY KEY,
            ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
            payload TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at REAL NOT NULL,
            delivered_at REAL,
            last_error TEXT
        );
        CREATE INDEX webhook_outbox_due ON webhook_outbox(delivered_at, next_attempt_at);
        CREATE TABLE ticket_follow_ups(
            id INTEGER PRIMARY KEY,
            ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
            question TEXT NOT NULL,
            created_at REAL NOT NULL
        );
        """,
    ]
}
