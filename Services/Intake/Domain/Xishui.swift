// Generated from shared/data/divisions/townships-520330.csv — do not edit by hand. Regenerate with
//   awk -F, 'NR>1 { gsub(/"/, "", $2); printf "        Township(code: \"%s\", name: \"%s\"),\n", $1, $2 }' townships-520330.csv
// A test compares this list with the file when shared/ is beside the repository.

/// 习水县 (Xishui County, Zunyi, Guizhou, 520330), the county seed 000 篇六 describes and the
/// default county, with its 26 townships and sub-districts (乡镇/街道).
///
/// Source: NBS statistical division codes (统计用区划代码) via the public dataset
/// modood/Administrative-divisions-of-China, data as of 2022-10-31 (published 2022-12-29).
public enum Xishui {
    /// The county.
    public static let county = County(code: "520330", name: "习水县")

    /// Its townships and sub-districts, in code order.
    public static let townships: [Township] = [
        Township(code: "520330001", name: "东皇街道"),
        Township(code: "520330002", name: "九龙街道"),
        Township(code: "520330003", name: "杉王街道"),
        Township(code: "520330004", name: "马临街道"),
        Township(code: "520330101", name: "土城镇"),
        Township(code: "520330102", name: "同民镇"),
        Township(code: "520330103", name: "醒民镇"),
        Township(code: "520330104", name: "隆兴镇"),
        Township(code: "520330105", name: "习酒镇"),
        Township(code: "520330106", name: "回龙镇"),
        Township(code: "520330107", name: "桑木镇"),
        Township(code: "520330108", name: "永安镇"),
        Township(code: "520330109", name: "良村镇"),
        Township(code: "520330110", name: "温水镇"),
        Township(code: "520330111", name: "仙源镇"),
        Township(code: "520330112", name: "官店镇"),
        Township(code: "520330113", name: "寨坝镇"),
        Township(code: "520330114", name: "民化镇"),
        Township(code: "520330115", name: "二郎镇"),
        Township(code: "520330116", name: "二里镇"),
        Township(code: "520330117", name: "三岔河镇"),
        Township(code: "520330118", name: "大坡镇"),
        Township(code: "520330119", name: "桃林镇"),
        Township(code: "520330120", name: "程寨镇"),
        Township(code: "520330205", name: "双龙乡"),
        Township(code: "520330207", name: "坭坝乡"),
    ]
}
