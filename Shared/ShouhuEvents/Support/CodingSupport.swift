/// A coding key made at run time, for reading objects whose keys are not known in advance.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

extension KeyedDecodingContainer {
    /// Decodes a whole number. Foundation reports a JSON number that does not fit (`1.5`,
    /// `99999999999999999999999`) as "not valid JSON" without saying where; this puts the key on
    /// the error so that the consumer's log names the field.
    func decodeInteger<T: FixedWidthInteger & Decodable>(_ type: T.Type, forKey key: Key) throws
        -> T
    {
        do {
            return try decode(T.self, forKey: key)
        } catch {
            throw locatedNumberError(error, key, T.self)
        }
    }

    /// Like `decodeInteger`, for an optional field: absent and `null` are both nil.
    func decodeIntegerIfPresent<T: FixedWidthInteger & Decodable>(_ type: T.Type, forKey key: Key)
        throws -> T?
    {
        do {
            return try decodeIfPresent(T.self, forKey: key)
        } catch {
            throw locatedNumberError(error, key, T.self)
        }
    }

    private func locatedNumberError<T>(_ error: any Error, _ key: Key, _ type: T.Type) -> any Error {
        if let error = error as? DecodingError {
            guard case .dataCorrupted(let context) = error, context.codingPath.isEmpty else {
                return error
            }
        }
        return DecodingError.dataCorruptedError(
            forKey: key, in: self, debugDescription: "expected a whole number that fits \(T.self)")
    }
}

extension DecodingError {
    /// The JSON path of a coding path: keys joined by dots, array positions in brackets
    /// (`payload.parents[1].since`).
    static func jsonPath(_ codingPath: [any CodingKey]) -> String {
        var path = ""
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return path
    }
}
