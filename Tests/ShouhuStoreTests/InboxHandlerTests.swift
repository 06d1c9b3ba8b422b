import Foundation
import GRDB
import Testing
import ShouhuEvents
import ShouhuMessaging
import ShouhuStore

@Suite("Inbox: each event applied once")
struct InboxHandlerTests {
    @Test func theSameEnvelopeTwiceChangesTheStoreOnce() throws {
        let database = try makeDatabase()
        let handler = InboxHandler(database: database, router: recordingRouter(), county: testCounty, logger: quietLogger)
        let event = exitEvent()
        #expect(handler.handle([try delivery(event, tag: 1)]) == [.ack])
        #expect(handler.handle([try delivery(event, tag: 2)]) == [.ack])
        // Twice within one batch too.
        #expect(handler.handle([try delivery(event, tag: 3), try delivery(event, tag: 4)]) == [.ack, .ack])
        #expect(try appliedCount(database) == 1)
    }

    @Test func aBatchIsAppliedInOneGo() throws {
        let database = try makeDatabase()
        let handler = InboxHandler(database: database, router: recordingRouter(), county: testCounty, logger: quietLogger)
        let batch = try (1...50).map { try delivery(exitEvent(), tag: UInt64($0)) }
        #expect(handler.handle(batch) == Array(repeating: .ack, count: 50))
        #expect(try appliedCount(database) == 50)
    }

    @Test func oneBadDeliveryDoesNotSinkTheOthers() throws {
        let database = try makeDatabase()
        let handler = InboxHandler(database: database, router: recordingRouter(), county: testCounty, logger: quietLogger)
        let good1 = try delivery(exitEvent(), tag: 1)
        var garbage = good1
        garbage.deliveryTag = 2
        garbage.body = Array("{\"id\": 3".utf8)
        let rejected = try delivery(exitEvent(child: "00000000-0000-0000-0000-0000000dead0"), tag: 3)
        let busy = try delivery(exitEvent(child: "00000000-0000-0000-0000-00000000b00b"), tag: 4)
        let otherCounty = try delivery(exitEvent(county: "110101"), tag: 5)
        let good2 = try delivery(exitEvent(), tag: 6)

        let dispositions = handler.handle([good1, garbage, rejected, busy, otherCounty, good2])
        #expect(dispositions[0] == .ack)
        guard case .deadLetter(let why) = dispositions[1] else { Issue.record("garbage must be dead-lettered"); return }
        #expect(why.contains("JSON"))
        #expect(dispositions[2] == .deadLetter(reason: "simulated rejection"))
        guard case .retry = dispositions[3] else { Issue.record("a busy database is retried"); return }
        guard case .deadLetter(let county) = dispositions[4] else { Issue.record("another county is refused"); return }
        #expect(county.contains("110101"))
        #expect(dispositions[5] == .ack)
        #expect(try appliedCount(database) == 2)
        // Nothing of a failed delivery is kept, not even its inbox row: a retry applies it.
        let inbox = try database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shouhu_inbox") }
        #expect(inbox == 2)
    }

    @Test func anEventWithNoHandlerIsDeadLettered() throws {
        let database = try makeDatabase()
        let handler = InboxHandler(database: database, router: EventRouter(), county: testCounty, logger: quietLogger)
        guard case .deadLetter(let why) = handler.handle([try delivery(exitEvent())])[0] else {
            Issue.record("expected a dead letter"); return
        }
        #expect(why.contains("no handler"))
    }
}
