/// Masks what could be a resident ID number inside text that users, logs or stored results will
/// see: any run of 15 to 18 digits (a trailing X counts as a digit) is shown as its first 6 and
/// last 4 characters with the middle starred. Resident ID numbers are sensitive personal
/// information; a message echoing a spreadsheet cell must never carry one in clear.
public enum SensitiveText {
    /// The text with every ID-like run of digits masked; everything else unchanged.
    public static func masked(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var i = 0
        while i < characters.count {
            guard characters[i].isASCII, characters[i].isNumber else {
                out.append(characters[i])
                i += 1
                continue
            }
            var j = i
            while j < characters.count, characters[j].isASCII, characters[j].isNumber { j += 1 }
            if j < characters.count, characters[j] == "X" || characters[j] == "x" { j += 1 }
            let run = characters[i..<j]
            if (15...18).contains(run.count) {
                out += String(run.prefix(6)) + String(repeating: "*", count: run.count - 10) + String(run.suffix(4))
            } else {
                out += String(run)
            }
            i = j
        }
        return out
    }
}
