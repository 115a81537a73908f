import HelplineCore
import Testing

/// The built-in support policy against the tables in DESIGN.md.
struct PolicyTests {
    typealias Channel = Policy.Channel

    static let staff: [Channel] = [.online, .chat, .phone]

    /// DESIGN.md, plan × role: members are self-service only on every plan; owners and admins
    /// get online tickets on Pro, and tickets, live chat and phone on the larger plans.
    static let planRoleTable: [(plan: String, role: String, channels: [Channel])] = [
        ("free", "owner", []), ("free", "admin", []), ("free", "member", []),
        ("pro", "owner", [.online]), ("pro", "admin", [.online]), ("pro", "member", []),
        ("business", "owner", staff), ("business", "admin", staff), ("business", "member", []),
        ("education", "owner", staff), ("education", "admin", staff), ("education", "member", []),
        ("enterprise", "owner", staff), ("enterprise", "admin", staff), ("enterprise", "member", []),
        ("api", "owner", staff), ("api", "admin", staff), ("api", "member", []),
    ]

    @Test(arguments: planRoleTable)
    func channelsByPlanAndRole(plan: String, role: String, expected: [Channel]) {
        let got = Policy.builtIn.channels(plan: plan, role: role)
        #expect(got == expected, "\(plan) × \(role): expected \(expected), got \(got)")
    }

    /// A typo or a made-up claim in a token never grants support.
    @Test(arguments: [
        ("platinum", "owner"), ("", "owner"), ("Business", "owner"), ("business ", "admin"),
        ("business", "lead"), ("business", "Owner"), ("business", ""), ("enterprise", "superuser"),
        ("pro", "owner,admin"), ("'; DROP TABLE plans; --", "owner"),
    ])
    func unknownPlanOrRoleGetsNoChannels(plan: String, role: String) {
        #expect(Policy.builtIn.channels(plan: plan, role: role) == [], "\(plan.debugDescription) × \(role.debugDescription)")
    }

    @Test func everyPlanOfTheDesignExistsOnce() {
        #expect(Policy.builtIn.plans.map(\.id) == ["free", "pro", "business", "education", "enterprise", "api"])
        #expect(Policy.builtIn.plan("free")?.name == "Basic")
        #expect(Policy.builtIn.plan("free")?.paid == false)
        #expect(Policy.builtIn.plans.filter(\.paid).count == 5)
        #expect(Policy.builtIn.plan("gold") == nil)
    }

    /// DESIGN.md, priorities: level, name and first-response target in wall-clock hours.
    @Test(arguments: [
        (1, "Urgent", 1), (2, "High", 4), (3, "Normal", 24), (4, "Low", 24),
    ])
    func priorityTargets(level: Int, name: String, hours: Int) throws {
        let priority = try #require(Policy.builtIn.priorities.first { $0.level == level }, "no priority \(level)")
        #expect(priority.name == name, "priority \(level)")
        #expect(priority.firstResponseHours == hours, "priority \(level): \(priority.firstResponseHours) hours")
        #expect(!priority.meaning.isEmpty, "priority \(level)")
    }

    @Test func exactlyFourPrioritiesInOrder() {
        #expect(Policy.builtIn.priorities.map(\.level) == [1, 2, 3, 4])
    }

    @Test func supportRunsAroundTheClock() {
        #expect(Policy.builtIn.supportHours.contains("24/7"))
    }

    /// Self-service: the help center, QuickStart guides, both FAQs, the top resources,
    /// video tutorials and release notes.
    @Test func selfServiceCoversTheSeedsResources() {
        let kinds = Policy.builtIn.selfService.map(\.kind)
        #expect(kinds == ["help_center", "quickstart", "faq", "faq", "top_resources", "video_tutorials", "release_notes"])
        #expect(Policy.builtIn.selfService.allSatisfy { $0.url.hasPrefix("https://") && !$0.title.isEmpty })
    }
}
