import Foundation
@testable import Intake
import IntakeDomain
import ShouhuEvents
import Testing

/// The import writes the stored file with its own JSON writer and the `child.registered` envelope
/// with `EventCodec`'s writer for the event; they must be byte for byte what `Ledger.encode` and
/// Foundation's `JSONEncoder` (as the contract configures it) write, on the text a registration
/// carries, since consumers and readers rely on that format.
@Suite("Registration JSON is what the codecs write")
struct RegistrationJSONTests {
    /// Text a consumer accepts in names and places but that needs care in JSON.
    static let awkward = ["王小明", #"A "quoted" name"#, #"back\slash"#, "a/b/c", "emoji 😀 and é", "Ｘ全角", "·"]

    static func event(name: String, place: String?, phone: String?, grade: String?, flags: [FamilyFlag]) -> ChildRegistered {
        ChildRegistered(
            childId: EventID.next(), name: name, gender: .female, birthDate: CalendarDate(year: 2015, month: 3, day: 9)!,
            schoolStage: .primary, schoolId: "xs-520330101/7", grade: grade, className: grade.map { _ in "3班" },
            villageCode: "520330101201",
            guardian: ChildRegistered.Guardian(relation: .grandparent, name: name, phone: phone),
            parents: [
                ChildRegistered.Parent(role: .father, status: .workingAway, place: place,
                                       since: CalendarDate(year: 2025, month: 1, day: 31), phone: phone),
                ChildRegistered.Parent(role: .mother, status: .unknown),
            ],
            familyFlags: flags, registeredOn: CalendarDate(year: 2026, month: 6, day: 20)!)
    }

    @Test func envelopeMatchesFoundation() throws {
        let instants = [Date(timeIntervalSince1970: 1_781_000_000), Date(timeIntervalSince1970: 1_781_000_000.123)]
        for (index, text) in Self.awkward.enumerated() {
            for instant in instants {
                let payload = Self.event(name: text, place: index % 2 == 0 ? text : nil, phone: index % 3 == 0 ? nil : "13800138000",
                                         grade: index % 2 == 0 ? "三年级" : nil,
                                         flags: index % 2 == 0 ? [] : [.minimumAllowance, .singleParent])
                let envelope = Envelope(occurredAt: instant, county: "520330", correlationId: index % 2 == 0 ? nil : EventID.next(),
                                        payload: payload)
                let ours = try EventCodec().encode(envelope)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                let codec = try encoder.encode(envelope)
                #expect(ours == codec, "\(String(decoding: ours, as: UTF8.self))\n\(String(decoding: codec, as: UTF8.self))")
                #expect(try EventCodec().decode(ChildRegistered.self, from: ours) == envelope)
            }
        }
    }

    @Test func envelopeIsValidatedFirst() {
        let envelope = Envelope(county: "520330", payload: Self.event(name: "", place: nil, phone: nil, grade: nil, flags: []))
        #expect(throws: EventValidationError.self) { try EventCodec().encode(envelope) }
    }

    @Test func documentMatchesLedgerEncoding() throws {
        // Every ASCII control and printable character, in every kind of field.
        let allASCII = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        let texts = Self.awkward + [allASCII, "line\nbreak\ttab\r", "\u{2028}\u{2029}\u{7F}\u{85}", ""]
        var inputs = [ChildFileInput()]
        for text in texts {
            inputs.append(ChildFileInput(
                name: text, gender: "female", birthDate: "2015-03-09", idNumber: text, schoolStage: "primary",
                schoolId: text, grade: 3, className: text, villageCode: "520330101201", address: text,
                parents: [ChildFileInput.Parent(role: "father", status: "working_away", place: text, since: "2025-01-31",
                                                phone: text),
                          ChildFileInput.Parent(role: "mother")],
                guardian: ChildFileInput.Guardian(relation: "grandparent", name: text, phone: text, age: 66, health: text),
                familyFlags: [text, "orphan"], healthStatus: text, specialNeeds: text, studyStatus: text))
            inputs.append(ChildFileInput(name: text, parents: [], guardian: ChildFileInput.Guardian(), familyFlags: []))
        }
        for input in inputs {
            #expect(RegistrationJSON.document(input) == (try Ledger.encode(input)))
        }
    }
}
