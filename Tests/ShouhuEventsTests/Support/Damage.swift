import Foundation
import ShouhuEvents

/// Random damage to a body, repeatable from a seed: the robustness tests' source of bad input.
enum Damage {
    /// The body with one to `edits` bytes replaced by, removed or preceded by one of `alphabet`.
    static func apply(to data: Data, edits: Int, alphabet: [UInt8], using generator: inout SeededRandom) -> Data {
        var bytes = [UInt8](data)
        for _ in 0..<Int.random(in: 1...edits, using: &generator) {
            let index = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: bytes[index] = alphabet.randomElement(using: &generator)!
            case 1: bytes.remove(at: index)
            default: bytes.insert(alphabet.randomElement(using: &generator)!, at: index)
            }
        }
        return Data(bytes)
    }
}
