import ArgumentParser
import Foundation
import IntakeDomain
import ShouhuEvents
import ShouhuService

/// `shouhu-admin demo`: loads the demo county into running services and says what happened —
/// villages, mentors, children registered through intake, an assessment for each child, the
/// township officers' subscriptions — then waits for the pairings and alerts that follow.
///
/// Safe to run twice: the county is generated from a fixed seed, intake refuses a second
/// registration of the same ID number, mentors are matched by phone, and each assessment has a
/// fixed id derived from the child's.
struct DemoLoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Load the demo county (520330, 26 townships, demo villages and schools, generated children) into running services.")

    @Option(help: "How many children to generate.")
    var children = 300

    @Option(help: "Seconds to wait for the services to be ready and for events to settle.")
    var wait = 120

    func run() async throws {
        let endpoints = ServiceEndpoints()
        let clock = ServiceClock()
        // Anchor the county to the first of January of this year (county time), not to today:
        // the same children come out all year, so a second load finds them already registered.
        let county = DemoCounty.make(childCount: children, today: DemoCounty.referenceDate(for: clock.today()))
        let client = DemoClient(endpoints: endpoints)
        try await client.waitUntilReady(timeout: TimeInterval(wait))

        print("demo: loading \(county.villages.count) demo villages under \(Xishui.townships.count) townships of \(Xishui.county.name) (\(county.countyCode))")
        try await client.expect(.intake, "PUT", "/divisions/villages", body: Data(county.villagesCSV.utf8), contentType: "text/csv", ok: [200])

        let existingPhones = try await client.collect(.mentoring, "/mentors", as: .countyOfficer).compactMap { $0["phone"] as? String }
        var mentorsAdded = 0
        for mentor in county.mentors where !existingPhones.contains(mentor.phone) {
            try await client.expect(.mentoring, "POST", "/mentors", json: mentor, ok: [201])
            mentorsAdded += 1
        }
        print("demo: mentors: \(mentorsAdded) registered, \(county.mentors.count - mentorsAdded) already there")

        var created = 0, present = 0
        var refused: [String] = []
        for child in county.children {
            let (status, body) = await client.send(.intake, "POST", "/children", json: child.file, as: .countyOfficer)
            switch status {
            case 201: created += 1
            case 409: present += 1
            default: refused.append("\(child.file.name ?? "?"): HTTP \(status) \(String(decoding: body.prefix(200), as: UTF8.self))")
            }
        }
        print("demo: children: \(created) registered, \(present) already registered, \(refused.count) refused")
        refused.prefix(5).forEach { print("    \($0)") }

        // Map the ledger's ids to the generated children by name, birth date and village.
        let ledger = try await client.collect(.intake, "/children", as: .countyOfficer)
        var ids: [String: String] = [:]
        for entry in ledger {
            if let id = entry["id"] as? String, let name = entry["name"] as? String, let birth = entry["birthDate"] as? String,
               let village = entry["villageCode"] as? String {
                ids["\(name)|\(birth)|\(village)"] = id
            }
        }
        var assessed = 0, alreadyAssessed = 0
        var waiting = 0
        for child in county.children {
            guard let id = ids["\(child.file.name ?? "")|\(child.file.birthDate ?? "")|\(child.file.villageCode ?? "")"] else { continue }
            // The assessment service learns of the child from intake's event: wait for it.
            guard try await client.eventually(timeout: TimeInterval(wait), {
                await client.send(.assessment, "GET", "/children/\(id)/risk", as: .countyOfficer).status == 200
            }) else {
                waiting += 1
                continue
            }
            let body = DemoAssessmentBody(assessmentId: DemoIDs.uuid(from: "demo-assessment-" + id), harmLevel: child.assessment.harmLevel,
                                          guardianRating: child.assessment.guardianRating, scores: child.assessment.scores,
                                          assessorTitle: "示范评估员")
            let (status, _) = await client.send(.assessment, "POST", "/children/\(id)/assessments", json: body, as: .countyOfficer)
            if status == 201 { assessed += 1 } else if status == 409 || status == 200 { alreadyAssessed += 1 }
        }
        print("demo: assessments: \(assessed) recorded, \(alreadyAssessed) already recorded, \(waiting) children not yet known to assessment")

        var subscribed = 0
        var refusedSubscription: String?
        let existing = try await client.collect(.notification, "/subscriptions", as: .admin).compactMap { $0["subscriber"] as? String }
        for township in Xishui.townships where !existing.contains("township-\(township.code)") {
            let subscription = DemoSubscription(subscriber: "township-\(township.code)", role: "township", division: township.code,
                                                kinds: ["risk.escalated", "reassessment.due", "child.exited"],
                                                channels: ["in_app"], name: "\(township.name)社会事务办")
            let (status, answer) = await client.send(.notification, "POST", "/subscriptions", json: subscription, as: .admin)
            if (200..<300).contains(status) {
                subscribed += 1
            } else {
                refusedSubscription = "HTTP \(status) \(String(decoding: answer.prefix(200), as: UTF8.self))"
            }
        }
        print("demo: township subscriptions: \(subscribed) added" + (refusedSubscription.map { "; refused: \($0)" } ?? ""))
        try await client.summarize(settle: 10)
    }
}

/// The body of an assessment the demo records.
struct DemoAssessmentBody: Encodable {
    var assessmentId: String
    var harmLevel: Int?
    var guardianRating: String
    var scores: [String: Int]
    var assessorTitle: String
}

/// A township officer's standing subscription the demo adds.
struct DemoSubscription: Encodable {
    var subscriber: String
    var role: String
    var division: String
    var kinds: [String]
    var channels: [String]
    var name: String
}

/// Stable ids for demo records, so a second run names the same things.
enum DemoIDs {
    /// A lowercase UUID (version 8, name-based) from the SHA-256-free FNV hash of `name`.
    static func uuid(from name: String) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325, b: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in name.utf8 {
            a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x100_0000_01b3 &+ 7
        }
        let hex = String(format: "%016llx%016llx", a, b)
        let chars = Array(hex)
        var out = String(chars[0..<8]) + "-" + String(chars[8..<12]) + "-8" + String(chars[13..<16]) + "-"
        let variant = "89ab"[("89ab".index("89ab".startIndex, offsetBy: Int(b % 4)))]
        out += String(variant) + String(chars[17..<20]) + "-" + String(chars[20..<32])
        return out
    }
}
