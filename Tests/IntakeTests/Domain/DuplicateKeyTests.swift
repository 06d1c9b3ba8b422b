import IntakeDomain
import ShouhuEvents
import Testing

@Suite("Likely-duplicate key (疑似重复)")
struct DuplicateKeyTests {
    let born = Fixtures.date("2014-09-01")

    @Test func nameIsNormalised() {
        let plain = DuplicateKey(name: "张三", birthDate: born, villageCode: "520330101201")
        for variant in [" 张三 ", "张 三", "张　三", "\t张三\n"] {
            #expect(DuplicateKey(name: variant, birthDate: born, villageCode: "520330101201") == plain)
        }
        #expect(DuplicateKey.normalizedName("ＬＩ Ｍｉｎｇ") == "liming")
        #expect(DuplicateKey.normalizedName("买买提・艾力") == "买买提·艾力")
        #expect(DuplicateKey.normalizedName("买买提.艾力") == "买买提·艾力")
        #expect(DuplicateKey.normalizedName("买买提•艾力") == "买买提·艾力")
    }

    @Test func birthDateAndVillageTellChildrenApart() {
        let key = DuplicateKey(name: "张三", birthDate: born, villageCode: "520330101201")
        #expect(key != DuplicateKey(name: "张三", birthDate: born.adding(days: 1), villageCode: "520330101201"))
        #expect(key != DuplicateKey(name: "张三", birthDate: born, villageCode: "520330101202"))
        #expect(key != DuplicateKey(name: "张叁", birthDate: born, villageCode: "520330101201"))
        #expect(key == DuplicateKey(name: "张三", birthDate: born, villageCode: "５２０３３０１０１２０１"))
    }

    @Test func columnValue() {
        let key = DuplicateKey(name: " 王 小 明", birthDate: born, villageCode: "520330101201")
        #expect(key.value == "王小明|2014-09-01|520330101201")
        #expect("\(key)" == key.value)
    }
}
