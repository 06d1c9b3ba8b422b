/// The text encodings a ledger CSV arrives in. Excel on Chinese Windows saves "CSV (逗号分隔)" in
/// GB18030 (code page 936); "CSV UTF-8" and WPS/LibreOffice save UTF-8, often with a BOM.
public enum LedgerTextEncoding: String, Sendable, Hashable, Codable {
    /// UTF-8 without a byte order mark (also chosen for a file that is plain ASCII).
    case utf8 = "utf-8"
    /// UTF-8 starting with the bytes EF BB BF, which are not part of the text.
    case utf8WithBOM = "utf-8-bom"
    /// GB18030, the superset of GBK/GB2312 that Chinese Windows uses for "ANSI" text.
    case gb18030
}
