/// Decides whether a new question is about the same problem as an open ticket's.
///
/// Compares analysed terms, weighted by how telling they are: the weighted share of the
/// smaller question's terms that the other shares. "Recordings fail to upload" and "my cloud
/// recording still doesn't upload" meet; "recordings fail" and "billing is wrong" do not.
public struct SameProblem: Sendable {
    /// The weighted overlap from which two questions count as one problem.
    public var threshold = 0.5

    public init() {}

    /// - Parameter weight: a term's weight (its inverse document frequency in the help center).
    public func matches(_ a: [String], _ b: [String], weight: (String) -> Double) -> Bool {
        let left = Set(a)
        let right = Set(b)
        guard !left.isEmpty, !right.isEmpty else { return false }
        let smaller = left.count <= right.count ? left : right
        let larger = left.count <= right.count ? right : left
        let total = smaller.reduce(0) { $0 + weight($1) }
        guard total > 0 else { return false }
        let shared = smaller.intersection(larger).reduce(0) { $0 + weight($1) }
        return shared / total >= threshold
    }
}
