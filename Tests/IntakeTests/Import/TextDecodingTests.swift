import Foundation
import Testing

@testable import IntakeImport

@Suite("Text decoding")
struct TextDecodingTests {
    private func decode(_ data: Data, chunkSize: Int) throws(ImportError) -> (String, LedgerTextEncoding?) {
        let decoder = StreamingTextDecoder()
        var output: [UInt8] = []
        var offset = 0
        while offset < data.count {
            let end = min(offset + chunkSize, data.count)
            try decoder.decode(data.subdata(in: offset..<end), isFinal: false, into: &output)
            offset = end
        }
        try decoder.decode(Data(), isFinal: true, into: &output)
        return (String(decoding: output, as: UTF8.self), decoder.encoding)
    }

    @Test func utf8WithoutBOMIsDetected() throws {
        let (text, encoding) = try decode(Data("姓名,性别\n王小明,男\n".utf8), chunkSize: 64)
        #expect(text == "姓名,性别\n王小明,男\n")
        #expect(encoding == .utf8)
    }

    @Test func bomMeansUTF8AndIsDropped() throws {
        let (text, encoding) = try decode(Data([0xEF, 0xBB, 0xBF] + Array("姓名\n".utf8)), chunkSize: 1)
        #expect(text == "姓名\n")
        #expect(encoding == .utf8WithBOM)
    }

    @Test func plainASCIIIsUTF8() throws {
        let (text, encoding) = try decode(Data("name,gender\nLi Na,F\n".utf8), chunkSize: 4)
        #expect(text == "name,gender\nLi Na,F\n")
        #expect(encoding == .utf8)
    }

    @Test func gb18030WithFourByteCharactersDecodes() throws {
        let original = "姓名,地址\n刘䶮,青龙村\n张𠀀,€ 二组\n"
        let bytes = TestSupport.gb18030(original)
        // 𠀀 (U+20000) is the four bytes 95 32 82 36 in GB18030.
        #expect(bytes.range(of: Data([0x95, 0x32, 0x82, 0x36])) != nil)
        let (text, encoding) = try decode(bytes, chunkSize: 64 * 1024)
        #expect(text == original)
        #expect(encoding == .gb18030)
    }

    @Test(arguments: [1, 2, 3, 5, 7, 13, 64, 257])
    func gb18030SplitAcrossChunkBoundaries(chunkSize: Int) throws {
        // Long enough that the encoding is decided on one window and the rest arrives in pieces,
        // so two- and four-byte characters are cut at every possible place.
        let line = "刘䶮,男,张𠀀,开阳县城关镇青龙村二组\n"
        let original = "姓名,性别,监护人,住址\n" + String(repeating: line, count: 40)
        let (text, encoding) = try decode(TestSupport.gb18030(original), chunkSize: chunkSize)
        #expect(encoding == .gb18030)
        #expect(text == original)
    }

    @Test(arguments: [1, 2, 3, 64])
    func utf8SplitAcrossChunkBoundaries(chunkSize: Int) throws {
        let original = String(repeating: "张𠀀,青龙村\n", count: 50)
        let (text, encoding) = try decode(Data(original.utf8), chunkSize: chunkSize)
        #expect(encoding == .utf8)
        #expect(text == original)
    }

    @Test func bytesInvalidInBothEncodingsNameTheOffsets() {
        // 0xFF is neither UTF-8 nor a GB18030 lead byte.
        let bytes = Data(Array("name\n".utf8) + [0xFF, 0x41, 0x42])
        #expect(throws: ImportError.undecodableText(utf8Offset: 5, gb18030Offset: 5)) {
            try decode(bytes, chunkSize: 1024)
        }
    }

    @Test func invalidGB18030LaterInTheFileNamesItsOffset() throws {
        var bytes = TestSupport.gb18030(String(repeating: "王小明,男\n", count: 40))
        let badOffset = bytes.count
        bytes.append(contentsOf: [0x81, 0x20])  // a lead byte followed by a space
        bytes.append(contentsOf: TestSupport.gb18030("李\n"))
        #expect(throws: ImportError.invalidText(encoding: .gb18030, byteOffset: badOffset)) {
            try decode(bytes, chunkSize: 100)
        }
    }

    @Test func gb18030CutOffAtTheEndIsAnError() throws {
        var bytes = TestSupport.gb18030(String(repeating: "王小明\n", count: 50))
        let cut = bytes.count
        bytes.append(0xD5)  // the first half of a two-byte character
        #expect(throws: ImportError.invalidText(encoding: .gb18030, byteOffset: cut)) {
            try decode(bytes, chunkSize: 64)
        }
    }

    @Test func invalidUTF8AfterUTF8WasDecidedNamesItsOffset() {
        let good = Array(String(repeating: "王小明,男\n", count: 40).utf8)
        let bytes = Data(good + [0xC3, 0x28])
        #expect(throws: ImportError.invalidText(encoding: .utf8, byteOffset: good.count)) {
            try decode(bytes, chunkSize: 500)
        }
    }

    @Test func utf16IsRefusedClearly() {
        let bytes = Data([0xFF, 0xFE, 0x59, 0x5E])
        #expect(throws: ImportError.unsupportedFormat("UTF-16 文本")) {
            try decode(bytes, chunkSize: 64)
        }
    }

    @Test func utf8ValidationFollowsRFC3629() {
        #expect(UTF8Validation.check(Array("ok 好 𠀀".utf8)) == .valid)
        #expect(UTF8Validation.check([0xC0, 0xAF]) == .invalid(at: 0))  // overlong
        #expect(UTF8Validation.check([0xED, 0xA0, 0x80]) == .invalid(at: 0))  // surrogate
        #expect(UTF8Validation.check([0x41, 0xF0, 0xA0]) == .truncated(at: 1))
        #expect(UTF8Validation.check([0xF4, 0x90, 0x80, 0x80]) == .invalid(at: 0))  // past U+10FFFF
    }
}
