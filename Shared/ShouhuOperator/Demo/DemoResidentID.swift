import Foundation
import IntakeDomain
import ShouhuEvents

/// Makes resident ID numbers (GB 11643) for generated demo children: the county's own division
/// code, the birth date, a sequence and the ISO 7064 MOD 11-2 check character, so they pass
/// intake's checks. The order code comes from the child's serial, so two demo children born on
/// the same day never share a number (up to 500 of them).
enum DemoResidentID {
    /// The 18-character number for a child born on `birthDate` in `area` (6 digits), with the
    /// serial `serial`; its 17th digit is odd for a boy and even for a girl, as the
    /// standard has it.
    static func make(area: String, birthDate: CalendarDate, serial: Int, gender: Gender) -> String {
        let date = String(format: "%04d%02d%02d", birthDate.year, birthDate.month, birthDate.day)
        let order = (serial % 500) * 2 + (gender == .male ? 1 : 0)
        let body = area + date + String(format: "%03d", order)
        return body + String(ResidentIDNumber.checkCharacter(for: body.compactMap(\.wholeNumberValue)))
    }
}
