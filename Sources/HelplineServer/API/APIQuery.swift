import Foundation

/// The API's query parameters, each checked: a bad value is a 400 that names the parameter and
/// what it takes, never a silent default.
enum APIQuery {
    /// `since`: `<n>h` or `<n>d` back from `now`, or an ISO 8601 date (`2026-11-20`, midnight UTC)
    /// or time (`2026-11-20T08:00:00Z`); `fallback` when absent.
    static func since(_ text: String?, now: Date, fallback: TimeInterval = 7 * 86_400) throws(APIError) -> Date {
        guard let text else { return now.addingTimeInterval(-fallback) }
        if let unit = text.last, "hd".contains(unit), let value = Double(text.dropLast()), value.isFinite, value >= 0,
           value <= 100 * 366 * 24 {
            return now.addingTimeInterval(-value * (unit == "h" ? 3600 : 86_400))
        }
        for options in [ISO8601DateFormatter.Options.withInternetDateTime, .withFullDate] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            formatter.timeZone = TimeZone(identifier: "UTC")
            if let date = formatter.date(from: text) { return date }
        }
        throw .badRequest("'since' takes an age such as 24h or 7d, or an ISO 8601 date such as 2026-11-20")
    }

    /// `locale`: a language tag such as `en` or `da`; nil when absent.
    static func locale(_ text: String?) throws(APIError) -> String? {
        guard let text else { return nil }
        guard (1...35).contains(text.utf8.count), text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            throw .badRequest("'locale' takes a language tag such as en or da")
        }
        return text
    }

    /// A whole number in `range`; nil when absent.
    static func integer(_ name: String, _ text: String?, in range: ClosedRange<Int>) throws(APIError) -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw .badRequest("'\(name)' takes a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A non-negative number up to `maximum`; nil when absent.
    static func number(_ name: String, _ text: String?, maximum: Double) throws(APIError) -> Double? {
        guard let text else { return nil }
        guard let value = Double(text), value.isFinite, (0...maximum).contains(value) else {
            throw .badRequest("'\(name)' takes a number from 0 to \(Int(maximum))")
        }
        return value
    }

    /// `true` or `false`; nil when absent.
    static func boolean(_ name: String, _ text: String?) throws(APIError) -> Bool? {
        switch text {
        case nil: return nil
        case "true": return true
        case "false": return false
        default: throw .badRequest("'\(name)' takes true or false")
        }
    }

    /// One of `choices`; nil when absent.
    static func choice(_ name: String, _ text: String?, of choices: [String]) throws(APIError) -> String? {
        guard let text else { return nil }
        guard choices.contains(text) else { throw .badRequest("'\(name)' takes one of: \(choices.joined(separator: ", "))") }
        return text
    }
}
