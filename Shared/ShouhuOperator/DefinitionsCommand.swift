import ArgumentParser
import Foundation
import ShouhuService

/// `shouhu-admin definitions`: prints the broker topology as a RabbitMQ definitions file, the
/// same queues and arguments the services declare. deploy/rabbitmq/definitions/topology.json is
/// its output, checked by a test.
struct DefinitionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "definitions", abstract: "Print the RabbitMQ definitions (exchanges, queues, bindings, policy) the services expect.")

    func run() async throws {
        let settings = try ServiceEndpoints.brokerSettings(ProcessInfo.processInfo.environment)
        print(try ServiceRuntime.topology(settings).definitionsJSON(), terminator: "")
    }
}
