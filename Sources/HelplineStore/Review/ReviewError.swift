/// A review action that cannot be carried out, with what to do about it.
///
/// ``kind`` tells callers apart without reading the message: the HTTP API answers a missing
/// group or article with 404, and a draft that exists already or a closed group with 409.
public struct ReviewError: Error, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// No group has that number.
        case groupNotFound
        /// No article has that id in the group's locale.
        case articleNotFound
        /// The group's draft file is there already: finish or remove it first.
        case draftExists
        /// The group is resolved or dismissed already.
        case groupClosed
    }

    public var kind: Kind
    public var message: String
    public var description: String { message }

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}
