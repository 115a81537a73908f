import HelplineCore
import Testing

@testable import HelplineStore

/// The account directory: CSV import, plan changes, and the override of a token's plan.
struct AccountDirectoryTests {
    @Test func aKnownAccountsPlanWinsOverTheTokens() throws {
        let center = try TemporaryHelpCenter()
        defer { withExtendedLifetime(center) {} }
        let directory = try AccountDirectory(database: try center.openDatabase(), policy: .builtIn)
        let token = Identity(userID: "u", account: "acme", plan: "business", role: "owner")
        #expect(try directory.applying(to: token) == token, "unknown accounts keep the token's plan")

        try directory.set(.init(account: "acme", plan: "free"))
        #expect(try directory.applying(to: token).plan == "free", "a downgrade takes effect at once")
        #expect(try directory.applying(to: .anonymous) == .anonymous)
    }

    @Test func importIsAllOrNothing() throws {
        let center = try TemporaryHelpCenter()
        defer { withExtendedLifetime(center) {} }
        let directory = try AccountDirectory(database: try center.openDatabase(), policy: .builtIn)
        let good = try AccountCSV.entries(in: "account,plan\nacme,pro\n\"Smith, Jones & Co\",Business\n# a comment\n")
        try directory.importEntries(good)
        #expect(try directory.list() == [.init(account: "Smith, Jones & Co", plan: "business"), .init(account: "acme", plan: "pro")])

        let bad = try AccountCSV.entries(in: "globex,enterprise\ninitech,platinum\n")
        #expect(throws: AccountDirectoryError.self) { try directory.importEntries(bad) }
        #expect(try directory.plan(of: "globex") == nil, "nothing of a failed import is kept")
    }

    @Test(arguments: [
        ("acme\n", 1),
        ("acme,pro,extra\n", 1),
        ("ok,pro\n\"unclosed,pro\n", 2),
        ("ok,pro\n\"quoted\"x,pro\n", 2),
    ])
    func malformedLinesAreNamed(text: String, line: Int) {
        do {
            let entries = try AccountCSV.entries(in: text)
            Issue.record("parsed \(entries.count) entries")
        } catch let error as AccountDirectoryError {
            #expect(error.line == line, "\(text.debugDescription): \(error)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func anUnknownPlanIsRefused() throws {
        let center = try TemporaryHelpCenter()
        defer { withExtendedLifetime(center) {} }
        let directory = try AccountDirectory(database: try center.openDatabase(), policy: .builtIn)
        #expect(throws: AccountDirectoryError.self) { try directory.set(.init(account: "acme", plan: "gold")) }
        #expect(throws: AccountDirectoryError.self) { try directory.set(.init(account: "", plan: "pro")) }
    }
}
