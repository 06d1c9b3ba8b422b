import Foundation
import ShouhuEvents
import Testing

/// The resident ID number (身份证号) never travels in an event (docs/contract.md); it stays in
/// intake. No event type may even have a place for it.
@Suite struct PrivacyTests {
    static let forbidden = ["idnumber", "residentid", "idcard", "shenfenzheng", "identitynumber", "idno"]

    @Test(arguments: Samples.all)
    func noPropertyCanHoldAResidentIdNumber(_ sample: Sample) {
        let labels = Self.labels(of: sample.payload)
        #expect(!labels.isEmpty)
        for label in labels {
            let name = label.lowercased()
            #expect(!Self.forbidden.contains { name.contains($0) }, "\(sample.routingKey) has \(label)")
        }
    }

    @Test(arguments: Samples.all)
    func noEncodedKeyNamesAResidentIdNumber(_ sample: Sample) throws {
        let keys = try JSONValue.parse(sample.encode()).allKeys
        for key in keys {
            let name = key.lowercased()
            #expect(!Self.forbidden.contains { name.contains($0) }, "\(sample.routingKey) writes \(key)")
        }
    }

    @Test func childUpdatedCannotNameAResidentIdNumberAsAChangedField() {
        for field in ChildUpdated.Field.allCases {
            let name = field.rawValue.lowercased()
            #expect(!Self.forbidden.contains { name.contains($0) })
        }
    }

    @Test func envelopeHasNoPlaceForOneEither() {
        for label in Self.labels(of: Samples.childRegistered) {
            #expect(!Self.forbidden.contains { label.lowercased().contains($0) })
        }
    }

    /// Every property label reachable from a value, through nested structs, arrays and optionals.
    /// Optionals in the samples are filled where they can be, so that nested labels are seen.
    static func labels(of value: Any) -> [String] {
        var result: [String] = []
        func walk(_ value: Any, depth: Int) {
            guard depth < 12 else { return }
            for child in Mirror(reflecting: value).children {
                if let label = child.label, !label.hasPrefix("some"), !label.hasPrefix("[") {
                    result.append(label)
                }
                walk(child.value, depth: depth + 1)
            }
        }
        walk(value, depth: 0)
        return result
    }
}
