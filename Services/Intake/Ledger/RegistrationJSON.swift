import Foundation
import IntakeDomain
import ShouhuEvents

/// The JSON of the file kept in the `document` column, written straight to bytes. (The
/// registration's `child.registered` envelope is `EventCodec`'s, whose own writer for the event
/// is as direct.)
///
/// Foundation's `JSONEncoder` builds a tree of boxed values and sorts every object's keys before
/// it writes a byte; for this fixed shape that was a large share of the CPU time of a ledger
/// import. The output here is byte for byte what `Ledger.encode(_:)` writes (sorted keys, absent
/// fields left out, `/` escaped), and the intake tests hold it to that on ordinary and awkward
/// text.
enum RegistrationJSON {
    /// A child's file as `Ledger.encode(_:)` writes it (`JSONEncoder` with sorted keys): absent
    /// fields left out, `/` escaped.
    static func document(_ input: ChildFileInput) -> String {
        var json = JSONBytes(escapesSlashes: true)
        json.open()
        json.membersIfPresent(["address": input.address, "birthDate": input.birthDate, "className": input.className])
        if let flags = input.familyFlags {
            json.key("familyFlags")
            json.array(flags)
        }
        json.membersIfPresent(["gender": input.gender])
        if let grade = input.grade { json.member("grade", grade) }
        if let guardian = input.guardian {
            json.key("guardian")
            json.open()
            if let age = guardian.age { json.member("age", age) }
            json.membersIfPresent([
                "health": guardian.health, "name": guardian.name, "phone": guardian.phone, "relation": guardian.relation,
            ])
            json.close()
        }
        json.membersIfPresent(["healthStatus": input.healthStatus, "idNumber": input.idNumber, "name": input.name])
        if let parents = input.parents {
            json.key("parents")
            json.openArray()
            for parent in parents {
                json.element()
                json.open()
                json.membersIfPresent([
                    "phone": parent.phone, "place": parent.place, "role": parent.role, "since": parent.since,
                    "status": parent.status,
                ])
                json.close()
            }
            json.closeArray()
        }
        json.membersIfPresent([
            "schoolId": input.schoolId, "schoolStage": input.schoolStage, "specialNeeds": input.specialNeeds,
            "studyStatus": input.studyStatus, "villageCode": input.villageCode,
        ])
        json.close()
        return String(decoding: json.bytes, as: UTF8.self)
    }
}

/// Compact JSON written member by member, with the escaping of Foundation's `JSONEncoder`: `"`
/// and `\` escaped, `\b \f \n \r \t` for those controls and `\u00XX` for the other controls
/// below U+0020, `/` as `\/` unless `escapesSlashes` is off, everything else as UTF-8.
/// The caller writes keys in sorted order.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []
    let escapesSlashes: Bool
    /// Whether the object or array being written has no member yet, innermost last.
    private var empty: [Bool] = []

    init(escapesSlashes: Bool) {
        self.escapesSlashes = escapesSlashes
        bytes.reserveCapacity(1024)
    }

    mutating func open() { begin(UInt8(ascii: "{")) }
    mutating func close() { end(UInt8(ascii: "}")) }
    mutating func openArray() { begin(UInt8(ascii: "[")) }
    mutating func closeArray() { end(UInt8(ascii: "]")) }

    private mutating func begin(_ bracket: UInt8) {
        bytes.append(bracket)
        empty.append(true)
    }

    private mutating func end(_ bracket: UInt8) {
        bytes.append(bracket)
        empty.removeLast()
    }

    /// A comma between two values that stand outside anything this writer opened (the rows of
    /// an array written a page at a time).
    mutating func separator() { bytes.append(UInt8(ascii: ",")) }

    /// The separator before an array element or a member.
    mutating func element() {
        if empty[empty.count - 1] {
            empty[empty.count - 1] = false
        } else {
            bytes.append(UInt8(ascii: ","))
        }
    }

    mutating func key(_ name: String) {
        element()
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func member(_ name: String, _ value: String?) {
        key(name)
        if let value { string(value) } else { bytes.append(contentsOf: "null".utf8) }
    }

    mutating func member(_ name: String, _ value: Int) {
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    /// The members whose value is present, in the order given (which must be sorted).
    mutating func membersIfPresent(_ members: KeyValuePairs<String, String?>) {
        for (name, value) in members {
            if let value { member(name, value) }
        }
    }

    mutating func array(_ values: [String]) {
        openArray()
        for value in values {
            element()
            string(value)
        }
        closeArray()
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        let slash = escapesSlashes ? UInt8(ascii: "/") : UInt8(ascii: "\"")
        let plain = !text.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == slash }
        if plain {
            bytes.append(contentsOf: text.utf8)
        } else {
            for byte in text.utf8 { escape(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
        case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
        case UInt8(ascii: "/") where escapesSlashes: bytes.append(contentsOf: #"\/"#.utf8)
        case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
        case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
        case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
        case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
        case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
        case 0x00..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: #"\u00"#.utf8)
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0F)])
        default: bytes.append(byte)
        }
    }
}
