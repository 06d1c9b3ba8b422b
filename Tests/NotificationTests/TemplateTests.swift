import Foundation
import NotificationDomain
import ShouhuEvents
import Testing

@Suite("Templates: Chinese by default, county overrides, one SMS each")
struct TemplateTests {
    @Test("every built-in template fits one SMS with long values and uses only its placeholders")
    func standardTemplatesFit() throws {
        for key in TemplateKey.allCases {
            try TemplateBook.check(TemplateBook.standard.template(key), for: key)
            let rendered = TemplateBook.standard.render(key, key.placeholders)
            #expect(SMSText.length(rendered.sms) <= SMSText.limit, "\(key.rawValue): \(rendered.sms)")
            #expect(!rendered.sms.contains("{"), "\(key.rawValue) left a placeholder")
        }
    }

    @Test("an SMS that an unusually long name would overflow is cut to 70 characters with an ellipsis")
    func overflowIsCut() {
        let long = String(repeating: "欧阳", count: 40)
        let rendered = TemplateBook.standard.render(.mentorUnassigned, ["child": long, "reason": "人工调整"])
        #expect(SMSText.length(rendered.sms) == SMSText.limit)
        #expect(rendered.sms.hasSuffix("…"))
        #expect(rendered.detail.contains(long))
    }

    @Test("a county file replaces the texts it names and keeps the rest")
    func override() throws {
        let json = Data(#"{"mentor.unassigned": {"title": "解除：{child}", "sms": "【县关爱办】{child}结对已解除：{reason}"}}"#.utf8)
        let book = try TemplateBook.overriding(with: json)
        #expect(book.render(.mentorUnassigned, ["child": "王小明", "reason": "人工调整"]).sms == "【县关爱办】王小明结对已解除：人工调整")
        #expect(book.template(.childExited) == TemplateBook.standard.template(.childExited))
    }

    @Test("a county file with an unknown template, an unknown placeholder or an SMS too long is refused")
    func badOverrides() {
        func refusal(_ text: String) -> String? {
            do {
                _ = try TemplateBook.overriding(with: Data(text.utf8))
                return nil
            } catch {
                return error.description
            }
        }
        #expect(refusal(#"{"no.such": {"title": "x", "sms": "y"}}"#)?.contains("no such template") == true)
        #expect(refusal(#"{"child.exited": {"title": "x", "sms": "{child}{idNumber}"}}"#)?.contains("{idNumber}") == true)
        let long = String(repeating: "请", count: 65)
        #expect(refusal(#"{"child.exited": {"title": "x", "sms": "{child}\#(long)"}}"#)?.contains("one SMS holds 70") == true)
        #expect(refusal("[1, 2]") != nil)
    }

    @Test("money is shown in yuan from integer fen, dates as month and day")
    func labels() {
        #expect(ChineseLabels.yuan(1_200_050) == "12000.50")
        #expect(ChineseLabels.yuan(5) == "0.05")
        #expect(ChineseLabels.date(CalendarDate("2026-06-01")!) == "6月1日")
    }
}
