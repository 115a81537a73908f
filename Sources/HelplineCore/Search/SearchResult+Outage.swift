extension SearchResult {
    /// The result as the assistant replies: no match when the question reports an outage, the
    /// closest articles kept for self-service.
    public func handingOver(_ outage: OutageReport?) -> SearchResult {
        guard outage != nil else { return self }
        var handedOver = self
        handedOver.decision = .noMatch
        return handedOver
    }

    /// The result with `match` first among its articles, when there is one.
    public func leading(with match: SearchMatch?) -> SearchResult {
        guard let match else { return self }
        var led = self
        led.matches.removeAll { $0.id == match.id }
        led.matches.insert(match, at: 0)
        return led
    }
}
