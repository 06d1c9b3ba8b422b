import Foundation
import IntakeDomain
import ShouhuEvents
import Testing

@Suite("Resident ID number (居民身份证号码)")
struct ResidentIDNumberTests {
    let today = Fixtures.today

    func parse(_ text: String) -> Result<ResidentIDNumber, ResidentIDNumberError> {
        ResidentIDNumber.parse(text, today: today)
    }

    @Test func publishedSampleIsValid() throws {
        let id = try ResidentIDNumber("11010519491231002X", today: today)
        #expect(id.unmasked == "11010519491231002X")
        #expect(id.birthDate == Fixtures.date("1949-12-31"))
        #expect(id.gender == .female)
        #expect(id.issuingDivisionCode == "110105")
    }

    @Test func checkCharacterOfNumbersBuiltWithTheAlgorithm() throws {
        let births = ["20100101", "20120229", "20151231", "20200615", "20080930", "19991231", "20000101"]
        for (index, birth) in births.enumerated() {
            for sequence in ["001", "002", "017", "123", "458", "999", String(format: "%03d", index * 37)] {
                let text = Fixtures.idNumber(birth: birth, sequence: sequence)
                let id = try ResidentIDNumber(text, today: today)
                #expect(id.unmasked == text)
                #expect(
                    String(ResidentIDNumber.checkCharacter(for: text.prefix(17).map { Int(String($0))! }))
                        == String(text.last!))
            }
        }
    }

    @Test func everyCheckCharacterValueOccurs() throws {
        // Vary the sequence until each of the 11 check characters has been produced and accepted.
        var seen: Set<Character> = []
        for n in 0..<200 where seen.count < 11 {
            let text = Fixtures.idNumber(birth: "20140310", sequence: String(format: "%03d", n))
            _ = try ResidentIDNumber(text, today: today)
            seen.insert(text.last!)
        }
        #expect(seen == Set("0123456789X"))
    }

    @Test func lowercaseXIsAcceptedAndNormalised() throws {
        let id = try ResidentIDNumber("11010519491231002x", today: today)
        #expect(id.unmasked == "11010519491231002X")
        #expect(id == (try ResidentIDNumber("11010519491231002X", today: today)))
    }

    @Test func whitespaceAndFullWidthCharactersAreFolded() throws {
        let id = try ResidentIDNumber("  １１０１０５１９４９１２３１００２ｘ\n", today: today)
        #expect(id.unmasked == "11010519491231002X")
    }

    @Test func everySingleDigitChangeIsRefused() {
        let sample = Array("11010519491231002X")
        for position in 0..<17 {
            for digit in "0123456789" where digit != sample[position] {
                var changed = sample
                changed[position] = digit
                let text = String(changed)
                guard case .failure(let error) = parse(text) else {
                    Issue.record("accepted \(text) with position \(position + 1) changed")
                    continue
                }
                // Where the province and the date are still real, the check character catches it.
                if (2...5).contains(position) || (14...16).contains(position) {
                    let expected = ResidentIDNumber.checkCharacter(
                        for: changed.prefix(17).map { Int(String($0))! })
                    #expect(error == .checkCharacterMismatch(found: "X", expected: expected))
                }
            }
        }
    }

    @Test func wrongCheckCharacterNamesTheExpectedOne() {
        for wrong in "0123456789" {
            #expect(
                parse("11010519491231002" + String(wrong))
                    == .failure(.checkCharacterMismatch(found: wrong, expected: "X")))
        }
        let error = ResidentIDNumberError.checkCharacterMismatch(found: "3", expected: "X")
        #expect(error.message.contains("X"))
        #expect(error.code == "invalid_id_number")
    }

    @Test func swappedAdjacentDigitsAreRefused() {
        let valid = Array(Fixtures.idNumber(birth: "20130517", sequence: "384"))
        for position in 0..<16 where valid[position] != valid[position + 1] {
            var swapped = valid
            swapped.swapAt(position, position + 1)
            if case .success = parse(String(swapped)) {
                Issue.record("accepted a swap at positions \(position + 1) and \(position + 2)")
            }
        }
    }

    @Test func fifteenDigitNumbersAreRefusedWithTheirOwnMessage() {
        #expect(parse("110105491231002") == .failure(.firstGeneration))
        #expect(ResidentIDNumberError.firstGeneration.message.contains("2013"))
    }

    @Test func wrongLengthsAreRefused() {
        #expect(parse("") == .failure(.empty))
        #expect(parse("   ") == .failure(.empty))
        #expect(parse("11010519491231002") == .failure(.wrongLength(17)))
        #expect(parse("11010519491231002XX") == .failure(.wrongLength(19)))
        #expect(parse("11010549123100A") == .failure(.wrongLength(15)))
    }

    @Test func badCharactersAreNamedByPosition() {
        #expect(parse("1101051949123100X2") == .failure(.badCharacter(position: 17, character: "X")))
        #expect(parse("11010519491231002Y") == .failure(.badCharacter(position: 18, character: "Y")))
        #expect(parse("110105-9491231002X") == .failure(.badCharacter(position: 7, character: "-")))
        // Digits of other scripts are not ASCII digits.
        #expect(parse("١10105194912310021") == .failure(.badCharacter(position: 1, character: "١")))
    }

    @Test func unknownProvinceIsRefused() {
        let text = Fixtures.idNumber(division: "990101", birth: "20100101")
        #expect(parse(text) == .failure(.unknownProvince("99")))
        let hongKong = Fixtures.idNumber(division: "810000", birth: "20100101")
        #expect(parse(hongKong) == .failure(.unknownProvince("81")))
    }

    @Test func aRetiredDivisionCodeIsNotAnError() throws {
        // 520321 (遵义县) became 播州区 (520304) in 2016; numbers issued before keep the old code.
        _ = try ResidentIDNumber(Fixtures.idNumber(division: "520321", birth: "20080808"), today: today)
    }

    @Test func impossibleBirthDatesAreRefused() {
        #expect(parse(Fixtures.idNumber(birth: "20230229")) == .failure(.impossibleBirthDate))
        #expect(parse(Fixtures.idNumber(birth: "20101301")) == .failure(.impossibleBirthDate))
        #expect(parse(Fixtures.idNumber(birth: "20100431")) == .failure(.impossibleBirthDate))
        #expect(parse(Fixtures.idNumber(birth: "20100100")) == .failure(.impossibleBirthDate))
        #expect(parse(Fixtures.idNumber(birth: "18991231")) == .failure(.birthDateTooEarly))
        // 29 February in a leap year is a real day.
        #expect((try? parse(Fixtures.idNumber(birth: "20240229")).get()) != nil)
    }

    @Test func birthDateInTheFutureIsRefused() {
        #expect(parse(Fixtures.idNumber(birth: "20260621")) == .failure(.birthDateInFuture))
        #expect((try? parse(Fixtures.idNumber(birth: "20260620")).get())?.birthDate == today)
    }

    @Test func genderFromTheSeventeenthDigit() throws {
        #expect(
            try ResidentIDNumber(Fixtures.idNumber(birth: "20100101", sequence: "001"), today: today).gender
                == .male)
        #expect(
            try ResidentIDNumber(Fixtures.idNumber(birth: "20100101", sequence: "019"), today: today).gender
                == .male)
        #expect(
            try ResidentIDNumber(Fixtures.idNumber(birth: "20100101", sequence: "002"), today: today).gender
                == .female)
        #expect(
            try ResidentIDNumber(Fixtures.idNumber(birth: "20100101", sequence: "990"), today: today).gender
                == .female)
    }

    @Test func agreesWithBirthDate() throws {
        let id = try ResidentIDNumber("11010519491231002X", today: today)
        #expect(id.agrees(withBirthDate: Fixtures.date("1949-12-31")))
        #expect(!id.agrees(withBirthDate: Fixtures.date("1949-12-30")))
    }

    @Test func maskingHidesTheMiddleEverywhere() throws {
        let id = try ResidentIDNumber("11010519491231002X", today: today)
        #expect(id.masked == "110105********002X")
        #expect("\(id)" == "110105********002X")
        #expect(String(describing: id) == "110105********002X")
        #expect(!String(reflecting: id).contains("19491231"))
        var dumped = ""
        dump(id, to: &dumped)
        #expect(!dumped.contains("19491231"))
        #expect(!"\([id])".contains("19491231"))
        #expect(!"\(Optional(id) as Any)".contains("19491231"))
        let file = ["id": id]
        #expect(!"\(file)".contains("19491231"))
    }

    @Test func errorsNeverRepeatTheNumber() {
        let texts = [
            "11010519491231002Y", Fixtures.idNumber(division: "990101", birth: "20100101"),
            Fixtures.idNumber(birth: "20230229"), "110105194912310021", "110105491231002",
        ]
        for text in texts {
            guard case .failure(let error) = parse(text) else {
                Issue.record("expected a failure")
                continue
            }
            var dumped = ""
            dump(error, to: &dumped)
            for shown in [error.message, "\(error)", String(reflecting: error), dumped] {
                #expect(!shown.contains(text.prefix(10)))
                if text.count == 18 { #expect(!shown.contains(text.dropFirst(6).prefix(8))) }
            }
        }
    }
}
