/// What a caller is in the programme; the `role` claim of a token. Each route names the roles
/// it lets in (``ShouhuRequestContext/requireCaller(_:)``), so there is no hidden ranking and
/// `admin` gets only what a route grants it.
public enum Role: String, Codable, Sendable, CaseIterable, Hashable {
    /// Runs the deployment.
    case admin
    /// County civil-affairs officer (县民政局), who sees the whole county.
    case countyOfficer = "county_officer"
    /// Township officer (乡镇), limited to their township's division code by `scope`.
    case township
    /// Village children's director (儿童主任), limited to their village by `scope`.
    case village
    /// School staff, limited to their school by `scope`.
    case school
    /// A mentor (帮扶人): a teacher, cadre or volunteer with a caseload.
    case mentor
    /// Funding officer who builds and approves disbursement batches.
    case fundingOfficer = "funding_officer"
    /// Reads everything, changes nothing.
    case auditor
}
