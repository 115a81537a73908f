extension Policy {
    /// The seed's policy: what applies when the help center ships no `policy.yaml`.
    ///
    /// A test checks that it equals the shipped `knowledge/policy.yaml`.
    public static let builtIn: Policy = {
        let everyChannel: [Channel] = [.online, .chat, .phone]
        func plan(_ id: String, _ name: String, paid: Bool, staff: [Channel]) -> Plan {
            Plan(id: id, name: name, paid: paid, channels: ["owner": staff, "admin": staff, "member": []])
        }
        return Policy(
            supportHours: "24/7, including holidays",
            plans: [
                plan("free", "Basic", paid: false, staff: []),
                plan("pro", "Pro", paid: true, staff: [.online]),
                plan("business", "Business", paid: true, staff: everyChannel),
                plan("education", "Education", paid: true, staff: everyChannel),
                plan("enterprise", "Enterprise", paid: true, staff: everyChannel),
                plan("api", "API", paid: true, staff: everyChannel),
            ],
            priorities: [
                Priority(level: 1, name: "Urgent", meaning: "The service is down and there is no workaround.", firstResponseHours: 1),
                Priority(level: 2, name: "High", meaning: "The service is affected.", firstResponseHours: 4),
                Priority(level: 3, name: "Normal", meaning: "General problems with one or more features.", firstResponseHours: 24),
                Priority(level: 4, name: "Low", meaning: "Information or help with capabilities, no business impact.", firstResponseHours: 24),
            ],
            selfService: [
                Resource(title: "Help center", url: "https://help.example.com/", kind: "help_center"),
                Resource(title: "QuickStart guides", url: "https://help.example.com/en/getting-started", kind: "quickstart"),
                Resource(title: "FAQ for owners and admins", url: "https://help.example.com/en/faq-admins", kind: "faq"),
                Resource(title: "FAQ for users", url: "https://help.example.com/en/faq-users", kind: "faq"),
                Resource(title: "Top 20 resources", url: "https://help.example.com/en/support/top-resources", kind: "top_resources"),
                Resource(title: "Video tutorials", url: "https://help.example.com/en/support/video-tutorials", kind: "video_tutorials"),
                Resource(title: "Release notes", url: "https://help.example.com/en/support/release-notes", kind: "release_notes"),
            ]
        )
    }()
}
