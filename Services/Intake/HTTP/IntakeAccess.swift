import ShouhuService

/// Who may call which intake route: one table, so the routes, the OpenAPI document and the role
/// matrix test read the same thing. Scoped roles (township, village, school) then see and change
/// only the children of their scope.
///
/// Who sees a resident ID number whole: only the county officer (县民政局), who owns the ledger
/// and must check it against the household, civil-affairs and disability registers (domain.md,
/// the national system's cross-checks). Even they see it masked by default and get it whole
/// only on `GET /children/{id}?show=idNumber`, one child at a time, and each such read is
/// written to the `id_number_reads` audit log, which the auditor reads. Everyone else, and every
/// list, import result and report, sees the first 6 and last 4 characters.
enum IntakeAccess {
    /// Roles that register and change children (scoped by their token's scope).
    static let writeChildren: Set<Role> = [.countyOfficer, .township, .village, .school]
    /// Roles that record an exit: the county and the village committee and township who know
    /// the family; a school reports to them.
    static let exitChildren: Set<Role> = [.countyOfficer, .township, .village]
    /// Roles that read children's files (scoped). A mentor's children are known only to
    /// mentoring, so mentors read there; the admin runs the deployment, not the casework.
    static let readChildren: Set<Role> = [.countyOfficer, .township, .village, .school, .auditor, .fundingOfficer]
    /// Roles that import ledger files (rows outside their scope are refused).
    static let importLedgers: Set<Role> = [.countyOfficer, .township, .village, .school]
    /// Roles that read an import's progress and results (their own imports; the county and the
    /// auditor all of them).
    static let readImports: Set<Role> = [.countyOfficer, .township, .village, .school, .auditor]
    /// Roles that read the roll-up summary (a township or village its own part).
    static let readReports: Set<Role> = [.countyOfficer, .township, .village, .auditor]
    /// Roles that load the county's village and school lists.
    static let loadDivisions: Set<Role> = [.admin, .countyOfficer]
    /// Roles that read the divisions (every signed-in role: they hold no personal data).
    static let readDivisions: Set<Role> = Set(Role.allCases)
    /// Roles that list and judge likely duplicates.
    static let reviewDuplicates: Set<Role> = [.countyOfficer, .township]
    /// Roles that read the audit log of unmasked ID reads.
    static let readAudit: Set<Role> = [.auditor, .admin]
    /// The only role that may see a resident ID number whole.
    static let seeIDNumberWhole: Set<Role> = [.countyOfficer]
}
