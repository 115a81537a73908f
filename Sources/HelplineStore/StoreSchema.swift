/// Every migration of Helpline's database, in order: one list, since the tables share one file
/// and one `PRAGMA user_version`.
///
/// Append new migrations; never edit one that has shipped.
enum StoreSchema {
    static let migrations: [String] = KnowledgeSchema.migrations + ConversationSchema.migrations + AccountSchema.migrations
        + TicketSchema.migrations + ReviewSchema.migrations + StatisticsSchema.migrations
}
