import ShouhuEvents
import Testing

@Suite struct FieldFormatTests {
    @Test(arguments: [
        "13800138000", "19912345678", "+8613800138000", "+86 13800138000", "+86-13800138000",
        "0851-28221234", "085128221234", "28221234", "2822123", "010-12345678", "+86-10-12345678",
        "0851-2822-1234",
    ])
    func phonesThatPass(_ phone: String) {
        #expect(FieldFormat.isPhone(phone))
    }

    @Test(arguments: [
        "", "1380013800", "138001380001", "23800138000x", "+86", "+1 2025550123", "282212",
        "-0851-28221234", "0851-28221234-", "0851--28221234", "1-2-3-4-5", "0851 28221234",
        "１３８００１３８０００", "012345678901234567890", "+8613800138000 ",
    ])
    func phonesThatFail(_ phone: String) {
        #expect(!FieldFormat.isPhone(phone))
    }

    @Test(arguments: ["a@b.cn", "zhang.li@example.edu.cn", "x+tag@mail.qq.com", "o'neil@sub-domain.example.org"])
    func emailsThatPass(_ email: String) {
        #expect(FieldFormat.isEmail(email))
    }

    @Test(arguments: [
        "", "@", "a@", "@b.cn", "a@b", "a@b.c", "a@b.12", "a b@c.cn", "a@@b.cn", ".a@b.cn", "a.@b.cn",
        "a..b@c.cn", "a@-b.cn", "a@b-.cn", "a@b..cn", "张@例子.中国", "a@b.cn\n",
    ])
    func emailsThatFail(_ email: String) {
        #expect(!FieldFormat.isEmail(email))
    }

    @Test func periods() {
        for good in ["2026-S1", "2026-S2", "2026-01", "2026-12", "2030-09"] {
            #expect(FieldFormat.isDisbursementPeriod(good), "\(good)")
        }
        for bad in ["", "2026", "2026-S0", "2026-S3", "2026-00", "2026-13", "26-S1", "2026/09", "2026-9", "0000-01", "2026-s1", "2026-S12"] {
            #expect(!FieldFormat.isDisbursementPeriod(bad), "\(bad)")
        }
    }

    @Test func codes() {
        #expect(FieldFormat.isCountyCode("520330"))
        #expect(!FieldFormat.isCountyCode("52033"))
        #expect(FieldFormat.isVillageCode("520330104201"))
        #expect(!FieldFormat.isVillageCode("520330104201 "))
        for good in ["520330", "520330104", "520330104201"] { #expect(FieldFormat.isDivisionCode(good)) }
        for bad in ["5203301", "5203301042", "52033010420", "5203301042011", ""] { #expect(!FieldFormat.isDivisionCode(bad)) }
        #expect(FieldFormat.isLowercaseUUID("9b2f1c3e-5d4a-4e8b-9a61-2f3c4d5e6f70"))
        #expect(!FieldFormat.isLowercaseUUID("9B2F1C3E-5D4A-4E8B-9A61-2F3C4D5E6F70"))
        #expect(!FieldFormat.isLowercaseUUID("9b2f1c3e5d4a4e8b9a612f3c4d5e6f70"))
        #expect(!FieldFormat.isLowercaseUUID("9b2f1c3e-5d4a-4e8b-9a61-2f3c4d5e6f7g"))
        #expect(FieldFormat.isCode("by_hand") && FieldFormat.isCode("capacity"))
        #expect(!FieldFormat.isCode("By_hand") && !FieldFormat.isCode("_x") && !FieldFormat.isCode("a-b"))
    }

    @Test func names() {
        #expect(FieldFormat.isPersonName("李小梅"))
        #expect(FieldFormat.isPersonName("  李小梅  "))
        #expect(FieldFormat.isPersonName("阿依古丽·买买提"))
        #expect(FieldFormat.isPersonName(String(repeating: "名", count: 50)))
        #expect(!FieldFormat.isPersonName(String(repeating: "名", count: 51)))
        #expect(!FieldFormat.isPersonName(""))
        #expect(!FieldFormat.isPersonName("\u{3000}"))
        #expect(!FieldFormat.isPersonName("李\t小梅"))
        #expect(FieldFormat.isSchoolId("gz-520330-017"))
        #expect(!FieldFormat.isSchoolId(" gz"))
        #expect(!FieldFormat.isSchoolId(String(repeating: "s", count: 65)))
    }

    /// Control characters are told from the UTF-8 bytes: exactly U+0000–U+001F and
    /// U+007F–U+009F, whatever the general category of their neighbours.
    @Test func controlCharactersAreExactlyCategoryCc() {
        for scalar in (0...0x2FF).compactMap(Unicode.Scalar.init) {
            let text = "李\(Character(scalar))梅"
            let isControl = scalar.properties.generalCategory == .control
            #expect(FieldFormat.isText(text, maxLength: 10) == !isControl, "U+\(String(scalar.value, radix: 16))")
        }
        #expect(FieldFormat.isText("第一行\n第二行\r\n\t第三行", maxLength: 20, allowingNewlines: true))
        #expect(!FieldFormat.isText("第一行\n第二行", maxLength: 20))
        #expect(!FieldFormat.isText("响\u{85}", maxLength: 20, allowingNewlines: true))
        #expect(FieldFormat.isText("\u{A0}\u{C2}\u{9F0}", maxLength: 20))
    }
}
