// Generated from shared/data/divisions/provinces.csv — do not edit by hand. Regenerate with
//   awk -F, 'NR>1 { gsub(/"/, "", $2); printf "        \"%s\": \"%s\",\n", $1, $2 }' provinces.csv
// A test compares this table with the file when shared/ is beside the repository.

/// The 31 province-level divisions of the mainland (省级行政区划代码): the first two digits of a
/// division code and of a resident ID number.
///
/// Source: NBS statistical division codes (统计用区划代码, equal to GB/T 2260 at this level) via the
/// public dataset modood/Administrative-divisions-of-China, data as of 2022-10-31. Hong Kong (81),
/// Macao (82) and Taiwan (71, 83 on residence permits) are not in the dataset and so not accepted:
/// their residents hold residence permits (港澳台居民居住证), not resident ID cards.
public enum ProvinceCodes {
    /// Province name by two-digit code.
    public static let names: [String: String] = [
        "11": "北京市",
        "12": "天津市",
        "13": "河北省",
        "14": "山西省",
        "15": "内蒙古自治区",
        "21": "辽宁省",
        "22": "吉林省",
        "23": "黑龙江省",
        "31": "上海市",
        "32": "江苏省",
        "33": "浙江省",
        "34": "安徽省",
        "35": "福建省",
        "36": "江西省",
        "37": "山东省",
        "41": "河南省",
        "42": "湖北省",
        "43": "湖南省",
        "44": "广东省",
        "45": "广西壮族自治区",
        "46": "海南省",
        "50": "重庆市",
        "51": "四川省",
        "52": "贵州省",
        "53": "云南省",
        "54": "西藏自治区",
        "61": "陕西省",
        "62": "甘肃省",
        "63": "青海省",
        "64": "宁夏回族自治区",
        "65": "新疆维吾尔自治区",
    ]
}
