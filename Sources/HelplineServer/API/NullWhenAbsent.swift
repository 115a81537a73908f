/// An optional property that encodes as JSON `null` instead of being left out.
///
/// Synthesized `Encodable` skips nil optionals; the API promises every field (`"respondedAt":
/// null`), so clients can tell "none" from "this server is older".
@propertyWrapper
struct NullWhenAbsent<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue {
            try container.encode(wrappedValue)
        } else {
            try container.encodeNil()
        }
    }
}
