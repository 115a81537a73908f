/// The routes under `/api/v1/` (docs/API.md), each with its one method.
enum APIRoute: Equatable, CaseIterable {
    case groups
    case group(Int64)
    case resolve(Int64)
    case draft(Int64)
    case dismiss(Int64)
    case tickets
    case statistics
    case reloadKnowledge

    /// One of each, for tests that go through every route.
    static let allCases: [APIRoute] = [
        .groups, .group(1), .resolve(1), .draft(1), .dismiss(1), .tickets, .statistics, .reloadKnowledge,
    ]

    static let prefix = "/api/v1/"

    /// Whether `path` is the API's: the API answers every path under its prefix, known or not.
    static func owns(_ path: String) -> Bool {
        path.hasPrefix(prefix) || path + "/" == prefix
    }

    /// The route at `path`; nil for a path under the prefix that names none.
    init?(path: String) {
        guard path.hasPrefix(Self.prefix) else { return nil }
        let segments = path.dropFirst(Self.prefix.count).split(separator: "/", omittingEmptySubsequences: false)
        switch segments.count {
        case 1 where segments[0] == "groups": self = .groups
        case 1 where segments[0] == "tickets": self = .tickets
        case 1 where segments[0] == "statistics": self = .statistics
        case 2 where segments[0] == "knowledge" && segments[1] == "reload": self = .reloadKnowledge
        case 2 where segments[0] == "groups":
            guard let id = Self.id(segments[1]) else { return nil }
            self = .group(id)
        case 3 where segments[0] == "groups":
            guard let id = Self.id(segments[1]) else { return nil }
            switch segments[2] {
            case "resolve": self = .resolve(id)
            case "draft": self = .draft(id)
            case "dismiss": self = .dismiss(id)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// A group number: digits only, so `+4`, `4.0` and `0x4` name no group.
    private static func id(_ segment: Substring) -> Int64? {
        guard !segment.isEmpty, segment.utf8.count <= 18, segment.allSatisfy(\.isASCII), segment.allSatisfy(\.isNumber) else {
            return nil
        }
        return Int64(segment)
    }

    /// The method the route answers; HEAD too where this is GET.
    var method: HTTPRequest.Method {
        switch self {
        case .groups, .group, .tickets, .statistics: .get
        case .resolve, .draft, .dismiss, .reloadKnowledge: .post
        }
    }

    /// The path, for tests and messages.
    var path: String {
        switch self {
        case .groups: Self.prefix + "groups"
        case .group(let id): Self.prefix + "groups/\(id)"
        case .resolve(let id): Self.prefix + "groups/\(id)/resolve"
        case .draft(let id): Self.prefix + "groups/\(id)/draft"
        case .dismiss(let id): Self.prefix + "groups/\(id)/dismiss"
        case .tickets: Self.prefix + "tickets"
        case .statistics: Self.prefix + "statistics"
        case .reloadKnowledge: Self.prefix + "knowledge/reload"
        }
    }
}
