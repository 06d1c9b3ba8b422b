import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Paths of the committed fixtures and helpers that make larger files at run time.
enum TestSupport {
    /// `Tests/IntakeTests/Fixtures`, found from this file's own path.
    static let fixtures: URL = URL(filePath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().appending(path: "../Fixtures").standardized

    /// A committed fixture.
    static func fixture(_ name: String) -> URL {
        fixtures.appending(path: name)
    }

    /// The bytes of a committed fixture.
    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: fixture(name))
    }

    /// Encodes text as GB18030 with iconv (the direction the importer never needs).
    static func gb18030(_ text: String) -> Data {
        let converter = iconv_open("GB18030", "UTF-8")!
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var inLeft = input.count
        var outLeft = output.count
        input.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                var inPointer: UnsafeMutablePointer<CChar>? = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                precondition(result != -1, "text not encodable in GB18030")
            }
        }
        return Data(output[0..<(output.count - outLeft)])
    }

    /// A temporary file with these bytes, removed by the caller.
    static func temporaryFile(_ data: Data, suffix: String = ".csv") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "intake-test-\(UUID().uuidString)\(suffix)")
        try data.write(to: url)
        return url
    }

    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林"]
    static let given = ["小明", "思雨", "子涵", "欣怡", "浩然", "梓萱", "宇轩", "雨桐", "俊杰", "诗涵", "䶮", "𠀀"]

    /// A generated village ledger of `count` children with Chinese headers, CRLF line ends as Excel
    /// writes them, and every 10th address quoted with a comma and a line break inside.
    static func generatedLedger(rows count: Int) -> String {
        var text = "序号,姓名,性别,出生日期,身份证号码,学段,村代码,家庭住址,父亲状况,母亲状况,监护人姓名,与儿童关系,家庭情况\r\n"
        text.reserveCapacity(count * 160)
        for index in 1...count {
            let name = surnames[index % surnames.count] + given[index % given.count]
            let month = index % 12 + 1
            let day = index % 28 + 1
            let birth = "\(2008 + index % 10)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
            let id = "520121" + birth.replacingOccurrences(of: "-", with: "") + String(format: "%03d", index % 1000) + "X"
            let address = index % 10 == 0 ? "\"青龙村\(index % 9 + 1)组,\"\"老屋\"\"\r\n靠近村小\"" : "青龙村\(index % 9 + 1)组"
            let flags = ["", "低保", "单亲、低保", "孤儿", "建档立卡"][index % 5]
            text += "\(index),\(name),\(index % 2 == 0 ? "女" : "男"),\(birth),\(id),小学,520121100201,\(address),"
            text += "外出务工,外出务工,\(surnames[index % surnames.count])国强,祖父母,\(flags)\r\n"
        }
        return text
    }
}
