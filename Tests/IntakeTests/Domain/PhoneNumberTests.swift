import IntakeDomain
import Testing

@Suite("Phone numbers (联系电话)")
struct PhoneNumberTests {
    @Test(arguments: [
        ("13800138000", "13800138000"), ("+8613800138000", "13800138000"),
        ("+86 138 0013 8000", "13800138000"),
        ("138-0013-8000", "13800138000"), ("１３８００１３８０００", "13800138000"), (" 19912345678 ", "19912345678"),
    ])
    func mobiles(text: String, value: String) {
        let number = PhoneNumber(text)
        #expect(number?.value == value)
        #expect(number?.kind == .mobile)
    }

    @Test(arguments: [
        ("0851-22345678", "0851-22345678"), ("22345678", "22345678"), ("2234567", "2234567"),
        ("0851-22345678-801", "0851-22345678-801"), ("+86-851-2234567", "0851-2234567"),
        ("085122345678", "085122345678"),
    ])
    func landlines(text: String, value: String) {
        let number = PhoneNumber(text)
        #expect(number?.value == value)
        #expect(number?.kind == .landline)
    }

    @Test(arguments: [
        "", "1380013800", "138001380001", "12800138000", "10086", "123456", "223456",
        "0851--2234567", "-08512234567", "0851-2234567-", "0851 2234567 ext 8", "(0851)2234567",
        "085122345678901234567", "+85213800138000", "abc",
    ])
    func refused(text: String) {
        #expect(PhoneNumber(text) == nil)
    }
}
