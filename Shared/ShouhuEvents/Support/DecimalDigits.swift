extension Array where Element == UInt8 {
    /// Appends a non-negative number as exactly `count` ASCII digits, zero-padded on the left
    /// (the fixed-width fields of dates and instants: `0007`, `03`).
    mutating func appendDigits(_ value: Int, count: Int) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        while divisor > 0 {
            append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }
}
